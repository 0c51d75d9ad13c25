package index

import (
	"math/rand/v2"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestCountDates_AgreesWithReference: the date ranges CountDates counts are
// those of the reference's matches, for random filters (the cursor and limit,
// which a histogram ignores, left as they come).
func TestCountDates_AgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ref := reference{}
	for id := range int64(900) {
		ref[id+1] = randomIncident(rng, id+1)
	}
	ix := build(ref, 1)
	for range 500 {
		f := randomFilter(rng, nil)
		counts, ok := ix.CountDates(f)
		if !ok {
			t.Fatalf("CountDates(%+v) refused", f)
		}
		got := map[[2]int32]int{}
		for _, c := range counts {
			got[[2]int32{c.From, c.To}] += c.N
		}
		want := map[[2]int32]int{}
		m := storetest.MatcherOf(f)
		for _, inc := range ref {
			if m.Matches(inc) {
				want[[2]int32{Day(inc.DateFrom), Day(inc.DateTo)}]++
			}
		}
		if len(got) != len(want) {
			t.Fatalf("CountDates(%+v): %d ranges, want %d", f, len(got), len(want))
		}
		for r, n := range want {
			if got[r] != n {
				t.Fatalf("CountDates(%+v): range %v counts %d, want %d", f, r, got[r], n)
			}
		}
	}
}
