package index

import (
	"math"
	"math/bits"
	"slices"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// Relative costs, against a step of the walk by date (a read from anywhere
// in the points: a cache miss), of starting a run at a cell (one such read)
// and of a step within a cell or of the merge's heap (reads from memory at
// hand). Measured by BenchmarkIndex_Find at 1,000,000.
const (
	cellCost = 2
	stepCost = 0.2
)

// runs are the runs of built points q's page is merged from: the list by
// date when walking it finds the page sooner than merging the cells q's
// bounds meet. Of m points in the boxes, a fraction sel of which has q's
// types, a walk examines about limit × n / (m × sel) of the n points; a
// merge pays for each cell, then examines limit / sel points and makes
// log(cells) steps of its heap for each of the limit it keeps.
func (ix *Index) runs(q *query) []run { return ix.appendRuns(new(findScratch), q) }

// appendRuns is runs into s's lists.
func (ix *Index) appendRuns(s *findScratch, q *query) []run {
	if len(q.bounds) == 0 {
		s.runs = append(s.runs[:0], ix.walk())
		return s.runs
	}
	cells, inBox := ix.grid.reach(q.bounds)
	n, m, limit := float64(len(ix.points)), float64(max(inBox, 1)), float64(q.limit)
	sel := 1.0
	if k := bits.OnesCount64(q.types); k < len(incidents.Types) {
		sel = float64(max(k, 1)) / float64(len(incidents.Types))
	}
	byDate := min(limit*n/(m*sel), n)
	byCells := float64(cells)*cellCost + (min(limit/sel, m)+limit*math.Log2(float64(cells)+1))*stepCost
	if byDate < byCells {
		s.runs = append(s.runs[:0], ix.walk())
		return s.runs
	}
	return ix.grid.appendCellRuns(s, q.bounds)
}

// run is a run of points newest first: points[lo:hi] or, through via,
// points[via[lo]], ..., points[via[hi-1]].
type run struct {
	lo, hi int32
	via    []int32
}

// walk is the run of every built point, by date.
func (ix *Index) walk() run { return run{0, int32(len(ix.byDate)), ix.byDate} }

// grid lays the built points out by cell of a regular lon/lat grid over
// their extent, and within a cell newest first: a box reads only its cells,
// each in one piece of memory, and a page is a merge of their heads that
// stops at the limit. It adds 4 bytes a cell (about pointsPerCell points a
// cell).
type grid struct {
	minLon, minLat float64
	cellW, cellH   float64
	cols, rows     int
	start          []int32 // cell k's points are points[start[k]:start[k+1]]
}

// Grid shape: about pointsPerCell points a cell on average, at most
// maxCellsAxis cells along either axis.
const (
	pointsPerCell = 32
	maxCellsAxis  = 4096
)

// newGrid returns a grid over points and points laid out by it.
func newGrid(points []Point) (*grid, []Point) {
	g := &grid{cols: 1, rows: 1, cellW: 1, cellH: 1}
	if len(points) > 0 {
		minLon, minLat, maxLon, maxLat := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range points {
			minLon, maxLon = min(minLon, p.Lon), max(maxLon, p.Lon)
			minLat, maxLat = min(minLat, p.Lat), max(maxLat, p.Lat)
		}
		w, h := max(maxLon-minLon, 1e-6), max(maxLat-minLat, 1e-6)
		side := math.Sqrt(w * h * pointsPerCell / float64(len(points)))
		g.minLon, g.minLat = minLon, minLat
		g.cols, g.rows = min(max(int(w/side), 1), maxCellsAxis), min(max(int(h/side), 1), maxCellsAxis)
		g.cellW, g.cellH = w/float64(g.cols), h/float64(g.rows)
	}
	// Sort packed keys (cell, newest first) rather than the points
	// themselves, then move each point once.
	type key struct {
		cell, day, at int32
		id            int64
	}
	keys := make([]key, len(points))
	g.start = make([]int32, g.cols*g.rows+1)
	for i, p := range points {
		k := int32(g.cell(g.col(p.Lon), g.row(p.Lat)))
		keys[i] = key{k, p.DayTo, int32(i), p.ID}
		g.start[k+1]++
	}
	for k := 1; k < len(g.start); k++ {
		g.start[k] += g.start[k-1]
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.cell != b.cell {
			return int(a.cell - b.cell)
		}
		return cmpNewest(a.day, a.id, b.day, b.id)
	})
	laid := make([]Point, len(points))
	for i, k := range keys {
		laid[i] = points[k.at]
	}
	return g, laid
}

// col and row are monotonic in lon and lat and clamped to the grid, so a
// point inside a box always falls in a cell between those of its corners.
func (g *grid) col(lon float64) int {
	return int(min(max(math.Floor((lon-g.minLon)/g.cellW), 0), float64(g.cols-1)))
}

func (g *grid) row(lat float64) int {
	return int(min(max(math.Floor((lat-g.minLat)/g.cellH), 0), float64(g.rows-1)))
}

func (g *grid) cell(col, row int) int { return row*g.cols + col }

// span is the cells a box meets: columns c0..c1 of rows r0..r1.
type span struct{ c0, c1, r0, r1 int }

func (g *grid) spanOf(b orb.Bound) span {
	return span{g.col(b.Min.Lon()), g.col(b.Max.Lon()), g.row(b.Min.Lat()), g.row(b.Max.Lat())}
}

// reach is how many cells bounds meet and how many built points those cells
// hold, counting overlaps twice: what merging their heads costs to start,
// and how densely the boxes hold the points.
func (g *grid) reach(bounds []orb.Bound) (cells, points int) {
	for _, b := range bounds {
		s := g.spanOf(b)
		cells += (s.r1 - s.r0 + 1) * (s.c1 - s.c0 + 1)
		for row := s.r0; row <= s.r1; row++ {
			points += int(g.start[g.cell(s.c1, row)+1] - g.start[g.cell(s.c0, row)])
		}
	}
	return cells, points
}

// cellRuns are the runs of the cells any of bounds meets, each cell once;
// every cell when there are none.
func (g *grid) cellRuns(bounds []orb.Bound) []run {
	return g.appendCellRuns(new(findScratch), bounds)
}

// appendCellRuns is cellRuns into s's lists.
func (g *grid) appendCellRuns(s *findScratch, bounds []orb.Bound) []run {
	cells := s.cells[:0]
	defer func() { s.cells = cells }()
	if len(bounds) == 0 {
		for k := range g.cols * g.rows {
			cells = append(cells, k)
		}
	}
	for _, b := range bounds {
		s := g.spanOf(b)
		for row := s.r0; row <= s.r1; row++ {
			for col := s.c0; col <= s.c1; col++ {
				cells = append(cells, g.cell(col, row))
			}
		}
	}
	if len(bounds) > 1 {
		slices.Sort(cells)
		cells = slices.Compact(cells)
	}
	runs := slices.Grow(s.runs[:0], len(cells))
	for _, k := range cells {
		if g.start[k] < g.start[k+1] {
			runs = append(runs, run{lo: g.start[k], hi: g.start[k+1]})
		}
	}
	s.runs = runs
	return runs
}
