package gazetteer

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/geojson"
)

// TestGeocode_Neighbourhoods resolves well-known neighbourhoods of Damascus,
// Aleppo and Homs, written as the news writes them, with the built-in data.
func TestGeocode_Neighbourhoods(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]struct {
		query, wantID string
	}{
		"hay, homs":           {"حي بابا عمرو", "ocha:N0268"},
		"hay with city":       {"حي الوعر بحمص", "ocha:N0246"},
		"english, homs":       {"Baba Amr, Homs", "ocha:N0268"},
		"aleppo":              {"حي الشيخ مقصود في حلب", "ocha:N0123"},
		"aleppo english":      {"Sheikh Maqsoud, Aleppo", "ocha:N0123"},
		"aleppo transliterat": {"Salah al-Din neighbourhood", "ocha:N0214"},
		"damascus":            {"حي باب توما بدمشق", "ocha:N0049"},
		"damascus area":       {"حي المزة", "ocha:C1001/A009"},
		"damascus english":    {"Jobar, Damascus", "ocha:C1001/A008"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			checkGeocode(t, g, geocodeCase{query: tc.query, wantID: tc.wantID, wantPrec: PrecisionNeighbourhood, minScore: 0.8})
		})
	}
}

// TestAccuracy_Neighbourhoods resolves the names of OCHA's neighbourhoods of
// Damascus, Aleppo and Homs with the built-in data: with the city named, as the
// news names them ("حي X بدمشق", "X, Aleppo"), at least 95% must come out at
// neighbourhood precision within 1 km of OCHA's centroid, in each city and
// language. Bare names, often shared with villages and other cities'
// neighbourhoods, are reported. Reads ../shared/data/ocha.
func TestAccuracy_Neighbourhoods(t *testing.T) {
	if testing.Short() {
		t.Skip("accuracy report skipped in -short mode")
	}
	places, cityOf := ochaNeighbourhoods(t)
	g := mustDefault(t)
	cities := []struct{ pcode, en, ar string }{
		{"C1001", "Damascus", "دمشق"}, {"C1007", "Aleppo", "حلب"}, {"C2528", "Homs", "حمص"},
	}
	forms := []struct {
		name  string
		gated bool
		query func(p Place, en, ar string) string
	}{
		{"حي X بالمدينة", true, func(p Place, _, ar string) string { return "حي " + p.NameAR + " ب" + ar }},
		{"X, City", true, func(p Place, en, _ string) string { return p.NameEN + ", " + en }},
		{"حي X", false, func(p Place, _, _ string) string { return "حي " + p.NameAR }},
		{"X neighbourhood", false, func(p Place, _, _ string) string { return p.NameEN + " neighbourhood" }},
		{"Arabic name alone", false, func(p Place, _, _ string) string { return p.NameAR }},
		{"English name alone", false, func(p Place, _, _ string) string { return p.NameEN }},
	}
	for _, c := range cities {
		for _, f := range forms {
			n, ok := 0, 0
			for _, p := range places {
				if cityOf[p.ID] != c.pcode {
					continue
				}
				n++
				m, err := g.Geocode(f.query(p, c.en, c.ar))
				if err == nil && m.Precision == PrecisionNeighbourhood && geo.Distance(m.Place.Location, p.Location) <= 1000 {
					ok++
				} else if f.gated && testing.Verbose() {
					t.Logf("    missed %q → %s %s (%s, %.2f)", f.query(p, c.en, c.ar), m.Place.ID, m.Place.NameEN, m.Precision, m.Score)
				}
			}
			share := float64(ok) / float64(max(n, 1))
			t.Logf("%-8s %-20s %3d/%3d at neighbourhood precision within 1 km (%.1f%%)", c.en, f.name, ok, n, 100*share)
			if f.gated && (n == 0 || share < 0.95) {
				t.Errorf("%s, %s: %.1f%% of %d neighbourhoods resolved; want >= 95%%", c.en, f.name, 100*share, n)
			}
		}
	}
}

// ochaNeighbourhoods parses OCHA's neighbourhood file, returning its
// neighbourhoods and the P-code of the city each lies in (adm4_pcode), or skips
// the test without it.
func ochaNeighbourhoods(tb testing.TB) ([]Place, map[string]string) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(ochaDir, "syr_neighbourhoods_2020.geojson"))
	if err != nil {
		tb.Skipf("OCHA reference files not present (%v): the neighbourhood measure needs ../shared/data/ocha", err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		tb.Fatal(err)
	}
	cityOf := map[string]string{}
	for _, f := range fc.Features {
		cityOf["ocha:"+str(f.Properties, "neighbor_2")] = str(f.Properties, "adm4_pcode")
	}
	f, err := os.Open(filepath.Join(ochaDir, "syr_neighbourhoods_2020.geojson"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	all, _, err := ParseOCHA(f)
	if err != nil {
		tb.Fatal(err)
	}
	var out []Place
	for _, p := range all {
		if _, ok := cityOf[p.ID]; ok {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		tb.Fatal(fmt.Errorf("no neighbourhoods read"))
	}
	return out, cityOf
}
