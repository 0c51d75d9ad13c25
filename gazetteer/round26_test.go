package gazetteer

import (
	"strings"
	"testing"
)

// TestFindAll_HeadOfAConstructIsNoPlace: an Arabic word without the article
// followed by one with it is the first noun of a longer name ("حي باب
// الجندلي", "قرية نجم الزهور"), not the town whose name is that word with
// the article (الباب, النجم), whatever type word or importance it has; nor is
// the construct's second word a place of its own. The town told with its
// article, or a place named without one, is still found.
func TestFindAll_HeadOfAConstructIsNoPlace(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{
		"وقع انفجار قرب حاجز على أطراف حي باب الجندلي في مدينة حمص.",
		"قتل شخصان بانفجار لغم قرب قرية نجم الزهور.",
	} {
		for _, m := range g.FindAll(text) {
			if m.Match.Place.NameAR == "الباب" || m.Match.Place.NameAR == "النجم" || m.Match.Place.NameAR == "الزهور" {
				t.Errorf("FindAll(%q) read %q as %s (%s)", text, m.Text, m.Match.Place.NameEN, m.Match.Place.Admin1Name)
			}
		}
	}
	for text, want := range map[string]string{
		"قصفت الطائرات مدينة الباب في ريف حلب.": "Al Bab",
		"قتل شاب برصاص مجهولين في مدينة جاسم.":  "Jasim",
	} {
		found := false
		for _, m := range g.FindAll(text) {
			found = found || m.Match.Place.NameEN == want
		}
		if !found {
			t.Errorf("FindAll(%q) = %v; want %s", text, g.FindAll(text), want)
		}
	}
}

// TestFindAll_NoAreaAcrossTheSentenceEnd: "X in . Y" is X, then a new
// sentence: Y is no area X lies in, read across the full stop (the
// extractor then took Y for a place of the sentence before, whose words it
// did not hold, and panicked). An area told after "in" in the same sentence
// is still read.
func TestFindAll_NoAreaAcrossTheSentenceEnd(t *testing.T) {
	g := mustDefault(t)
	for _, m := range g.FindAll("Idlib in . Maarat al-Numan") {
		if strings.Contains(m.Text, ".") {
			t.Errorf("FindAll read %q across the full stop", m.Text)
		}
	}
	found := false
	for _, m := range g.FindAll("Gunmen attacked the village of Kansafra in Idlib countryside.") {
		found = found || m.Match.Place.NameEN == "Kansafra" && m.Match.Place.Admin1Name == "Idlib"
	}
	if !found {
		t.Errorf("the village told with its area after \"in\": not found")
	}
}
