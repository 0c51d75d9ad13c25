package gazetteer

import (
	"strings"
	"testing"

	"github.com/paulmach/orb/geo"
)

// News often leaves out the word by which OCHA tells apart villages of one
// name (which bank of the Euphrates, upper or lower, big or small, east or
// west): "بلدة سويدان" for سويدان جزيرة, "Swaidan" for Sweidan Jazira. A name
// so shortened resolves to one of the places that bear it, within 5 km, for
// at least nine in ten of OCHA's such names, in each script; a place bearing
// the short name itself still wins.
func TestGeocode_NameWithoutItsDistinguishingWord(t *testing.T) {
	g := mustDefault(t)
	for _, script := range []string{"Arabic", "English"} {
		n, ok := 0, 0
		for i := range g.places {
			p := g.places[i]
			if !strings.HasPrefix(p.ID, "ocha:C") {
				continue
			}
			name := p.NameAR
			if script == "English" {
				name = p.NameEN
			}
			toks := strings.Fields(Normalize(name))
			if bareKey(toks) == "" {
				continue
			}
			short := shortened(strings.Fields(name), script == "Arabic")
			if len(g.exact[nameKey(short)]) > 0 {
				continue // a place bears the short name itself
			}
			n++
			m, err := g.Geocode(short)
			if err == nil && nearAny(g, m.Place, nameKey(short)) {
				ok++
			}
		}
		if n < 100 || float64(ok) < 0.9*float64(n) {
			t.Errorf("%s names without their distinguishing word: %d of %d resolve to a place bearing them; want ≥ 90%%", script, ok, n)
		}
		t.Logf("%s: %d of %d shortened names resolve to a place bearing them", script, ok, n)
	}
	m, err := g.Geocode("Salam")
	if err != nil || m.Place.NameEN != "Salam" {
		t.Errorf("Geocode(Salam) = %v, %v; want the village named Salam itself, not Eastern Salam", m.Place, err)
	}
}

// shortened drops the word that tells namesakes apart: the last Arabic word,
// or the first English one when it is an English adjective.
func shortened(words []string, arabic bool) string {
	if arabic || qualifierWordsEN[strings.ToLower(words[0])] == 0 {
		return strings.Join(words[:len(words)-1], " ")
	}
	return strings.Join(words[1:], " ")
}

// nearAny reports p within 5 km of a place whose name, shortened, has key.
func nearAny(g *Gazetteer, p Place, key string) bool {
	for _, i := range g.bare[key] {
		if geo.DistanceHaversine(p.Location, g.places[i].Location) <= 5000 {
			return true
		}
	}
	return false
}

// In running text a shortened name of one word is read only after a type
// word: "ببلدة سويدان" is Sweidan Jazira; "عصابة من أربعة أفراد" names no
// village "أربعة صغيرة".
func TestFindAll_ShortenedNameNeedsTypeWord(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{"أصيب عنصر برصاص مسلحين ببلدة سويدان شرق دير الزور.", "Gunmen wounded a fighter in the town of Swaidan on Monday."} {
		found := false
		for _, m := range g.FindAll(text) {
			found = found || m.Match.Place.NameEN == "Sweidan Jazira"
		}
		if !found {
			t.Errorf("FindAll(%q) = %v; want Sweidan Jazira", text, g.FindAll(text))
		}
	}
	if got := g.FindAll("ألقت الشرطة القبض على عصابة من أربعة أفراد."); len(got) != 0 {
		t.Errorf("FindAll = %v; want no place", got)
	}
}

// After a plural type word, "including" opens the places counted: "several
// villages, including Kafr Nabudah and Suran".
func TestFindAll_IncludingAfterPluralType(t *testing.T) {
	g := mustDefault(t)
	text := "Shells hit several villages, including Kafr Nabudah and Tal Shnan, on Monday."
	names := map[string]bool{}
	for _, m := range g.FindAll(text) {
		names[text[m.NameStart:m.NameEnd]] = true
	}
	if !names["Kafr Nabudah"] || !names["Tal Shnan"] {
		t.Errorf("FindAll(%q) found %v; want Kafr Nabudah and Tal Shnan", text, names)
	}
}

// Names as English and Arabic news write them around small places:
//   - "in al-Hara", the article written apart, is a place after "in" as
//     "in Hara" would be, but not after "of" ("the operation of al-Furat");
//   - "al-Hara town" is Hara and a type word, not a spelling of Huraytan
//     read across the two words;
//   - "around X" places X as "near X" does;
//   - "بلدة الحارة": after a type word, a word that is itself a type word
//     ("حارة", a quarter) but bears the article is the name, al-Harra.
func TestFindAll_SmallPlacesAsNewsWritesThem(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ text, name, admin1 string }{
		{"Weapons were found in al-Hara on Wednesday.", "al-Hara", ""},
		{"Weapons were found in al-Hara town on Wednesday.", "al-Hara", ""},
		{"Violent clashes took place around Tal al-Samn on Wednesday.", "Tal al-Samn", ""},
		{"عثر على مستودع أسلحة في بلدة الحارة بريف درعا.", "الحارة", "SY12"},
	} {
		found := false
		for _, m := range g.FindAll(tc.text) {
			if tc.text[m.NameStart:m.NameEnd] == tc.name && (tc.admin1 == "" || m.Match.Place.Admin1PCode == tc.admin1) {
				found = found || m.Match.Place.ID != "ocha:C1130"
			}
		}
		if !found {
			t.Errorf("FindAll(%q) = %v; want %q", tc.text, g.FindAll(tc.text), tc.name)
		}
	}
	text := "The clashes went on under the operation of al-Furat on Wednesday."
	for _, m := range g.FindAll(text) {
		if text[m.NameStart:m.NameEnd] == "al-Furat" {
			t.Errorf("FindAll(%q) read the operation's name as a place", text)
		}
	}
}

// A one-word English name right after a capitalised given name is a
// person's family name ("Kamiran Kaso", "Ahmad Suran"), however close it is
// to a village's spelling; after a nationality ("A Russian drone hit
// Saraqib") or a possessor ("Idlib's Saraqib") a place is still read.
func TestFindAll_FamilyNameIsNoPlace(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{
		"Gunmen abducted the following civilians near Afrin: Kamiran Kaso, Mohammad Rashid and Fahmi Abdo.",
		"Gunmen abducted Kamiran Kaso in Afrin on Monday.",
	} {
		for _, m := range g.FindAll(text) {
			if name := text[m.NameStart:m.NameEnd]; name == "Kaso" {
				t.Errorf("FindAll(%q) read the family name %q as %s", text, name, m.Match.Place.ID)
			}
		}
	}
	for _, text := range []string{"A Russian drone hit Saraqib on Monday.", "Shells hit Idlib's Saraqib on Monday."} {
		found := false
		for _, m := range g.FindAll(text) {
			found = found || text[m.NameStart:m.NameEnd] == "Saraqib"
		}
		if !found {
			t.Errorf("FindAll(%q) = %v; want Saraqib", text, g.FindAll(text))
		}
	}
}

// "مركز المدينة" is any city's centre ("9 كيلومترات من مركز المدينة"), not
// the Idlib quarter OCHA calls so, unless its city is named with it.
func TestFindAll_CityCentreIsAnyCitys(t *testing.T) {
	g := mustDefault(t)
	text := "وتبعد القرية عن مدينة حماة نحو 9 كيلومترات إلى الشمال من مركز المدينة."
	for _, m := range g.FindAll(text) {
		if m.Match.Place.Admin1PCode == "SY07" {
			t.Errorf("FindAll(%q) read %q as Idlib's %s", text, m.Text, m.Match.Place.ID)
		}
	}
	text = "انفجرت عبوة في مركز المدينة بإدلب."
	found := false
	for _, m := range g.FindAll(text) {
		found = found || m.Match.Place.Kind == KindNeighbourhood && m.Match.Place.Admin1PCode == "SY07"
	}
	if !found {
		t.Errorf("FindAll(%q) = %v; want Idlib's city centre", text, g.FindAll(text))
	}
}
