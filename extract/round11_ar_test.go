package extract

import (
	"testing"
)

// Rules of round 11 (Arabic): counts attached to the incident they belong to,
// background told in a passage with no new event, one event told twice, and
// the roles of places. Every sentence here is ours.

// typed returns the candidates of got of type typ.
func typed(got []Candidate, typ string) []Candidate {
	var out []Candidate
	for _, c := range got {
		if c.IncidentType == typ {
			out = append(out, c)
		}
	}
	return out
}

// Arrests told with an attack or a kidnapping (a sweep after the attack, a
// kidnapper caught when the hostage is freed) are an arrest of their own: the
// arrested count is the arrest's, not the attack's.
func TestExtract_ArrestsAfterAttackApart(t *testing.T) {
	text := "قتل ثلاثة عناصر من الشرطة وأصيب اثنان آخران، فجر الأربعاء، في هجوم مسلح استهدف حاجزاً عند مدخل بلدة الصنمين بريف درعا الشمالي.\n" +
		"وبعد ساعات، داهمت دوريات الأمن مزارع قريبة من موقع الهجوم واعتقلت سبعة أشخاص."
	got := extractAll(t, text, ymd("2024-03-14"))
	att, arr := typed(got, TypeArmedAttack), typed(got, TypeArrest)
	if len(att) != 1 || len(arr) != 1 || att[0].Arrested != nil || countStr(arr[0].Arrested) != "7" ||
		countStr(att[0].Killed) != "3" {
		t.Errorf("Extract(%q) = %v; want an attack (3 killed) and an arrest of 7", text, describeAll(got))
	}
	text = "أعلنت قيادة الشرطة أن دورية تمكنت من تحرير طفل اختطف في بلدة قطنا بريف دمشق مقابل فدية، والقبض على اثنين من الخاطفين."
	got = extractAll(t, text, ymd("2024-03-14"))
	kid, arr := typed(got, TypeKidnapping), typed(got, TypeArrest)
	if len(kid) != 1 || len(arr) != 1 || kid[0].Arrested != nil || countStr(arr[0].Arrested) != "2" {
		t.Errorf("Extract(%q) = %v; want a kidnapping and an arrest of 2", text, describeAll(got))
	}
}

// A home told in a relative clause after a place where the event is told
// ("في محيط قرية X التي ينحدر منها") is still where it happened, as "التي
// يقيم فيها" after "في X" already was.
func TestExtract_HomeToldWhereItHappened(t *testing.T) {
	text := "قتل شاب برصاص مجهولين، مساء الاثنين، في محيط بلدة الكرك الشرقي التي ينحدر منها بريف درعا."
	c := onlyOne(t, text, "2024-03-14")
	if c.PlaceNameAR != "الكرك الشرقي" && c.PlaceNameAR != "الكرك" {
		t.Errorf("Extract(%q) = %v; want the place الكرك الشرقي", text, describeAll([]Candidate{c}))
	}
}

// Losses told as limited to material ones ("اقتصرت الأضرار على الماديات",
// "اقتصرت الحصيلة على الخسائر المادية") say nobody was killed or hurt.
func TestExtract_OnlyMaterialLosses(t *testing.T) {
	for _, text := range []string{
		"سقطت ثلاث قذائف صاروخية على أطراف بلدة محردة بريف حماة الشمالي مساء الأحد، واقتصرت الأضرار على الماديات.",
		"استهدفت غارة جوية مستودعاً قرب مدينة جبلة فجر الأحد، وقال مصدر إن حصيلة الغارة اقتصرت على خسائر مادية في المستودع.",
	} {
		c := onlyOne(t, text, "2024-03-18")
		if countStr(c.Killed) != "0" || countStr(c.Injured) != "0" {
			t.Errorf("Extract(%q) = %v; want 0 killed and 0 injured", text, describeAll([]Candidate{c}))
		}
	}
}

// A sentence right after a commemoration, with no place or date of its own,
// goes on about it (the participants' demands for the victims of the massacre
// remembered): no new event.
func TestExtract_AfterCommemorationNoEvent(t *testing.T) {
	text := "تجمع العشرات في بلدة كفرنبل، اليوم الأحد، إحياء للذكرى الثامنة لمجزرة السوق التي ارتكبها الطيران الحربي عام 2017.\n\n" +
		"وطالب المشاركون بتحقيق العدالة للضحايا ومحاسبة مرتكبي المجزرة."
	if got := extractAll(t, text, ymd("2025-06-08")); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want no incident", text, describeAll(got))
	}
}
