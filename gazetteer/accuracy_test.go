package gazetteer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb/geo"
)

// tally counts how queries resolved against a reference point.
type tally struct {
	n, notFound, within5, within25, confidentWrong int
}

func (t *tally) add(g *Gazetteer, query string, truth Place) {
	t.n++
	m, err := g.Geocode(query)
	if errors.Is(err, ErrNotFound) {
		t.notFound++
		return
	}
	d := geo.Distance(m.Place.Location, truth.Location) / 1000
	switch {
	case d <= 5:
		t.within5++
		t.within25++
	case d <= 25:
		t.within25++
	case m.Score >= 0.8:
		t.confidentWrong++
	}
}

func (t tally) String() string {
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(t.n, 1)) }
	return fmt.Sprintf("%5d queries  ≤5 km %5.1f%%  ≤25 km %5.1f%%  not found %5.1f%%  wrong with score ≥0.8 %4.1f%%",
		t.n, pct(t.within5), pct(t.within25), pct(t.notFound), pct(t.confidentWrong))
}

func (t tally) share5() float64 { return float64(t.within5) / float64(max(t.n, 1)) }

// TestAccuracy geocodes the OCHA communities' names (English and Arabic) with the
// built-in data alone and with the OCHA files imported, and GeoNames names against
// the OCHA communities alone, and prints the share resolved near the reference
// point. Run: go test -run TestAccuracy -v ./gazetteer
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("accuracy report skipped in -short mode")
	}
	_, _ = loadOCHA(t)
	f, err := os.Open(filepath.Join(ochaDir, "syr_communities_2015.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	communities, _, err := ParseOCHA(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	builtin, withOCHA := mustDefault(t), ochaGazetteer(t)
	rows := []struct {
		name  string
		g     *Gazetteer
		query func(Place) string
	}{
		{"built-in, English name", builtin, func(p Place) string { return p.NameEN }},
		{"built-in, Arabic name", builtin, func(p Place) string { return p.NameAR }},
		{"OCHA imported, English name", withOCHA, func(p Place) string { return p.NameEN }},
		{"OCHA imported, Arabic name", withOCHA, func(p Place) string { return p.NameAR }},
		{"OCHA imported, English + district", withOCHA, func(p Place) string { return p.NameEN + ", " + p.Admin2Name }},
		{"OCHA imported, Arabic + governorate", withOCHA, func(p Place) string { return p.NameAR + "، " + arabicGov(p.Admin1PCode) }},
	}
	results := map[string]tally{}
	for _, r := range rows {
		var tl tally
		for _, c := range communities {
			if q := r.query(c); strings.TrimSpace(q) != "" {
				tl.add(r.g, q, c)
			}
		}
		results[r.name] = tl
		t.Logf("OCHA communities, %-36s %v", r.name+":", tl)
	}
	base, govs, err := DefaultData()
	if err != nil {
		t.Fatal(err)
	}
	ochaOnly := New(communities, govs)
	var en, ar tally
	for _, p := range base {
		if strings.HasPrefix(p.ID, "geonames:") {
			en.add(ochaOnly, p.NameEN, p)
			ar.add(ochaOnly, p.NameAR, p)
		}
	}
	t.Logf("GeoNames rows vs OCHA communities only, English name:   %v", en)
	t.Logf("GeoNames rows vs OCHA communities only, Arabic name:    %v", ar)
	// Floors a little under the measured figures, so a regression fails the test.
	for name, floor := range map[string]float64{
		"OCHA imported, Arabic + governorate": 0.85, "OCHA imported, English + district": 0.85,
	} {
		if s := results[name].share5(); s < floor {
			t.Errorf("%s: %.1f%% within 5 km; want >= %.0f%%", name, 100*s, 100*floor)
		}
	}
}

func arabicGov(pcode string) string {
	for _, g := range governorates {
		if g.pcode == pcode {
			return g.ar
		}
	}
	return ""
}
