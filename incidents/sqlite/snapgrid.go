package sqlite

import (
	"math"
	"slices"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// cellGrid orders a snapshot's points for Find: by cell of a regular lon/lat
// grid over their extent, and within a cell newest first, by (dayTo, id)
// descending, the order of Find's results. A box reads only its cells, and a
// page is a merge of their heads that stops at the limit. At 1,000,000 points
// it adds 4 bytes a point and 4 a cell (about 32 points a cell).
type cellGrid struct {
	minLon, minLat float64
	cellW, cellH   float64
	cols, rows     int
	start          []int32 // cell k's points are order[start[k]:start[k+1]]
	order          []int32 // indexes in snapshot.points
	maxSpan        int32   // the longest dayTo - dayFrom of any point
}

// Grid shape: about pointsPerCell points a cell on average, at most
// maxCellsAxis cells along either axis. A box meeting more than maxFindCells
// cells goes to SQL: starting a merge over every cell of a country costs more
// (1.9 ms against 0.9 ms for a deep page of 100 at 1,000,000) than walking
// the date index, which fills a page soon when a box holds most incidents.
const (
	pointsPerCell = 32
	maxCellsAxis  = 4096
	maxFindCells  = 4096
)

// newCellGrid indexes points, which it does not change.
func newCellGrid(points []packedPoint) *cellGrid {
	g := &cellGrid{cols: 1, rows: 1, cellW: 1, cellH: 1}
	if len(points) > 0 {
		minLon, minLat, maxLon, maxLat := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range points {
			minLon, maxLon = min(minLon, p.lon), max(maxLon, p.lon)
			minLat, maxLat = min(minLat, p.lat), max(maxLat, p.lat)
			g.maxSpan = max(g.maxSpan, p.dayTo-p.dayFrom)
		}
		w, h := max(maxLon-minLon, 1e-6), max(maxLat-minLat, 1e-6)
		side := math.Sqrt(w * h * pointsPerCell / float64(len(points)))
		g.minLon, g.minLat = minLon, minLat
		g.cols, g.rows = min(max(int(w/side), 1), maxCellsAxis), min(max(int(h/side), 1), maxCellsAxis)
		g.cellW, g.cellH = w/float64(g.cols), h/float64(g.rows)
	}
	// Counting sort by cell, then each cell newest first.
	cells := make([]int32, len(points))
	g.start = make([]int32, g.cols*g.rows+1)
	for i, p := range points {
		k := g.cell(g.col(p.lon), g.row(p.lat))
		cells[i] = int32(k)
		g.start[k+1]++
	}
	for k := 1; k < len(g.start); k++ {
		g.start[k] += g.start[k-1]
	}
	next := slices.Clone(g.start[:len(g.start)-1])
	g.order = make([]int32, len(points))
	for i, k := range cells {
		g.order[next[k]] = int32(i)
		next[k]++
	}
	for k := range g.cols * g.rows {
		slices.SortFunc(g.order[g.start[k]:g.start[k+1]], func(a, b int32) int {
			return cmpNewest(points[a].dayTo, points[a].id, points[b].dayTo, points[b].id)
		})
	}
	return g
}

// col and row are monotonic in lon and lat and clamped to the grid, so a
// point inside a box always falls in a cell between those of its corners.
func (g *cellGrid) col(lon float64) int {
	return int(min(max(math.Floor((lon-g.minLon)/g.cellW), 0), float64(g.cols-1)))
}

func (g *cellGrid) row(lat float64) int {
	return int(min(max(math.Floor((lat-g.minLat)/g.cellH), 0), float64(g.rows-1)))
}

func (g *cellGrid) cell(col, row int) int { return row*g.cols + col }

// cellCount is how many cells bounds meet, counting overlaps twice.
func (g *cellGrid) cellCount(bounds []orb.Bound) int {
	n := 0
	for _, b := range bounds {
		n += (g.row(b.Max.Lat()) - g.row(b.Min.Lat()) + 1) * (g.col(b.Max.Lon()) - g.col(b.Min.Lon()) + 1)
	}
	return n
}

// cellsOf lists, once each, the cells any of bounds meets.
func (g *cellGrid) cellsOf(bounds []orb.Bound) []int {
	var cells []int
	for _, b := range bounds {
		for row := g.row(b.Min.Lat()); row <= g.row(b.Max.Lat()); row++ {
			for col := g.col(b.Min.Lon()); col <= g.col(b.Max.Lon()); col++ {
				cells = append(cells, g.cell(col, row))
			}
		}
	}
	if len(bounds) > 1 {
		slices.Sort(cells)
		cells = slices.Compact(cells)
	}
	return cells
}

// cmpNewest orders (dayTo, id) pairs newest first: Find's order.
func cmpNewest(dayA int32, idA int64, dayB int32, idB int64) int {
	switch {
	case dayA != dayB:
		return int(dayB) - int(dayA)
	case idA > idB:
		return -1
	case idA < idB:
		return 1
	}
	return 0
}

// civilDay is the day number (since 1970-01-01) of t's date in its own
// location, as t.Format(incidents.DateLayout) writes it; ok is false for
// years whose text would not sort as SQL compares it.
func civilDay(t time.Time) (day int32, ok bool) {
	y, m, d := t.Date()
	if y < 1 || y > 9999 {
		return 0, false
	}
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400), true
}

// typeMask is the set of f.Types as bits of their index in incidents.Types;
// all bits when f has none. ok is false for a type outside the vocabulary.
func typeMask(types []incidents.Type) (mask uint64, ok bool) {
	if len(types) == 0 {
		return math.MaxUint64, true
	}
	for _, t := range types {
		i := slices.Index(incidents.Types, t)
		if i < 0 || i >= 64 {
			return 0, false
		}
		mask |= 1 << i
	}
	return mask, true
}
