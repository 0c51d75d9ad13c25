package index

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// Count counts the points matching f in the cells of g, as
// incidents.Store.Aggregate does: the cells holding any, by row then column.
// f.Bounds narrow the grid further; f.Limit and f.After are ignored. ok is
// false when f needs SQL (see queryOf) or g has no cells.
func (ix *Index) Count(f incidents.Filter, g incidents.Grid) (cells []incidents.Cell, ok bool) {
	f.Limit, f.After = 0, nil
	q, ok := queryOf(f, ix.maxSpan)
	if !ok || !g.Valid() {
		return nil, false
	}
	c := newCounter(g, &q)
	// Only the index's cells the grid meets are read: in each of their
	// rows, one piece of memory.
	s := ix.grid.spanOf(g.Bound)
	for row := s.r0; row <= s.r1; row++ {
		lo, hi := ix.grid.start[ix.grid.cell(s.c0, row)], ix.grid.start[ix.grid.cell(s.c1, row)+1]
		if ix.gone == nil {
			c.addAll(ix.points[lo:hi])
			continue
		}
		for i := lo; i < hi; i++ {
			if !ix.isGone(i) {
				c.addAll(ix.points[i : i+1])
			}
		}
	}
	c.addAll(ix.added)
	return c.cells(), true
}

// counter sums the points of one grid by cell and type.
type counter struct {
	g     incidents.Grid
	q     *query
	clip  orb.Bound // the grid, and the one bound of q if it has one
	w, h  float64
	slot  []int32 // cell → 1 + index in accs; 0 while empty
	accs  []acc
	types int
}

type acc struct {
	cell     int
	n        int
	lon, lat int64 // sums of incidents.CenterUnits
	byType   [16]int
}

func newCounter(g incidents.Grid, q *query) *counter {
	w, h := g.CellSize()
	c := &counter{g: g, q: q, clip: g.Bound, w: w, h: h, slot: make([]int32, g.Cols*g.Rows), types: min(len(incidents.Types), 16)}
	if len(q.bounds) == 1 { // in the grid and in the bound: in both at once
		b := q.bounds[0]
		c.clip = orb.Bound{Min: orb.Point{max(g.Bound.Min.Lon(), b.Min.Lon()), max(g.Bound.Min.Lat(), b.Min.Lat())},
			Max: orb.Point{min(g.Bound.Max.Lon(), b.Max.Lon()), min(g.Bound.Max.Lat(), b.Max.Lat())}}
	}
	return c
}

// addAll counts the points of points that match q and lie in the grid. It
// is the loop over a million points of a country's count, so the tests of
// query.matches are written out here.
func (c *counter) addAll(points []Point) {
	q, clip, anyType, multi := c.q, c.clip, c.q.types == math.MaxUint64, len(c.q.bounds) > 1
	minLon, minLat := c.g.Bound.Min.Lon(), c.g.Bound.Min.Lat()
	for i := range points {
		p := &points[i]
		if p.Lon < clip.Min.Lon() || p.Lon > clip.Max.Lon() || p.Lat < clip.Min.Lat() || p.Lat > clip.Max.Lat() ||
			p.DayTo < q.from || p.DayFrom > q.to || int(p.Type) >= c.types ||
			!anyType && q.types&(1<<p.Type) == 0 || multi && !inAny(q.bounds, orb.Point{p.Lon, p.Lat}) {
			continue
		}
		col := min(int((p.Lon-minLon)/c.w), c.g.Cols-1)
		row := min(int((p.Lat-minLat)/c.h), c.g.Rows-1)
		k := row*c.g.Cols + col
		if c.slot[k] == 0 {
			c.accs = append(c.accs, acc{cell: k})
			c.slot[k] = int32(len(c.accs))
		}
		a := &c.accs[c.slot[k]-1]
		a.n++
		a.lon, a.lat = a.lon+incidents.CenterUnits(p.Lon), a.lat+incidents.CenterUnits(p.Lat)
		a.byType[p.Type]++
	}
}

// cells are the counted cells, by row then column.
func (c *counter) cells() []incidents.Cell {
	out := make([]incidents.Cell, 0, len(c.accs))
	for _, a := range c.accs {
		cell := incidents.Cell{Col: a.cell % c.g.Cols, Row: a.cell / c.g.Cols, Count: a.n,
			Center: incidents.CenterOf(a.lon, a.lat, a.n), Types: map[incidents.Type]int{}}
		for i, n := range a.byType[:c.types] {
			if n > 0 {
				cell.Types[incidents.Types[i]] = n
			}
		}
		out = append(out, cell)
	}
	slices.SortFunc(out, func(a, b incidents.Cell) int { return cmp.Compare(a.Row*c.g.Cols+a.Col, b.Row*c.g.Cols+b.Col) })
	return out
}
