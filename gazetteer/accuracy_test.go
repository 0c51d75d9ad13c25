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
	n, notFound, within5, within25 int
	flagged                        int // wrong first answer, but a score under 0.8 and the right place among the alternatives
	confidentWrong                 int // more than 25 km off with a score of 0.8 or more
}

// flagScore is the score under which an answer tells its user to look at the
// alternatives.
const flagScore = 0.8

func (t *tally) add(g *Gazetteer, query string, truth Place) {
	t.n++
	m, err := g.Geocode(query)
	if errors.Is(err, ErrNotFound) {
		t.notFound++
		return
	}
	near := func(p Place, km float64) bool { return geo.Distance(p.Location, truth.Location) <= km*1000 }
	switch {
	case near(m.Place, 5):
		t.within5++
		t.within25++
		return
	case near(m.Place, 25):
		t.within25++
	case m.Score >= flagScore:
		t.confidentWrong++
	}
	if m.Score < flagScore {
		for _, a := range m.Alternatives {
			if near(a, 5) {
				t.flagged++
				break
			}
		}
	}
}

func (t tally) String() string {
	pct := func(k int) float64 { return 100 * float64(k) / float64(max(t.n, 1)) }
	return fmt.Sprintf("%5d queries  ≤5 km %5.1f%%  +flagged %5.1f%%  ≤25 km %5.1f%%  not found %4.1f%%  wrong with score ≥0.8 %4.1f%%",
		t.n, pct(t.within5), pct(t.within5+t.flagged), pct(t.within25), pct(t.notFound), pct(t.confidentWrong))
}

func (t tally) share(k int) float64 { return float64(k) / float64(max(t.n, 1)) }

// accuracyQuery is one way of naming a community: bare, or with its district or
// governorate as the news adds them.
type accuracyQuery struct {
	name  string
	query func(Place) string
}

var accuracyQueries = []accuracyQuery{
	{"English name", func(p Place) string { return p.NameEN }},
	{"Arabic name", func(p Place) string { return p.NameAR }},
	{"English + district", func(p Place) string { return p.NameEN + ", " + p.Admin2Name }},
	{"Arabic + governorate", func(p Place) string { return p.NameAR + "، " + governorateAR(p.Admin1PCode) }},
}

// TestAccuracy geocodes the names of OCHA's 5,251 communities (English and Arabic,
// bare and with their district or governorate) with the built-in data alone, and
// counts answers within 5 km of OCHA's point. A name that several communities
// share cannot be resolved from the name alone: for those the measure is honesty,
// a first answer elsewhere only with a score under 0.8 that lists the right place
// among the alternatives ("flagged"). It also resolves GeoNames' English and
// Arabic names against the OCHA communities alone, which measures how well
// spellings from another source meet. Reads ../shared/data/ocha; run with -v for
// the figures: go test -run TestAccuracy -v ./gazetteer
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("accuracy report skipped in -short mode")
	}
	communities := ochaCommunities(t)
	builtin := mustDefault(t)
	results := map[string]tally{}
	for _, q := range accuracyQueries {
		var tl tally
		for _, c := range communities {
			if s := q.query(c); strings.Trim(s, " ,،") != "" {
				tl.add(builtin, s, c)
			}
		}
		results[q.name] = tl
		t.Logf("OCHA communities, built-in, %-22s %v", q.name+":", tl)
	}
	for _, q := range accuracyQueries[:2] {
		t.Logf("  ceiling of the first answer alone for a %s (namesakes): %.1f%%", q.name, 100*namesakeCeiling(communities, q.query))
	}
	imported := ochaGazetteer(t)
	for _, q := range accuracyQueries[:2] {
		var tl tally
		for _, c := range communities {
			tl.add(imported, q.query(c), c)
		}
		t.Logf("OCHA communities, files imported too, %-12s %v", q.name+":", tl)
	}
	geonamesVsOCHA(t, communities)
	for _, name := range []string{"English name", "Arabic name"} {
		tl := results[name]
		if s := tl.share(tl.within5 + tl.flagged); s < 0.95 {
			t.Errorf("%s: %.1f%% within 5 km or flagged; want >= 95%%", name, 100*s)
		}
		if s := tl.share(tl.confidentWrong); s > 0.01 {
			t.Errorf("%s: %.1f%% wrong with a score >= 0.8; want <= 1%%", name, 100*s)
		}
	}
	for _, name := range []string{"English + district", "Arabic + governorate"} {
		if s := results[name].share(results[name].within5); s < 0.95 {
			t.Errorf("%s: %.1f%% within 5 km; want >= 95%%", name, 100*s)
		}
	}
}

// geonamesVsOCHA resolves the names of the embedded GeoNames rows against a
// gazetteer of the OCHA communities alone.
func geonamesVsOCHA(t *testing.T, communities []Place) {
	t.Helper()
	rows, err := fileTSV("data/geonames.tsv") // the generator's input, not embedded
	if err != nil {
		t.Fatal(err)
	}
	_, govs, err := DefaultData()
	if err != nil {
		t.Fatal(err)
	}
	ochaOnly := New(communities, govs)
	var en, ar tally
	for _, p := range rows {
		if p.Kind == KindNeighbourhood {
			continue // OCHA's communities hold no neighbourhoods
		}
		en.add(ochaOnly, p.NameEN, p)
		ar.add(ochaOnly, p.NameAR, p)
	}
	t.Logf("GeoNames rows vs OCHA communities only, English name:   %v", en)
	t.Logf("GeoNames rows vs OCHA communities only, Arabic name:    %v", ar)
}

// namesakeCeiling is the best share of communities a first answer could place
// within 5 km when each name gives one answer: namesakes far apart cannot all win.
func namesakeCeiling(communities []Place, query func(Place) string) float64 {
	groups := map[string][]Place{}
	for _, c := range communities {
		k := nameKey(query(c))
		groups[k] = append(groups[k], c)
	}
	best := 0
	for _, g := range groups {
		top := 0
		for _, a := range g {
			n := 0
			for _, b := range g {
				if geo.Distance(a.Location, b.Location) <= 5000 {
					n++
				}
			}
			top = max(top, n)
		}
		best += top
	}
	return float64(best) / float64(len(communities))
}

// ochaCommunities parses OCHA's communities file, or skips the test without it.
func ochaCommunities(tb testing.TB) []Place {
	tb.Helper()
	path := filepath.Join(ochaDir, "syr_communities_2015.geojson")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("OCHA reference files not present (%v): the accuracy measure needs ../shared/data/ocha", err)
	}
	defer f.Close()
	communities, _, err := ParseOCHA(f)
	if err != nil {
		tb.Fatal(err)
	}
	return communities
}

func fileTSV(path string) ([]Place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return LoadTSV(f)
}
