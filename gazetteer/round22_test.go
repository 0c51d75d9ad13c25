package gazetteer

import (
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// Kurdish and Kurdish-administration outlets name the towns of the north-east
// and of Afrin by their Kurdish names, in English ("Serêkaniyê") and in Arabic
// letters ("سري كانيه"). Each is the OCHA community of that town, with or
// without its diacritics, never a place whose letters merely come close.
func TestGeocode_KurdishNames(t *testing.T) {
	g := mustDefault(t)
	for query, id := range map[string]string{
		"Serêkaniyê": "ocha:C4988", "Sere Kaniye": "ocha:C4988", "سري كانيه": "ocha:C4988",
		"Girê Spî": "ocha:C5792", "Gire Spi": "ocha:C5792", "كري سبي": "ocha:C5792",
		"Girkê Legê": "ocha:C4841", "Til Koçer": "ocha:C4969", "تل كوجر": "ocha:C4969",
		"Rimêlan": "ocha:C4813", "Cindirês": "ocha:C1426", "Zirgan": "ocha:C5005",
		"Sarrin": "ocha:C2074", "Mabeta": "ocha:C1552", "Reco": "ocha:C1484",
		"Şiyê": "ocha:C1525", "Bilbilê": "ocha:C1391", "Eyn Îsa": "ocha:C5905",
	} {
		m, err := g.Geocode(query)
		if err != nil || m.Place.ID != id {
			t.Errorf("Geocode(%q) = %s (%s), %v; want %s", query, m.Place.ID, m.Place.NameEN, err, id)
		}
	}
	// The town keeps the name the rest of the map shows.
	if m, err := g.Geocode("Serêkaniyê"); err == nil && m.Place.NameAR != "رأس العين" {
		t.Errorf("Serêkaniyê is named %q; want رأس العين", m.Place.NameAR)
	}
}

// A Kurdish name read in running English text places the event.
func TestFindAll_KurdishNames(t *testing.T) {
	g := mustDefault(t)
	for text, id := range map[string]string{
		"A drone struck a car near Serêkaniyê on Sunday.":      "ocha:C4988",
		"Shells hit two houses in Girê Spî countryside today.": "ocha:C5792",
	} {
		got := g.FindAll(text)
		found := false
		for _, m := range got {
			found = found || m.Match.Place.ID == id
		}
		if !found {
			t.Errorf("FindAll(%q) = %v; want %s", text, describeMentions(got), id)
		}
	}
}

// The news writes Baba Amr "باب عمرو" and Khalidiya with its article; a
// neighbourhood so written in Homs is that neighbourhood, never Al Bab, the
// Aleppo town whose name is the first word; Aleppo's Khalidiya stays its
// namesake.
func TestGeocode_HomsNeighbourhoodsAsWritten(t *testing.T) {
	g := mustDefault(t)
	for query, id := range map[string]string{
		"حي باب عمرو":        "ocha:N0268",
		"Bab Amr, Homs":      "ocha:N0268",
		"حي الخالدية في حمص": "ocha:N0239",
		"حي الخالدية بحلب":   "ocha:N0127",
	} {
		m, err := g.Geocode(query)
		if err != nil || m.Place.ID != id {
			t.Errorf("Geocode(%q) = %s (%s), %v; want %s", query, m.Place.ID, m.Place.NameEN, err, id)
		}
	}
	if m, err := g.Geocode("حي الخالدية"); err == nil && m.Score >= 0.8 {
		t.Errorf("حي الخالدية alone = %s with score %.2f; want a low score, Homs and Aleppo both have one", m.Place.ID, m.Score)
	}
}

// A type word before "near" or a direction is of the place told there, not
// of the town it is told from: "a village near Hama", "قرية شمال حماة" are
// told from the city of Hama, not placed at a village that happens to be
// named Hama.
func TestFindAll_TypeWordBeforeNearIsNotTheReferencesKind(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{
		"Artillery pounded a village near Hama overnight.",
		"Artillery pounded a village north of Hama overnight.",
		"قصفت المدفعية قرية قرب حماة ليلاً.",
		"قصفت المدفعية قرية شمال حماة ليلاً.",
	} {
		got := g.FindAll(text)
		if len(got) == 0 || got[0].Match.Place.ID != "ocha:C2987" {
			t.Errorf("FindAll(%q) = %v; want the city of Hama (ocha:C2987)", text, describeMentions(got))
		}
	}
	if got := g.FindAll("Artillery pounded the village of Kafranbel overnight."); len(got) == 0 || got[0].Match.Place.NameEN != "Kafranbel" {
		t.Errorf("a type word before its own name: got %v; want Kafranbel", describeMentions(got))
	}
}

// "Marea", as English news spells Mare' north of Aleppo, is that town, not
// Ma'arrat an Nu'man 130 km away whose letters come close.
func TestGeocode_MareaIsMare(t *testing.T) {
	if m, err := mustDefault(t).Geocode("Marea"); err != nil || m.Place.ID != "ocha:C1643" {
		t.Errorf("Geocode(Marea) = %s (%s), %v; want ocha:C1643, Mare'", m.Place.ID, m.Place.NameEN, err)
	}
}

// A name written with its article joined by a hyphen ("al-Midan", "Deir
// ez-Zor"'s "ez-" aside) is told whole: the mention begins at the article, so
// that the place a reviewer sees is the name as the text writes it.
func TestFindAll_HyphenedArticleIsPartOfTheName(t *testing.T) {
	g := mustDefault(t)
	got := g.FindAll("A car bomb went off in al-Midan quarter in Damascus.")
	if len(got) == 0 || !strings.HasPrefix(got[0].Text, "al-Midan") {
		t.Errorf("FindAll = %v; want a mention that begins with al-Midan", describeMentions(got))
	}
}

// "the city of X al-Y" whose whole name comes close to a known one is that
// place: "Busra al-Harir" is Busr al-Harir, not Busra ash-Sham with a word
// more. A name known only in part still reads as its known part.
func TestFindAll_WholeNameBeforeItsPart(t *testing.T) {
	g := mustDefault(t)
	for text, id := range map[string]string{
		"Gunmen abducted five soldiers in the city of Busra al-Harir.": "ocha:C6105",
		"Gunmen shot a man in the town of Kafr Nabl al-Sharqi.":        "ocha:C4068",
	} {
		got := g.FindAll(text)
		if len(got) == 0 || got[0].Match.Place.ID != id {
			t.Errorf("FindAll(%q) = %v; want %s", text, describeMentions(got), id)
		}
	}
}

// A record of names only that shares a place's ID (a curated row of the
// news's spellings) adds its names and leaves the place's point, names and
// source as they were: the generator had written such places at 0,0.
func TestMerge_NamesOnlyKeepsThePoint(t *testing.T) {
	base := []Place{{ID: "ocha:C1", Kind: KindTown, NameEN: "Ra's al 'Ayn", NameAR: "رأس العين", Location: orb.Point{40.07, 36.85}, Admin1PCode: "SY08", Source: "OCHA"}}
	extra := []Place{{ID: "ocha:C1", Kind: KindTown, NameEN: "Ra's al 'Ayn", NameAR: "رأس العين", Variants: []string{"Serêkaniyê"}, Source: "Kurdish names"}}
	got := Merge(base, extra)
	if len(got) != 1 || got[0].Location != base[0].Location || got[0].Source != "OCHA" || !slices.Contains(got[0].Variants, "Serêkaniyê") {
		t.Errorf("Merge = %+v; want the OCHA place with its point and source, and the Kurdish name as a variant", got)
	}
}
