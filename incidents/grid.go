package incidents

import (
	"errors"

	"github.com/paulmach/orb"
)

// ErrBadGrid is returned by a Store's Aggregate for a grid without cells.
var ErrBadGrid = errors.New("incidents: invalid grid")

// Grid divides Bound into Cols × Rows equal cells in lon/lat, for counting
// incidents on zoomed-out maps. Cell (0, 0) is the south-west one; a point on
// an inner edge falls in the cell east or north of it, a point on the grid's
// east or north edge in the last cell.
type Grid struct {
	Bound      orb.Bound
	Cols, Rows int
}

// Valid reports whether the grid has cells of positive size.
func (g Grid) Valid() bool {
	return g.Cols >= 1 && g.Rows >= 1 && g.Bound.Max.Lon() > g.Bound.Min.Lon() && g.Bound.Max.Lat() > g.Bound.Min.Lat()
}

// CellSize returns the width and height of a cell, in degrees.
func (g Grid) CellSize() (w, h float64) {
	return (g.Bound.Max.Lon() - g.Bound.Min.Lon()) / float64(g.Cols), (g.Bound.Max.Lat() - g.Bound.Min.Lat()) / float64(g.Rows)
}

// CellBound returns the bound of cell (col, row).
func (g Grid) CellBound(col, row int) orb.Bound {
	w, h := g.CellSize()
	min := orb.Point{g.Bound.Min.Lon() + float64(col)*w, g.Bound.Min.Lat() + float64(row)*h}
	return orb.Bound{Min: min, Max: orb.Point{min.Lon() + w, min.Lat() + h}}
}

// Cell counts the incidents of one grid cell.
type Cell struct {
	Col, Row int
	Count    int
	Center   orb.Point    // the mean of the incidents' points (see [CenterOf]): where a cluster is drawn
	Types    map[Type]int // count by type; types without incidents are absent
}

// CenterScale is the unit a cell's center is summed in: 1e-7 degree, about
// a centimetre. Each point's longitude and latitude count as CenterUnits,
// whole units cut toward zero, so that a cell's sums are exact in whatever
// order its points are added: floating-point sums are not, and SQLite,
// PostgreSQL and the in-memory index add them in different orders (the
// centers differed in their last digits from store to store). The stores
// compute the units in SQL as CAST(lon * 10000000.0 AS INTEGER) (SQLite)
// and trunc(lon * 10000000::float8) (PostgreSQL), which are the same
// IEEE product cut the same way.
const CenterScale = 1e7

// CenterUnits is v in units of 1/CenterScale degree, cut toward zero.
func CenterUnits(v float64) int64 { return int64(v * CenterScale) }

// CenterOf is the mean of n points whose units sum to lonUnits and latUnits.
func CenterOf(lonUnits, latUnits int64, n int) orb.Point {
	return orb.Point{float64(lonUnits) / CenterScale / float64(n), float64(latUnits) / CenterScale / float64(n)}
}
