package sqlite

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestAggregate_FewWordsReadTheirMatches: an aggregate of words few
// incidents hold tested each entry of the covering date index against the
// text index's matches, a scan of every incident (30-40 ms at 200,000, for
// Saraqib's 128), where the histogram and counts read just the matches. Now
// it reads them from the text index too, and counts the same.
func TestAggregate_FewWordsReadTheirMatches(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(24, 24))
	incs := randomIncidents(rng, 3000)
	for i := range incs {
		incs[i].SummaryEN = "Synthetic report"
		if i%300 == 0 {
			incs[i].SummaryEN = "Shelling on Saraqib"
		}
	}
	if _, err := s.Add(ctx, incs); err != nil {
		t.Fatal(err)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{35.5, 32.3}, Max: orb.Point{42.4, 37.4}}, Cols: 16, Rows: 16}
	f := incidents.Filter{Text: "saraqib", Status: incidents.StatusPublished}
	p, err := s.aggregatePlanFor(ctx, f, g)
	if err != nil {
		t.Fatal(err)
	}
	query, args := aggregateQuery(f, g, p)
	if got := queryPlan(t, conn, query, args); strings.Contains(got, "incidents_date_cover") || !strings.Contains(got, "incidents_fts") {
		t.Errorf("aggregate of a word 10 of 3,000 incidents hold: plan\n%s\nwant the text index's matches, not a scan of the date index", got)
	}
	want := sqlCounts(t, s, f, g, byDate)
	if got := sqlCounts(t, s, f, g, p); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("counts read from the text index %v; want %v, as the date index's", got, want)
	}
	// A word every incident holds still scans the date index.
	common := incidents.Filter{Text: "synthetic", Status: incidents.StatusPublished}
	if p, err := s.aggregatePlanFor(ctx, common, g); err != nil || p == byText {
		t.Errorf("aggregate of a word every incident holds: plan %d, %v; want no text plan", p, err)
	}
}
