package extract

import (
	"testing"
)

// Rules of round 8, written from the classes of error that the second half of
// the fresh real passages showed; every sentence here is ours.

// A word glued to "ب" that opens a phrase of quantity or carries the article
// ("بأكثر من عشر قذائف", "بعشرات القذائف", "بالرشاشات") tells what a place was
// hit with: it ends the place's name, it is no second word of it.
func TestExtract_PrepPhraseEndsName(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"قصفت قوات النظام مدينة نوى بأكثر من عشرين قذيفة هاون ما أدى إلى مقتل امرأة.", "نوى"},
		{"قصفت القوات بلدة الحراك بعشرات القذائف صباح اليوم ما أدى إلى مقتل طفل.", "الحراك"},
		{"استهدف مسلحون قرية الفرحات بالرشاشات الثقيلة ما أدى إلى إصابة طفل.", "الفرحات"},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].PlaceNameAR != tc.want {
			t.Errorf("Extract(%q) = %v; want one incident at %s", tc.text, describeAll(got), tc.want)
		}
	}
}

// A type word with a possessive pronoun ("بلدتهم", "قريته": their town, his
// village) names the place after it as "بلدة X" does: near it is a reference,
// in it is the place.
func TestExtract_PossessiveTypeWord(t *testing.T) {
	text := "قتل شاب بانفجار لغم أرضي قرب بلدتهم المسرب في ريف دير الزور الغربي."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].PlaceNameAR != "ريف دير الزور الغربي" {
		t.Errorf("Extract(%q) = %v; want one incident in the region, the town near it a reference", text, describeAll(got))
	}
	text = "قتل مسلحون شاباً داخل منزله في قريته المسرب بريف دير الزور الغربي."
	got = extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].PlaceNameAR != "المسرب" {
		t.Errorf("Extract(%q) = %v; want one incident in his village", text, describeAll(got))
	}
}

// A sentence about a sentence handed down or a defendant tells a trial, not an
// incident, though it names the killing judged.
func TestExtract_SentenceAndDefendant(t *testing.T) {
	text := "A court in Stockholm on Monday jailed a former Syrian officer for life. The defendant was handed the sentence for the killing of two prisoners in a jail in Homs. His lawyer said he would appeal."
	if got := extractAll(t, text, ymd("2025-10-15")); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
	}
}

// A place told with a neighbouring country after it ("in eastern Lebanon", "في
// البقاع اللبناني", "مدينة القائم العراقية") is abroad, and so is the same place
// told again; an event there is no incident to map, though a Syrian village
// shares the name. A border named by its country locates a Syrian place.
func TestExtract_EventAbroad(t *testing.T) {
	for _, text := range []string{
		"Two shells landed on farmland outside Hermel in eastern Lebanon on Friday, wounding a shepherd.",
		"A drone struck a truck near Hermel in the northern Bekaa, killing its driver. An hour later a second strike hit a workshop in the town.",
		"قتل شخصان بغارة إسرائيلية على بلدة الهرمل في البقاع اللبناني أمس.",
		"قتل شخصان بغارة على مدينة القائم العراقية قرب الحدود السورية.",
	} {
		if got := extractAll(t, text, ymd("2025-10-15")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing: the event is abroad", text, describeAll(got))
		}
	}
	for _, text := range []string{
		"قتل شخصان بقصف على بلدة القصير قرب الحدود اللبنانية.",
		"Two people were killed in shelling on Qusayr near the Lebanese border on Monday.",
	} {
		if got := extractAll(t, text, ymd("2025-10-15")); len(got) != 1 || got[0].Admin1Name != "Homs" {
			t.Errorf("Extract(%q) = %v; want one incident in Homs", text, describeAll(got))
		}
	}
}

// A type word followed by a verb of dwelling or holding with the place's
// pronoun ("حي يقطنه", "قرية تسكنها") describes a place it does not name: the
// place is the one told around it.
func TestExtract_DescribedQuarter(t *testing.T) {
	text := "وفي حمص، قتل مدني وأصيب ثلاثة آخرون بجروح في تفجير سيارة مفخخة في حي يقطنه غالبية من الموظفين، بحسب المرصد."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].PlaceNameAR != "حمص" {
		t.Errorf("Extract(%q) = %v; want one bombing in Homs", text, describeAll(got))
	}
}

// "واحد" after a singular person noun is its numeral ("قتل شخص واحد": one),
// not "و" and "أحد" (and one more), which normalising spells alike.
func TestExtract_OneAfterNoun(t *testing.T) {
	for _, tc := range []struct {
		text   string
		killed int
	}{
		{"قتل شخص واحد على الأقل وأصيب ستة آخرون بانفجار سيارة مفخخة في مدينة الباب بريف حلب.", 1},
		{"قتل مدني وأحد عناصر الأمن بانفجار سيارة مفخخة في مدينة الباب بريف حلب.", 2},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != tc.killed {
			t.Errorf("Extract(%q) = %v; want one incident, %d killed", tc.text, describeAll(got), tc.killed)
		}
	}
}

// A sentence opened by an adverb of habit and "ما" ("وغالباً ما تقصف …")
// tells what happens as a rule: no incident, whatever incident words follow.
func TestExtract_HabitOpening(t *testing.T) {
	text := "قتل مدني بقذيفة هاون سقطت على حي الميدان بدمشق صباح اليوم. وغالباً ما تقصف الفصائل المتمركزة في محيط العاصمة أحياءها، ولا سيما حين تدور معارك في الغوطة."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].IncidentType != TypeShelling {
		t.Errorf("Extract(%q) = %v; want the one shelling told, not the habit", text, describeAll(got))
	}
}
