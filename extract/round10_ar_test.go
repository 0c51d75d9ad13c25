package extract

import (
	"strings"
	"testing"
)

// Rules of round 10 (Arabic), written from the classes of error that half A of
// the seventh set of real passages showed; every sentence here is ours.

// killedOf runs text and returns the killed count of its only candidate, or
// fails the test when it gives another number of candidates.
func killedOf(t *testing.T, text string) *int {
	t.Helper()
	got := extractAll(t, text, ymd("2024-05-01"))
	if len(got) != 1 {
		t.Fatalf("Extract(%q) = %v; want one incident", text, describeAll(got))
	}
	return got[0].Killed
}

// Counts of the killed told by their subject before the verb: a number with
// the singular noun numbers above ten take ("نحو 14 جندياً، قتلوا"), and a
// plural noun counted by "اثنين" after it ("مدنيين اثنين قتلوا").
func TestExtract_SubjectCountBeforeVerb(t *testing.T) {
	for text, want := range map[string]int{
		"وأفاد مصدر ميداني بأن نحو 14 جندياً من الجيش، قتلوا في هجوم على نقطة قرب بلدة السخنة.": 14,
		"وذكر ناشطون أن مدنيين اثنين قتلوا بانفجار لغم قرب بلدة الصنمين.":                       2,
	} {
		if k := killedOf(t, text); k == nil || *k != want {
			t.Errorf("Extract(%q) killed = %s; want %d", text, countStr(k), want)
		}
	}
}

// A part of the dead told after "بينهم" or "منهم", even in two groups joined
// by "و", is counted in the total, not added to it.
func TestExtract_SubgroupAfterAmongNotAdded(t *testing.T) {
	text := "أدى القصف إلى مقتل 9 أشخاص بينهم طفل و4 من العمال في بلدة كفرنبل."
	if k := killedOf(t, text); k == nil || *k != 9 {
		t.Errorf("Extract(%q) killed = %s; want 9", text, countStr(k))
	}
}

// "توفي" / "توفيت" with the people it tells is a death: "توفيت طفلتان
// بانفجار لغم" counts two killed.
func TestExtract_DiedCountsKilled(t *testing.T) {
	text := "توفيت طفلتان إثر انفجار قنبلة عنقودية قديمة قرب قرية المسيفرة."
	if k := killedOf(t, text); k == nil || *k != 2 {
		t.Errorf("Extract(%q) killed = %s; want 2", text, countStr(k))
	}
}

// Ordinary words are no place names: "حي آخر من مدينة X" is another quarter
// of X (the place is X), and an adjective of a people or creed after its noun
// ("الوحدات الكردية بريف X", "الفصائل التركمانية") describes a force, though
// some hamlet elsewhere shares the word.
func TestExtract_OrdinaryWordsAreNoNames(t *testing.T) {
	for text, want := range map[string]string{
		"وفي وقت لاحق أصيب ثلاثة أشخاص بانفجار عبوة ناسفة في حي آخر من مدينة حماة.": "حماة",
		"قتل اثنان في اشتباكات مع مقاتلي الوحدات الكردية بريف الرقة.":               "ريف الرقة",
		"قتل اثنان في اشتباكات مع الفصائل التركمانية بريف اللاذقية.":                "ريف اللاذقية",
	} {
		got := extractAll(t, text, ymd("2024-05-01"))
		if len(got) != 1 || !strings.Contains(got[0].PlaceNameAR, want) {
			t.Errorf("Extract(%q) = %v; want one incident at %s", text, describeAll(got), want)
		}
	}
}

// "بحي X" is told as "في حي X" is: the place's text keeps the type word,
// without the preposition glued to it, as "ببلدة X" keeps "بلدة X".
func TestExtract_QuarterWithGluedPreposition(t *testing.T) {
	text := "انفجرت عبوة ناسفة بحي الميدان في دمشق صباح اليوم."
	got := extractAll(t, text, ymd("2024-05-01"))
	if len(got) != 1 || len(got[0].Places) == 0 || got[0].Places[0].Text != "حي الميدان" {
		t.Errorf("Extract(%q) = %v; want one incident whose place is told as حي الميدان", text, describeAll(got))
	}
}

// A verb whose subject is the place ends its name: "بلدة X تعرضت للقصف",
// "قرية Y شهدت اشتباكات" name X and Y, not "X تعرضت".
func TestExtract_PlaceVerbEndsName(t *testing.T) {
	for text, want := range map[string]string{
		"وأضاف المصدر أن بلدة كفرنبل تعرضت لقصف مدفعي عنيف أدى إلى مقتل طفل.":    "بلدة كفرنبل",
		"وأضاف المصدر أن قرية المسيفرة شهدت اشتباكات عنيفة أدت إلى مقتل عنصرين.": "قرية المسيفرة",
	} {
		got := extractAll(t, text, ymd("2024-05-01"))
		if len(got) != 1 || len(got[0].Places) == 0 || got[0].Places[0].Text != want {
			t.Errorf("Extract(%q) = %v; want one incident whose place is told as %s", text, describeAll(got), want)
		}
	}
}

// A place told after an adjective of nearness ("المتاخم لمحافظة X", "القريبة
// من مدينة Y") is a point to tell the incident place from, not a second place
// where it happened.
func TestExtract_AdjacentPlaceIsReference(t *testing.T) {
	for text, ref := range map[string]string{
		"قتل ثمانية عناصر من الجيش في هجوم على مواقع عسكرية في ريف دير الزور الغربي، المتاخم لمحافظة الرقة.": "محافظة الرقة",
		"أصيب طفلان بقصف مدفعي على بلدة الطيبة القريبة من مدينة درعا.":                                       "مدينة درعا",
	} {
		got := extractAll(t, text, ymd("2024-05-01"))
		if len(got) != 1 {
			t.Fatalf("Extract(%q) = %v; want one incident", text, describeAll(got))
		}
		for _, p := range got[0].Places {
			if p.Text == ref && p.Role != RoleReference {
				t.Errorf("Extract(%q): %s has role %s; want %s", text, ref, p.Role, RoleReference)
			}
		}
	}
}

// "بعد تعرضهما لإطلاق نار": the masdar of "تعرض" with its pronoun says the
// shooting happened to them, as "تعرضت لـ" does; the incident noun after "لـ"
// is no purpose. A short vowel typed inside a word ("مقُتل") changes nothing.
func TestExtract_SubjectedMasdarWithPronoun(t *testing.T) {
	text := "وأفاد ناشطون بمقُتل تاجر وإصابة ابنه بعد تعرضهما لإطلاق نار كثيف من سيارة مسرعة قرب دوار الساعة في مدينة جرمانا."
	got := extractAll(t, text, ymd("2024-05-01"))
	if len(got) != 1 || got[0].IncidentType != TypeArmedAttack || got[0].Killed == nil || *got[0].Killed != 1 || got[0].Injured == nil || *got[0].Injured != 1 {
		t.Errorf("Extract(%q) = %v; want one armed attack, 1 killed and 1 injured", text, describeAll(got))
	}
}

// The two fronts of a battle are named by their villages: "على جبهتي X وY"
// lists two places, as "قريتي X وY" does.
func TestExtract_TwoFrontsAreTwoPlaces(t *testing.T) {
	text := "ودارت اشتباكات مماثلة بين الطرفين على جبهتي الحلونجي وكفرعفرا بريف منبج."
	got := extractAll(t, text, ymd("2024-05-01"))
	incident := 0
	if len(got) == 1 {
		for _, p := range got[0].Places {
			if p.Role == RoleIncident && (strings.Contains(p.Text, "الحلونجي") || strings.Contains(p.Text, "كفرعفرا")) {
				incident++
			}
		}
	}
	if incident != 2 {
		t.Errorf("Extract(%q) = %v; want one clash at both fronts' villages", text, describeAll(got))
	}
}
