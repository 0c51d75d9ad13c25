package gazetteer

import (
	"slices"
	"testing"
)

// OCHA joins two quarters into one neighbourhood with "_" ("الحرية_ عش
// الورور"); the news names each alone, and each is that neighbourhood. An
// article joined to its name ("Al_Sad") is one name, not two.
func TestGeocode_JoinedQuarters(t *testing.T) {
	g := mustDefault(t)
	for query, id := range map[string]string{
		"حي عش الورور": "ocha:N0001", "Ish Al Werwer": "ocha:N0001",
		"حي هرابش": "ocha:N0427", "Harabesh": "ocha:N0427",
	} {
		m, err := g.Geocode(query)
		if err != nil || m.Place.ID != id {
			t.Errorf("Geocode(%q) = %s (%s), %v; want %s", query, m.Place.ID, m.Place.NameEN, err, id)
		}
	}
	for _, p := range g.places {
		if p.ID == "ocha:N0508" && (slices.Contains(p.Variants, "Sad") || slices.Contains(p.Variants, "Al")) {
			t.Errorf("Al_Sad has variants %q; want no part of it alone, its article is no quarter", p.Variants)
		}
	}
}
