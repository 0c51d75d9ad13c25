package gazetteer

import "testing"

// A name written with its consonants in order but its vowels elsewhere
// (Mhardeh for Muhradah, Mahmbel for Muhambal: Arabic writes no short vowels)
// is that place, read from one capitalised word told where a place may be.
// Words that run two names together, or a person's possessive, are not.
func TestFindAll_ConsonantsInOrder(t *testing.T) {
	g := ochaGazetteer(t)
	for text, want := range map[string]string{
		"Rockets fell in Mhardeh on Monday evening.":          "Muhradah",
		"Clashes broke out in Mahmbel at dawn.":               "Muhambal",
		"Two shells landed in Mhardeh town, a resident said.": "Muhradah",
	} {
		got := g.FindAll(text)
		if len(got) == 0 || got[0].Match.Place.NameEN != want {
			t.Errorf("FindAll(%q) = %v; want %s", text, describeMentions(got), want)
		}
	}
	for _, text := range []string{
		"Gunmen stormed a farm in Barshun on Monday.", // not Abu Rasin, whose consonants run the same only with "Abu"
		"They met in Mohammed's house on Monday.",
	} {
		for _, m := range g.FindAll(text) {
			if m.Match.Place.NameEN == "Abu Rasin" || m.Match.Score < 0.9 && m.Match.Place.Kind != KindGovernorate {
				t.Errorf("FindAll(%q) read %q as %s", text, m.Text, m.Match.Place.NameEN)
			}
		}
	}
}
