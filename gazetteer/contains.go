package gazetteer

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// OCHA outlines have up to 16,000 vertices a ring, which made a point-in-polygon
// test, and so Reverse, slow. Each polygon is kept with its bounding box and a
// Douglas-Peucker simplification within simplifyTol degrees: a point farther
// than that from the simplified edges lies on the same side of the real ones, so
// the simplified answer is exact; nearer points are tested on the full outline.

// simplifyTol is the simplification tolerance, in degrees (about 100 m).
const simplifyTol = 0.001

// outline is one polygon of an area, ready for containment tests.
type outline struct {
	bound  orb.Bound
	simple orb.Polygon // simplified rings: outer first, then holes
	full   orb.Polygon
}

// newOutlines prepares the polygons of mp.
func newOutlines(mp orb.MultiPolygon) []outline {
	out := make([]outline, 0, len(mp))
	dp := simplify.DouglasPeucker(simplifyTol)
	for _, poly := range mp {
		if len(poly) == 0 {
			continue
		}
		o := outline{bound: poly[0].Bound(), full: poly, simple: make(orb.Polygon, 0, len(poly))}
		for _, r := range poly {
			s := dp.Ring(r.Clone())
			if len(s) < 4 {
				s = r // too small to simplify
			}
			o.simple = append(o.simple, s)
		}
		out = append(out, o)
	}
	return out
}

// outlinesContain reports whether p lies in any of the outlines.
func outlinesContain(os []outline, p orb.Point) bool {
	for i := range os {
		o := &os[i]
		if !o.bound.Contains(p) {
			continue
		}
		in, near := polygonSide(o.simple, p)
		if near {
			in = planar.PolygonContains(o.full, p)
		}
		if in {
			return true
		}
	}
	return false
}

// polygonSide tells whether p is inside poly (outer ring minus holes), and
// whether it lies within simplifyTol of an edge, where the answer may differ
// from the full outline's.
func polygonSide(poly orb.Polygon, p orb.Point) (in, near bool) {
	for k, r := range poly {
		inRing, nearRing := ringSide(r, p)
		if nearRing {
			return false, true
		}
		if k == 0 && !inRing {
			return false, false
		}
		if k > 0 && inRing {
			return false, false // in a hole
		}
	}
	return true, false
}

// ringSide casts a ray from p to the east and counts crossings, measuring the
// distance to each edge on the way.
func ringSide(r orb.Ring, p orb.Point) (in, near bool) {
	x, y := p[0], p[1]
	tol2 := simplifyTol * simplifyTol
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[j], r[i]
		if segDist2(a, b, p) <= tol2 {
			return false, true
		}
		if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in, false
}

// segDist2 is the squared planar distance, in degrees², from p to segment ab.
func segDist2(a, b, p orb.Point) float64 {
	// cheap reject: p is farther than the tolerance from the segment's box
	if p[0] < math.Min(a[0], b[0])-simplifyTol || p[0] > math.Max(a[0], b[0])+simplifyTol ||
		p[1] < math.Min(a[1], b[1])-simplifyTol || p[1] > math.Max(a[1], b[1])+simplifyTol {
		return math.Inf(1)
	}
	q := closestOnSegment(a, b, p)
	dx, dy := p[0]-q[0], p[1]-q[1]
	return dx*dx + dy*dy
}
