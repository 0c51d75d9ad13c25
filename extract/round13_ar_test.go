package extract

import "testing"

// Rules of round 13 (Arabic). Every sentence here is ours.

// "فتح النار" is opening fire however many words tell the shooters between
// the verb and the fire, when the fire is aimed at someone; opening an
// inquiry, a crossing or a clinic near a fire that broke out is no attack.
func TestExtract_OpenedFireAfterLongSubject(t *testing.T) {
	for _, text := range []string{
		"فتح ثلاثة ملثمين يستقلون سيارة بيضاء من دون لوحات النار على حاجز للأمن العام عند مدخل بلدة الدانا شمالي إدلب.",
		"فتحوا النار على المارة في سوق بلدة الدانا.",
	} {
		got := extractAll(t, text, ymd("2025-09-05"))
		if len(got) != 1 || got[0].IncidentType != TypeArmedAttack || got[0].PlaceNameAR != "الدانا" {
			t.Errorf("Extract(%q) = %v; want one armed_attack at الدانا", text, describeAll(got))
		}
	}
	for _, text := range []string{
		"فتحت الجمارك تحقيقاً في حريق أتت النار على مستودع للأخشاب في بلدة الدانا.",
		"فتحت السلطات المعبر أمام المسافرين بعد أن خمدت النار على الطرف الآخر قرب بلدة الدانا.",
		"افتتح المحافظ مستوصفاً جديداً في بلدة الدانا بعد إخماد النار التي اندلعت فيه.",
	} {
		if got := extractAll(t, text, ymd("2025-09-05")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want no incident", text, describeAll(got))
		}
	}
}
