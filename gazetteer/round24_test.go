package gazetteer

import (
	"strings"
	"testing"
)

// An English possessive ends a name: in "Daraa's town of Nawa" and "Idlib's
// Saraqib" the possessor is one place and the possessed another, found whole,
// never one name read across the "'s" ("Daraa's town" is no transliteration of
// a village). The possessor locates what follows it as a preposition would:
// "Quneitra province's Khan Arnaba" names Khan Arnaba though no "in" stands
// before it.
func TestFindAll_PossessiveEndsName(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ text, possessed, admin1 string }{
		{"A bomb went off in Daraa's town of Nawa on Friday.", "Nawa", "SY12"},
		{"A bomb went off in Daraa’s town of Nawa on Friday.", "Nawa", "SY12"},
		{"Shells hit homes in Quneitra province's Khan Arnaba on Friday.", "Khan Arnaba", "SY14"},
		{"A drone struck a car in Idlib's Saraqib on Friday.", "Saraqib", "SY07"},
		{"Gunmen shot a man in Aleppo's Sheikh Maqsoud neighbourhood.", "Sheikh Maqsoud", "SY02"},
	} {
		got := g.FindAll(tc.text)
		found := false
		for _, m := range got {
			name := tc.text[m.NameStart:m.NameEnd]
			if name == tc.possessed && m.Match.Place.Admin1PCode == tc.admin1 {
				found = true
			}
			if strings.Contains(name, "'s ") || strings.Contains(name, "’s ") {
				t.Errorf("FindAll(%q) read %q across a possessive (→ %s)", tc.text, name, m.Match.Place.ID)
			}
		}
		if !found {
			t.Errorf("FindAll(%q) = %v; want %q in %s", tc.text, got, tc.possessed, tc.admin1)
		}
	}
}
