package gazetteer

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// TestOutlinesContain checks the fast containment test against orb's on the full
// outlines: at random points, and at points a few metres off the outlines'
// vertices, where the simplified rings and the real ones part.
func TestOutlinesContain(t *testing.T) {
	for _, gz := range []struct {
		name string
		g    func(testing.TB) *Gazetteer
	}{{"embedded", mustDefault}, {"with OCHA", ochaGazetteer}} {
		t.Run(gz.name, func(t *testing.T) {
			g := gz.g(t)
			rng := rand.New(rand.NewPCG(7, 11))
			var pts []orb.Point
			for range 500 {
				pts = append(pts, orb.Point{35.5 + 7*rng.Float64(), 32.2 + 5.2*rng.Float64()})
			}
			for _, a := range g.areas {
				if a.Level > 3 {
					continue
				}
				for _, poly := range a.Geometry[:1] {
					for k := 0; k < len(poly[0]); k += 1 + len(poly[0])/4 {
						v := poly[0][k]
						pts = append(pts, orb.Point{v[0] + 0.0004*(rng.Float64()-0.5), v[1] + 0.0004*(rng.Float64()-0.5)})
					}
				}
			}
			checked := 0
			for _, p := range pts {
				g.atree.Search(p, p, func(_, _ [2]float64, i int32) bool {
					a := g.areas[i]
					if a.Level > 3 {
						return true
					}
					checked++
					if got, want := outlinesContain(g.shapes[i], p), planar.MultiPolygonContains(a.Geometry, p); got != want {
						t.Errorf("area %s at %v: outlinesContain = %v, full outline says %v", a.PCode, p, got, want)
					}
					return true
				})
			}
			if checked < 500 {
				t.Errorf("only %d point-area pairs checked", checked)
			}
		})
	}
}
