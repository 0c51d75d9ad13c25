package gazetteer

import "testing"

// English news writes a village as its Arabic name sounds, not as OCHA's
// English name spells it: the spelling key reads it from the Arabic name,
// words apart, with words of position and size in either language and order.
func TestGeocode_SpellingOfArabicName(t *testing.T) {
	g := mustDefault(t)
	for query, wantAR := range map[string]string{
		"Kafr Nabudah":   "كفر نبودة",   // OCHA: Kafr Nabutha
		"Kafr Naboudeh":  "كفر نبودة",   //
		"Tal Shenan":     "تل شنان",     // OCHA: Tal Shnan
		"Salam Sharqi":   "سلام شرقي",   // OCHA: Eastern Salam
		"Sharqi Salam":   "سلام شرقي",   // the qualifier in either place
		"Urum al-Sughra": "أورم الصغرى", // OCHA: Little Orm
		"Orum Sughra":    "أورم الصغرى",
	} {
		m, err := g.Geocode(query)
		if err != nil || m.Place.NameAR != wantAR {
			t.Errorf("Geocode(%q) = %s (%s), %v; want %s", query, m.Place.NameEN, m.Place.NameAR, err, wantAR)
			continue
		}
		if m.Score >= 0.92 {
			t.Errorf("Geocode(%q) scored %.3f; a spelling match ranks below a transliteration", query, m.Score)
		}
	}
}

// In running text the spelling key reads capitalised words told where a
// place may be, and never a person, a common English phrase, a name whose
// letters differ (ش is not س) or one whose long vowels the writer did not
// write ("Barshun" is not برشين).
func TestFindAll_SpellingOfArabicName(t *testing.T) {
	g := mustDefault(t)
	for text, wantAR := range map[string]string{
		"Artillery shells fell on homes in Kafr Nabudah on Tuesday.":  "كفر نبودة",
		"A landmine killed a shepherd in Tal Shenan, east of Homs.":   "تل شنان",
		"Fighters advanced in Salam Sharqi at dawn, a monitor said.":  "سلام شرقي",
		"Shelling hit the village of Urum al-Sughra in rural Aleppo.": "أورم الصغرى",
	} {
		found := false
		for _, m := range g.FindAll(text) {
			found = found || m.Match.Place.NameAR == wantAR
		}
		if !found {
			t.Errorf("FindAll(%q) = %v; want %s", text, describeMentions(g.FindAll(text)), wantAR)
		}
	}
	for text, notAR := range map[string]string{
		"A drone hit a car in Tal Sinan on Friday.":                "تل شنان", // Tal Sinan itself, not Tal Shnan
		"Gunmen stormed a farm in Barshun on Monday.":              "برشين",
		"Mourners gathered in Mohammed Sharqi's house on Sunday.":  "",
		"The envoy met officials in Great Britain and in Salam.":   "",
		"Talks were held in the White House on Monday.":            "",
		"Delegates arrived in Upper Egypt on Sunday.":              "",
		"A court in Little Rock heard the case on Tuesday.":        "",
		"The minister spoke in Lower Saxony about refugees.":       "",
		"Shells landed in salam sharqi, lower case as it is here.": "سلام شرقي",
	} {
		for _, m := range g.FindAll(text) {
			if notAR == "" && m.Match.Score < 0.92 || m.Match.Place.NameAR == notAR {
				t.Errorf("FindAll(%q) read %q as %s (%s), score %.3f", text, m.Text, m.Match.Place.NameEN, m.Match.Place.NameAR, m.Match.Score)
			}
		}
	}
}

// The keys themselves: a person's name meets no nisba village (the vowel
// ending), words kept apart meet no name run together.
func TestSpellKey(t *testing.T) {
	for _, tc := range []struct {
		ar, en string
		meet   bool
	}{
		{"كفر نبودة", "Kafr Nabudah", true},
		{"مزرعة بيت جن", "Mazraat Beit Jinn", true}, // the bound ta marbuta
		{"مزرعة بيت جن", "Mazraa Beit Jinn", true},  // written without its t
		{"الحميدية الشرقية", "Hamidiyah Sharqiyah", true},
		{"الحميدية الشرقية", "Eastern Hamidiya", true},
		{"صالح", "Saleh", true}, // a final ح, not a ta marbuta
		{"المحمدية", "Mohammed", false},
		{"ابو راسين", "Aburasin", false},
		{"تل شنان", "Tal Sinan", false},
		{"سلام شرقي", "Salam Gharbi", false},
	} {
		g := New([]Place{{ID: "x", NameAR: tc.ar, Kind: KindVillage}}, nil)
		toks := tokenize(nil, tc.en, 0)
		got := len(g.spellMatch(toks, 0, len(toks), mode{query: true})) > 0
		if got != tc.meet {
			t.Errorf("spelling of %q meets %q: %v; want %v (key %q)", tc.en, tc.ar, got, tc.meet, arabicSpellKey(tc.ar))
		}
	}
}
