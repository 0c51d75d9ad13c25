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
