package cql2

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"
)

// Region is a geometry of an [Intersects] prepared for testing many points:
// [Region.Contains] answers as [Contains] does, but a point in a polygon of
// thousands of vertices costs the few edges near it instead of all of them.
// A Region is read-only once built and safe for concurrent use.
type Region struct {
	geom  orb.Geometry
	tests atomic.Int64
	once  sync.Once
	polys [][]*ringGrid // per polygon: its outer ring, then its holes; nil for a ring tested edge by edge
}

// lazyTests is how many points a Region tests edge by edge before it builds
// its grids: a query that stops after a page of matches need not pay for
// them.
const lazyTests = 1024

// ringGridMin is the number of vertices from which a ring gets a grid: a
// smaller one is tested edge by edge, as quickly.
const ringGridMin = 64

// Prepare returns the Region of g. It tests its first points edge by edge
// and then builds, once, a grid over each ring of many vertices, at about
// the cost of testing a few hundred points edge by edge.
func Prepare(g orb.Geometry) *Region {
	return &Region{geom: g}
}

func (r *Region) build() {
	var polys []orb.Polygon
	switch g := r.geom.(type) {
	case orb.Polygon:
		polys = []orb.Polygon{g}
	case orb.MultiPolygon:
		polys = g
	}
	for _, poly := range polys {
		grids := make([]*ringGrid, len(poly))
		for i, ring := range poly {
			if len(ring) >= ringGridMin {
				grids[i] = newRingGrid(ring)
			}
		}
		r.polys = append(r.polys, grids)
	}
}

// Contains reports whether the region meets pt, as [Contains] does.
func (r *Region) Contains(pt orb.Point) bool {
	if r.tests.Load() < lazyTests && r.tests.Add(1) <= lazyTests {
		return Contains(r.geom, pt)
	}
	r.once.Do(r.build)
	switch g := r.geom.(type) {
	case orb.Polygon:
		return r.polygonContains(g, r.polys[0], pt)
	case orb.MultiPolygon:
		for i, poly := range g {
			if r.polygonContains(poly, r.polys[i], pt) {
				return true
			}
		}
		return false
	}
	return Contains(r.geom, pt)
}

func (r *Region) polygonContains(poly orb.Polygon, grids []*ringGrid, pt orb.Point) bool {
	side := func(i int) int {
		if grids[i] != nil {
			return grids[i].side(pt)
		}
		return ringSide(poly[i], pt)
	}
	if len(poly) == 0 || side(0) < 0 {
		return false
	}
	for i := 1; i < len(poly); i++ {
		if side(i) > 0 {
			return false
		}
	}
	return true
}

// ringGrid answers ringSide for one ring from a grid over its bound. Each
// cell lists the edges that pass through it and knows on which side its
// centre lies; a point's side is its cell centre's, flipped once for each
// edge that the segment between the two crosses. Only the cell's edges can
// cross that segment, since it lies inside the cell. Where the answer would
// hang on a touch rather than a crossing (the segment meets a vertex, or an
// edge runs along it), the ring is tested edge by edge, as ringSide does.
type ringGrid struct {
	ring         orb.Ring
	bound        orb.Bound
	nx, ny       int
	cw, ch       float64             // cell width and height
	start, edges []int32             // the edges of cell c are edges[start[c]:start[c+1]], by index of their first vertex
	centre       []int8              // the side of each cell's reference point: 1 inside, -1 outside, 0 unknown (on or too near an edge)
	moved        map[int32]orb.Point // the reference points of cells whose centre lies too near an edge
}

// gridMaxEntries bounds the edge lists of one ring's grid: a ring whose
// edges would cross more cells gets a coarser grid.
const gridMaxEntries = 1 << 21

func newRingGrid(ring orb.Ring) *ringGrid {
	b := ring.Bound()
	n := min(max(int(2*math.Sqrt(float64(len(ring)))), 8), 256)
	for {
		g := &ringGrid{ring: ring, bound: b, nx: n, ny: n}
		g.cw = (b.Max.Lon() - b.Min.Lon()) / float64(n)
		g.ch = (b.Max.Lat() - b.Min.Lat()) / float64(n)
		if g.cw <= 0 || g.ch <= 0 {
			return nil // a ring with no area: tested edge by edge
		}
		if g.fill() || n <= 8 {
			g.centres()
			return g
		}
		n /= 2
	}
}

// col and row return the column and the row, clamped to the grid, that a
// coordinate falls in.
func (g *ringGrid) col(lon float64) int {
	return min(max(int((lon-g.bound.Min.Lon())/g.cw), 0), g.nx-1)
}

func (g *ringGrid) row(lat float64) int {
	return min(max(int((lat-g.bound.Min.Lat())/g.ch), 0), g.ny-1)
}

// visitCells calls fn with the cells that the edge from a to b may pass
// through: in each row it spans, the columns between the edge's ends within
// that row's band, widened by one cell for rounding.
func (g *ringGrid) visitCells(a, b orb.Point, fn func(cell int)) {
	r0, r1 := g.row(min(a.Lat(), b.Lat())), g.row(max(a.Lat(), b.Lat()))
	for r := r0; r <= r1; r++ {
		lo := g.bound.Min.Lat() + float64(r)*g.ch
		hi := lo + g.ch
		x0, x1 := a.Lon(), b.Lon()
		if a.Lat() != b.Lat() {
			at := func(lat float64) float64 {
				lat = min(max(lat, min(a.Lat(), b.Lat())), max(a.Lat(), b.Lat()))
				return a.Lon() + (b.Lon()-a.Lon())*(lat-a.Lat())/(b.Lat()-a.Lat())
			}
			x0, x1 = at(lo), at(hi)
		}
		c0, c1 := g.col(min(x0, x1))-1, g.col(max(x0, x1))+1
		for c := max(c0, 0); c <= min(c1, g.nx-1); c++ {
			fn(r*g.nx + c)
		}
	}
}

// fill lists each cell's edges, or reports false when they would be more
// than gridMaxEntries.
func (g *ringGrid) fill() bool {
	cells := g.nx * g.ny
	count := make([]int32, cells+1)
	total := 0
	for i := 0; i+1 < len(g.ring); i++ {
		g.visitCells(g.ring[i], g.ring[i+1], func(c int) { count[c+1]++; total++ })
		if total > gridMaxEntries {
			return false
		}
	}
	for c := 1; c <= cells; c++ {
		count[c] += count[c-1]
	}
	g.start = count
	g.edges = make([]int32, total)
	next := slices.Clone(count[:cells])
	for i := 0; i+1 < len(g.ring); i++ {
		g.visitCells(g.ring[i], g.ring[i+1], func(c int) { g.edges[next[c]] = int32(i); next[c]++ })
	}
	return true
}

// centres finds the side of every cell's reference point, a row at a time:
// the row's horizontal line through the centres crosses the ring at points
// found once, and a centre is inside when an odd number of them lie east of
// it, the rule ringSide follows. A centre on or too near an edge gives way to
// another point of its cell, on another line: a ring whose edges run through
// the centres (a grid-aligned comb) stays cheap to test.
func (g *ringGrid) centres() {
	g.centre = make([]int8, g.nx*g.ny)
	eps := g.cw * 1e-6 // a reference point this near the ring is not used
	var xs []float64
	var flat [][2]float64
	for r := 0; r < g.ny; r++ {
		xs, flat = g.crossings(g.lat(r, 0.5), xs[:0], flat[:0])
		var unknown []int
		for c := 0; c < g.nx; c++ {
			m := orb.Point{g.lon(c, 0.5), g.lat(r, 0.5)}
			side := sideOn(xs, flat, m.Lon(), eps)
			if side != 0 && !g.clearOf(r*g.nx+c, m, eps) {
				side = 0
			}
			if g.centre[r*g.nx+c] = side; side == 0 {
				unknown = append(unknown, c)
			}
		}
		for _, f := range [][2]float64{{0.3183, 0.2718}, {0.7071, 0.6180}, {0.1414, 0.8660}, {0.8862, 0.1732}} {
			if len(unknown) == 0 {
				break
			}
			y := g.lat(r, f[1])
			xs, flat = g.crossings(y, xs[:0], flat[:0])
			unknown = slices.DeleteFunc(unknown, func(c int) bool {
				m := orb.Point{g.lon(c, f[0]), y}
				side := sideOn(xs, flat, m.Lon(), eps)
				if side == 0 || !g.clearOf(r*g.nx+c, m, eps) {
					return false
				}
				if g.moved == nil {
					g.moved = map[int32]orb.Point{}
				}
				g.centre[r*g.nx+c], g.moved[int32(r*g.nx+c)] = side, m
				return true
			})
		}
	}
}

// lon and lat return the coordinate at a fraction of a column's or a row's
// width.
func (g *ringGrid) lon(c int, f float64) float64 { return g.bound.Min.Lon() + (float64(c)+f)*g.cw }
func (g *ringGrid) lat(r int, f float64) float64 { return g.bound.Min.Lat() + (float64(r)+f)*g.ch }

// crossings appends to xs where the horizontal line at y crosses the ring,
// by ringSide's rule, sorted, and to flat the spans of edges lying along it.
func (g *ringGrid) crossings(y float64, xs []float64, flat [][2]float64) ([]float64, [][2]float64) {
	for i := 0; i+1 < len(g.ring); i++ {
		a, b := g.ring[i], g.ring[i+1]
		if a.Lat() == y && b.Lat() == y {
			flat = append(flat, [2]float64{min(a.Lon(), b.Lon()), max(a.Lon(), b.Lon())})
		}
		if (a.Lat() > y) != (b.Lat() > y) {
			xs = append(xs, (b.Lon()-a.Lon())*(y-a.Lat())/(b.Lat()-a.Lat())+a.Lon())
		}
	}
	slices.Sort(xs)
	return xs, flat
}

// sideOn is the side of the point at x on a line whose crossings are xs and
// flat: 1 inside, -1 outside, 0 on the ring or within eps of a crossing.
func sideOn(xs []float64, flat [][2]float64, x, eps float64) int8 {
	i, found := slices.BinarySearch(xs, x)
	if found || i < len(xs) && xs[i]-x < eps || i > 0 && x-xs[i-1] < eps ||
		slices.ContainsFunc(flat, func(f [2]float64) bool { return f[0] <= x && x <= f[1] }) {
		return 0
	}
	if (len(xs)-i)%2 == 1 {
		return 1
	}
	return -1
}

// clearOf reports whether m lies off every edge of cell c, by more than eps.
func (g *ringGrid) clearOf(c int, m orb.Point, eps float64) bool {
	for _, i := range g.edges[g.start[c]:g.start[c+1]] {
		if orient(g.ring[i], g.ring[i+1], m) == 0 || segmentDistance(g.ring[i], g.ring[i+1], m) < eps {
			return false
		}
	}
	return true
}

// segmentDistance is the distance from pt to the segment ab, in degrees.
func segmentDistance(a, b, pt orb.Point) float64 {
	dx, dy := b.Lon()-a.Lon(), b.Lat()-a.Lat()
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = min(max(((pt.Lon()-a.Lon())*dx+(pt.Lat()-a.Lat())*dy)/l, 0), 1)
	}
	return math.Hypot(pt.Lon()-a.Lon()-t*dx, pt.Lat()-a.Lat()-t*dy)
}

// side is ringSide(g.ring, pt).
func (g *ringGrid) side(pt orb.Point) int {
	if !g.bound.Contains(pt) {
		return -1
	}
	c := g.row(pt.Lat())*g.nx + g.col(pt.Lon())
	side := g.centre[c]
	if side == 0 {
		return ringSide(g.ring, pt)
	}
	m, ok := g.moved[int32(c)]
	if !ok {
		m = orb.Point{g.lon(c%g.nx, 0.5), g.lat(c/g.nx, 0.5)}
	}
	for _, i := range g.edges[g.start[c]:g.start[c+1]] {
		a, b := g.ring[i], g.ring[i+1]
		if onSegment(a, b, pt) {
			return 0
		}
		o1, o2 := orient(a, b, pt), orient(a, b, m)
		o3, o4 := orient(pt, m, a), orient(pt, m, b)
		if o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0 {
			if o1*o2 <= 0 && o3*o4 <= 0 {
				return ringSide(g.ring, pt) // a touch, not a clean crossing
			}
			continue
		}
		if o1 != o2 && o3 != o4 {
			side = -side
		}
	}
	return int(side)
}

// orient is the sign of the turn from a to b to c: 1 left, -1 right, 0 in line.
func orient(a, b, c orb.Point) int {
	v := (b.Lon()-a.Lon())*(c.Lat()-a.Lat()) - (b.Lat()-a.Lat())*(c.Lon()-a.Lon())
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}
