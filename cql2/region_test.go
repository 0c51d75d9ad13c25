package cql2

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// star returns a closed ring of n vertices around (cx, cy) whose radius
// jumps between r and r*inner: a star when inner is small, a comb-like
// zigzag of long thin spikes.
func star(cx, cy, r, inner float64, n int, rng *rand.Rand) orb.Ring {
	ring := make(orb.Ring, 0, n+1)
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		rad := r * (0.8 + 0.2*rng.Float64())
		if i%2 == 1 {
			rad *= inner
		}
		ring = append(ring, orb.Point{cx + rad*math.Cos(a), cy + rad*math.Sin(a)})
	}
	return append(ring, ring[0])
}

// comb returns a ring of teeth thin vertical strips, each of whose edges
// crosses every horizontal line through the comb: the shape that costs an
// edge-by-edge test the most.
func comb(x0, y0, w, h float64, teeth int) orb.Ring {
	var ring orb.Ring
	step := w / float64(teeth)
	for i := range teeth {
		x := x0 + float64(i)*step
		ring = append(ring, orb.Point{x, y0}, orb.Point{x, y0 + h}, orb.Point{x + step/2, y0 + h}, orb.Point{x + step/2, y0 + h*0.1})
	}
	ring = append(ring, orb.Point{x0 + w, y0 + h*0.1}, orb.Point{x0 + w, y0 - h*0.1}, orb.Point{x0, y0 - h*0.1})
	return append(ring, ring[0])
}

// TestRegionContainsAsContains holds the prepared region to the edge-by-edge
// reference: the same answer for random points, points on vertices, and points on the grid's own cell centres and lines, over stars,
// combs, polygons with holes and multipolygons.
func TestRegionContainsAsContains(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	outer := star(38, 35, 2, 0.3, 400, rng)
	hole := star(38, 35, 0.5, 0.6, 120, rng)
	shapes := map[string]orb.Geometry{
		"star":               orb.Polygon{star(38, 35, 2, 0.2, 2000, rng)},
		"comb":               orb.Polygon{comb(36, 33, 6, 4, 1100)},
		"polygon with holes": orb.Polygon{outer, hole, star(39.4, 35, 0.2, 0.5, 80, rng)},
		"multipolygon":       orb.MultiPolygon{{star(37, 34, 1, 0.5, 300, rng)}, {comb(39, 36, 2, 1, 200)}},
		"square grid-aligned": orb.Polygon{func() orb.Ring {
			var r orb.Ring // 100 vertices on a square, edges on the grid's lines
			for i := range 25 {
				r = append(r, orb.Point{36 + float64(i)*0.16, 33})
			}
			for i := range 25 {
				r = append(r, orb.Point{40, 33 + float64(i)*0.16})
			}
			for i := range 25 {
				r = append(r, orb.Point{40 - float64(i)*0.16, 37})
			}
			for i := range 25 {
				r = append(r, orb.Point{36, 37 - float64(i)*0.16})
			}
			return append(r, r[0])
		}()},
	}
	for name, g := range shapes {
		t.Run(name, func(t *testing.T) {
			region := Prepare(g)
			region.tests.Store(lazyTests) // every point through the grid
			b := g.Bound()
			var pts []orb.Point
			for range 20000 {
				pts = append(pts, orb.Point{b.Min.Lon() - 0.1 + rng.Float64()*(b.Max.Lon()-b.Min.Lon()+0.2),
					b.Min.Lat() - 0.1 + rng.Float64()*(b.Max.Lat()-b.Min.Lat()+0.2)})
			}
			// vertices, and a lattice that hits cell centres and lines
			forRings(g, func(r orb.Ring) {
				for i := 0; i+1 < len(r); i++ {
					pts = append(pts, r[i])
				}
			})
			for i := 0; i <= 256; i++ {
				for j := 0; j <= 256; j += 4 {
					pts = append(pts, orb.Point{b.Min.Lon() + (b.Max.Lon()-b.Min.Lon())*float64(i)/256,
						b.Min.Lat() + (b.Max.Lat()-b.Min.Lat())*float64(j)/256})
				}
			}
			in, near := 0, 0
			for _, pt := range pts {
				want := Contains(g, pt)
				if got := region.Contains(pt); got != want {
					if d := edgeDistance(g, pt); d > 1e-12 {
						t.Fatalf("Contains(%v) = %v, the edge-by-edge test says %v (%g degrees from the nearest edge)", pt, got, want, d)
					}
					near++ // a hair from an edge, rounding decides both tests
				}
				if want {
					in++
				}
			}
			if near > len(pts)/1000 {
				t.Errorf("%d of %d points a hair from an edge disagree", near, len(pts))
			}
			if in == 0 || in == len(pts) {
				t.Fatalf("%d of %d points inside: the test points miss the shape", in, len(pts))
			}
		})
	}
}

// edgeDistance is the distance in degrees from pt to the nearest edge of g.
func edgeDistance(g orb.Geometry, pt orb.Point) float64 {
	d := math.Inf(1)
	forRings(g, func(r orb.Ring) {
		for i := 0; i+1 < len(r); i++ {
			d = min(d, segmentDistance(r[i], r[i+1], pt))
		}
	})
	return d
}

func forRings(g orb.Geometry, fn func(orb.Ring)) {
	switch g := g.(type) {
	case orb.Polygon:
		for _, r := range g {
			fn(r)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			forRings(p, fn)
		}
	}
}

// TestRegionOtherGeometries: a bound, a point and a collection answer as
// Contains does.
func TestRegionOtherGeometries(t *testing.T) {
	for _, g := range []orb.Geometry{
		orb.Bound{Min: orb.Point{36, 33}, Max: orb.Point{37, 34}},
		orb.Point{36.5, 33.5},
		orb.Collection{orb.Bound{Min: orb.Point{179, 33}, Max: orb.Point{180, 34}}, orb.Bound{Min: orb.Point{-180, 33}, Max: orb.Point{-179, 34}}},
	} {
		r := Prepare(g)
		for _, pt := range []orb.Point{{36.5, 33.5}, {36, 33}, {35, 33}, {179.5, 33.5}, {-179.5, 33.5}} {
			if got, want := r.Contains(pt), Contains(g, pt); got != want {
				t.Errorf("%T: Contains(%v) = %v, want %v", g, pt, got, want)
			}
		}
	}
}

// BenchmarkRegion_Comb: a point in a 4,400-vertex comb, through the grid
// and edge by edge, and the grid's build.
func BenchmarkRegion_Comb(b *testing.B) {
	g := orb.Polygon{comb(36, 33, 6, 4, 1100)}
	rng := rand.New(rand.NewPCG(3, 4))
	pts := make([]orb.Point, 4096)
	for i := range pts {
		pts[i] = orb.Point{36 + rng.Float64()*6, 33 + rng.Float64()*4}
	}
	b.Run("prepared", func(b *testing.B) {
		r := Prepare(g)
		for _, pt := range pts[:lazyTests] {
			r.Contains(pt) // past the points tested before the grid is built
		}
		for i := 0; b.Loop(); i++ {
			r.Contains(pts[i%len(pts)])
		}
	})
	b.Run("edge-by-edge", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			Contains(g, pts[i%len(pts)])
		}
	})
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			Prepare(g).build()
		}
	})
}
