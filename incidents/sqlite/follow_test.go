package sqlite

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/storetest"
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
	ids, err := s.Add(ctx, storetest.LatticeIncidents(rng, 400))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	builds := s.snap.Refreshes()
	for step := range 300 {
		what := storetest.WriteAtRandom(t, s, rng, &ids)
		ix := s.snap.Load()
		if v, _ := s.Version(ctx); ix.Version() != v || s.snap.Refreshes() != builds {
			t.Fatalf("step %d (%s): index at %d after %d builds, data at %d: want it moved on without a build",
				step, what, ix.Version(), s.snap.Refreshes()-builds, v)
		}
		for range 3 {
			f := storetest.LatticeFilter(rng, nil)
			got, ok, err := s.snap.FindIndexed(ctx, f)
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
			g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{storetest.LatticeLon(rng.IntN(10)), storetest.LatticeLat(rng.IntN(10))},
				Max: orb.Point{storetest.LatticeLon(10 + rng.IntN(12)), storetest.LatticeLat(10 + rng.IntN(12))}}, Cols: 1 + rng.IntN(6), Rows: 1 + rng.IntN(6)}
			f.Limit, f.After, f.Bounds = 0, nil, nil
			if got, want := indexCounts(ix, f, g), sqlCounts(t, s, f, g, byDate); !reflect.DeepEqual(got, want) {
				t.Fatalf("step %d (%s): index counts %v, SQL %v", step, what, got, want)
			}
		}
	}
	if s.snap.Load().Version() == 1 {
		t.Fatal("no write reached the index: the test tests nothing")
	}
}
