package gazetteer

import (
	"fmt"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/internal/cputime"
)

// TestNamesakesLinearWork checks that loading many places of one name costs
// in proportion to them. Merging an OCHA record looked through every earlier
// namesake to skip OCHA's own, and indexing a name looked through every place
// under it before adding one more: each the square of the namesakes, which a
// `mapsrv gazetteer import` of 200,000 communities of one name made every
// later load of the gazetteer pay (20,000: 21 s; 200,000: some 400 s). Eight
// times the namesakes must cost well under 64 times the CPU (about 8 now).
func TestNamesakesLinearWork(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 18,000 places")
	}
	namesakes := func(n int) []Place {
		out := make([]Place, n)
		for i := range out {
			out[i] = Place{ID: fmt.Sprintf("ocha:C%07d", i), NameEN: "Qaryat Tajriba", NameAR: "قرية تجربة", Kind: KindVillage,
				Location: orb.Point{36 + float64(i%1000)/500, 33 + float64(i/1000)/500}, Admin1PCode: "SY01"}
		}
		return out
	}
	cost := func(n int) time.Duration {
		places := namesakes(n)
		start := cputime.Process()
		New(Merge(nil, places), nil)
		return cputime.Process() - start
	}
	cost(1000) // warm up
	small, large := cost(2000), cost(16000)
	small = max(small, time.Millisecond)
	t.Logf("2,000 namesakes %v, 16,000 %v (x%.1f)", small, large, float64(large)/float64(small))
	if large > 24*small {
		t.Errorf("2,000 namesakes cost %v of CPU to load, 16,000 %v: the square of their number, not in proportion", small, large)
	}
}
