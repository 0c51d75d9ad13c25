package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestIndex_FollowsWrites makes 300 random writes through the store (new
// incidents, drafts published and published ones drafted, moves, new types
// and dates, deletes, added sources) and after each holds what the index
// answers without being built again (pages, tile points, cell counts,
// stored features) to what SQL answers.
func TestIndex_FollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(31, 32))
	ids, err := s.Add(ctx, latticeIncidents(rng, 400))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	builds := s.idx.Refreshes()
	for step := range 300 {
		what := writeAtRandom(t, s, rng, &ids)
		ix := s.idx.Load()
		if v, _ := s.Version(ctx); ix.Version() != v || s.idx.Refreshes() != builds {
			t.Fatalf("step %d (%s): index at %d after %d builds, data at %d: want it moved on without a build",
				step, what, ix.Version(), s.idx.Refreshes()-builds, v)
		}
		for range 3 {
			f := latticeFilter(rng, nil)
			got, ok, err := s.findIndexed(ctx, f)
			if err != nil || !ok {
				t.Fatalf("step %d (%s): the index did not answer %+v: %v", step, what, f, err)
			}
			want, err := s.find(ctx, f, byBox)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d (%s), filter %+v:\n got %v\nwant %v", step, what, f, idsOf(got), idsOf(want))
			}
			checkPoints(t, s, f)
			checkFeatures(t, s, f, want)
			g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{latticeLon(rng.IntN(10)), latticeLat(rng.IntN(10))},
				Max: orb.Point{latticeLon(10 + rng.IntN(12)), latticeLat(10 + rng.IntN(12))}}, Cols: 1 + rng.IntN(6), Rows: 1 + rng.IntN(6)}
			f.Limit, f.After, f.Bounds = 0, nil, nil
			if got, want := indexCounts(ix, f, g), sqlCounts(t, s, f, g, byDate); !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d (%s): index counts %v, SQL %v", step, what, got, want)
			}
		}
	}
	if s.idx.Load().Version() == 1 {
		t.Fatal("no write reached the index: the test tests nothing")
	}
}

// writeAtRandom makes one write through s and says what it was.
func writeAtRandom(t *testing.T, s *Store, rng *rand.Rand, ids *[]int64) string {
	t.Helper()
	ctx := context.Background()
	id := (*ids)[rng.IntN(len(*ids))]
	switch rng.IntN(5) {
	case 0:
		added, err := s.Add(ctx, latticeIncidents(rng, 1+rng.IntN(3)))
		if err != nil {
			t.Fatal(err)
		}
		*ids = append(*ids, added...)
		return fmt.Sprint("add ", added)
	case 1:
		if err := s.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
		for i, x := range *ids {
			if x == id {
				*ids = append((*ids)[:i], (*ids)[i+1:]...)
				break
			}
		}
		return fmt.Sprint("delete ", id)
	case 2:
		if err := s.AddSources(ctx, id, []incidents.Source{{Title: "later", URL: fmt.Sprint("https://example.org/later/", id)}}); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint("add a source to ", id)
	default:
		inc, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		change := latticeIncidents(rng, 1)[0]
		inc.Location, inc.Type, inc.Status = change.Location, change.Type, change.Status
		inc.DateFrom, inc.DateTo, inc.DatePrecision = change.DateFrom, change.DateTo, change.DatePrecision
		if rng.IntN(4) == 0 {
			inc.DateTo = inc.DateFrom.Add(time.Duration(40+rng.IntN(100)) * 24 * time.Hour) // a longer span than any loaded
			inc.DatePrecision = incidents.DateRange
		}
		if _, err := s.Update(ctx, inc); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint("update ", id, " to ", inc.Status, " ", inc.Type, " at ", inc.Location)
	}
}
