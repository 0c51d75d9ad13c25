package extract

import (
	"strings"
	"testing"
)

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

// A village placed at the area told with it because the gazetteer knows its
// name only in another governorate says where it knows it: the reviewer may
// know that the text, not the gazetteer, errs.
func TestExtract_UnknownNameKnownElsewhere(t *testing.T) {
	for _, tc := range []struct{ text, lang string }{
		{"قصفت قوات النظام بالمدفعية قرية بليون بريف حماة الشمالي صباح اليوم.", "ar"},
		{"Regime artillery shelled the village of Balyun in the northern Hama countryside on Sunday morning.", "en"},
	} {
		got := extractAll(t, tc.text, ymd("2025-01-05"))
		if len(got) != 1 || got[0].Admin1Name != "Hama" {
			t.Fatalf("Extract(%q) = %v; want one shelling placed in Hama", tc.text, describeAll(got))
		}
		if notes := strings.Join(got[0].Notes, "; "); !strings.Contains(notes, "not in the gazetteer in Hama") || !strings.Contains(notes, "Balyun in Idlib") {
			t.Errorf("Extract(%q) notes = %q; want the namesake in Idlib named", tc.text, notes)
		}
	}
}
