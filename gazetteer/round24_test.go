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

// Kurdish and Kurdish-administration outlets write the Kurdish names of the
// north-east's towns in Arabic letters too: "كوباني" is Ain al-Arab, not the
// village Kabani in Latakia; "ديرك" al-Malikiyah; "تربه سبيه" al-Qahtaniyah.
func TestFindAll_KurdishNamesInArabicLetters(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ text, id string }{
		{"استهدفت طائرة مسيرة سيارة في محيط مدينة كوباني مساء السبت.", "ocha:C1946"},
		{"Three men were killed by a drone near Kobanê on Saturday.", "ocha:C1946"},
		{"انفجرت عبوة ناسفة في مدينة ديرك صباح اليوم.", "ocha:C4881"},
		{"اعتقلت القوات شابين في بلدة تربه سبيه أمس.", "ocha:C4751"},
		{"Shells fell near Til Temir on Saturday.", "ocha:C4409"},
	} {
		got := g.FindAll(tc.text)
		if len(got) != 1 || got[0].Match.Place.ID != tc.id {
			t.Errorf("FindAll(%q) = %v; want %s alone", tc.text, got, tc.id)
		}
	}
}

// An English verb of striking or taking names its object as a place, as a
// preposition does: "shelled Qaboun and Jobar", "raided Hazzano"; so does "on"
// after a noun of striking: "the airstrike on Darat Izza".
func TestFindAll_ObjectOfAStrikeVerb(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ text, name, admin1 string }{
		{"Government artillery shelled Qaboun and Jobar on Monday.", "Qaboun", "SY01"},
		{"Security forces raided Hazzano at dawn on Monday.", "Hazzano", "SY07"},
		{"The airstrike on Darat Izza came at dawn on Thursday.", "Darat Izza", "SY02"},
	} {
		found := false
		for _, m := range g.FindAll(tc.text) {
			found = found || tc.text[m.NameStart:m.NameEnd] == tc.name && m.Match.Place.Admin1PCode == tc.admin1
		}
		if !found {
			t.Errorf("FindAll(%q) = %v; want %s in %s", tc.text, g.FindAll(tc.text), tc.name, tc.admin1)
		}
	}
}
