// Package index keeps the points of the published incidents in memory, for
// choosing a page of items and counting incidents on a grid without asking
// the database: counting a million points takes milliseconds where a SQL
// GROUP BY over them takes over a second, and a page is picked by merging the
// newest points of the cells a box meets instead of sorting every match.
//
// It knows nothing of SQL. A store builds an [Index] from the points it
// reads, asks it for a page's points ([Index.Find]) or a grid's counts
// ([Index.Count]), and moves it on with the changes writes make
// ([Index.Apply]); the index never calls back. An Index is a value: Apply
// returns a new one and requests under way keep reading the one they
// started with. A filter the index cannot answer exactly as SQL would
// (drafts, a governorate, a source, any field it does not know) is refused,
// and the store answers it in SQL.
package index

import (
	"slices"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// Point is one published incident reduced to what a filter tests and a map
// draws. Coordinates stay float64 so that a point on a box's edge falls
// where SQL puts it.
type Point struct {
	Lon, Lat       float64
	ID             int64
	DayFrom, DayTo int32 // civil dates as days since 1970-01-01 (see [Day])
	Type           uint8 // index in incidents.Types; NoType for a type outside it
}

// PointOf reduces a published incident to its point.
func PointOf(inc incidents.Incident) Point {
	return Point{Lon: inc.Location.Lon(), Lat: inc.Location.Lat(), ID: inc.ID,
		DayFrom: Day(inc.DateFrom), DayTo: Day(inc.DateTo), Type: TypeOf(inc.Type)}
}

// Incident is the incident p stands for, with only what a map draws: ID,
// Type, DateFrom, DateTo and Location.
func (p Point) Incident() incidents.Incident {
	inc := incidents.Incident{ID: p.ID, DateFrom: DayTime(p.DayFrom), DateTo: DayTime(p.DayTo), Location: orb.Point{p.Lon, p.Lat}}
	if int(p.Type) < len(incidents.Types) {
		inc.Type = incidents.Types[p.Type]
	}
	return inc
}

// Cursor is the cursor that continues after p.
func (p Point) Cursor() incidents.Cursor { return incidents.Cursor{DateTo: DayTime(p.DayTo), ID: p.ID} }

// Index is the published points as of one data version: the points as
// built, laid out cell by cell of a grid and newest first within a cell (a
// box reads only its cells, each in one piece of memory), a list ordering
// them by date, and what changes since then did (delta.go). About 44 bytes
// a point, and 4 more once a change needs the points by ID.
type Index struct {
	version int64
	points  []Point // as built, in grid order
	grid    *grid
	byDate  []int32 // indexes in points, newest first: Find's order
	ids     *idIndex

	gone    []uint64 // bit i: points[i] no longer stands for its incident
	added   []Point  // the changed incidents' points as they now stand, newest first
	maxSpan int32    // the longest DayTo - DayFrom of any point, built or added
	changes int      // incidents changed since the build
}

// Build indexes points, the published incidents as of version. It keeps
// points (and reorders it).
func Build(version int64, points []Point) *Index {
	ix := &Index{version: version, ids: &idIndex{}}
	ix.grid, ix.points = newGrid(points)
	ix.byDate = newestFirst(ix.points)
	for _, p := range ix.points {
		ix.maxSpan = max(ix.maxSpan, p.DayTo-p.DayFrom)
	}
	return ix
}

// Version is the data version the index stands for.
func (ix *Index) Version() int64 { return ix.version }

// Len is how many points the index holds.
func (ix *Index) Len() int { return len(ix.points) - ix.goneCount() + len(ix.added) }

// newestFirst orders points by (DayTo, ID) descending, sorting packed keys
// rather than indexes into points: a sequential sort, several times faster
// at a million.
func newestFirst(points []Point) []int32 {
	type key struct {
		day int32
		at  int32
		id  int64
	}
	keys := make([]key, len(points))
	for i, p := range points {
		keys[i] = key{p.DayTo, int32(i), p.ID}
	}
	slices.SortFunc(keys, func(a, b key) int { return cmpNewest(a.day, a.id, b.day, b.id) })
	order := make([]int32, len(keys))
	for i, k := range keys {
		order[i] = k.at
	}
	return order
}
