package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// snapshot is every published incident reduced to what aggregation and
// Find's choice of a page read, 40 bytes each, sorted by lon, as of one data
// version, with a grid ordering them for Find (4 bytes more each). Counting a
// million of them takes a few milliseconds where SQLite's GROUP BY over its
// index takes over a second.
type snapshot struct {
	version int64
	points  []packedPoint // as loaded
	grid    *cellGrid
	ids     *idIndex

	// What this store's writes changed since the points were loaded
	// (snapdelta.go).
	gone    []uint64      // bit i: points[i] no longer stands for its incident
	added   []packedPoint // the changed incidents' published points, newest first
	maxSpan int32         // the longest dayTo - dayFrom of any point, loaded or added
	changes int           // incidents changed since the load
}

// packedPoint is one published incident. Coordinates stay float64 so that a
// point on a cell's edge falls where SQL puts it.
type packedPoint struct {
	lon, lat       float64
	id             int64
	dayFrom, dayTo int32 // days since 1970-01-01
	typ            uint8 // index in incidents.Types
}

// snapshots keeps the current snapshot and loads a newer one when the data
// version moves on, one load at a time.
type snapshots struct {
	mu      sync.Mutex
	cur     *snapshot
	loading chan struct{} // closed when the load under way ends; nil when none is
	err     error         // of the last load
}

func (ss *snapshots) lastErr() error {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.err
}

// freshSnapshot returns a snapshot at least as new as version, loading one
// (or waiting for the load under way) if needed. At 1,000,000 incidents a load
// takes about a second, less than one SQL GROUP BY over them, and every
// request waiting on it shares it.
func (s *Store) freshSnapshot(ctx context.Context, version int64) (*snapshot, error) {
	for {
		s.snaps.mu.Lock()
		if cur := s.snaps.cur; cur != nil && cur.version >= version {
			s.snaps.mu.Unlock()
			return cur, nil
		}
		done := s.loadLocked()
		s.snaps.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		s.snaps.mu.Lock()
		failed := s.snaps.cur == nil || s.snaps.cur.version < version
		s.snaps.mu.Unlock()
		if failed && s.snaps.lastErr() != nil {
			return nil, s.snaps.lastErr()
		}
	}
}

// Preload loads the snapshot that Aggregate counts and Find picks pages from
// now, rather than on its first use: about a second of one core at 1,000,000
// incidents.
func (s *Store) Preload(ctx context.Context) error {
	v, err := s.Version(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: preload: %w", err)
	}
	if _, err := s.freshSnapshot(ctx, v); err != nil {
		return fmt.Errorf("sqlite: preload: %w", err)
	}
	return nil
}

// startSnapshotLoad starts loading a snapshot unless one is under way, and
// does not wait for it.
func (s *Store) startSnapshotLoad() {
	s.snaps.mu.Lock()
	defer s.snaps.mu.Unlock()
	s.loadLocked()
}

// loadLocked returns the channel closed when the load under way ends,
// starting one if none is. s.snaps.mu must be held.
func (s *Store) loadLocked() chan struct{} {
	if s.snaps.loading == nil {
		s.snaps.loading = make(chan struct{})
		go s.loadSnapshot(s.snaps.loading)
	}
	return s.snaps.loading
}

func (s *Store) loadSnapshot(done chan struct{}) {
	snap, err := s.readSnapshot(context.Background())
	s.snaps.mu.Lock()
	defer s.snaps.mu.Unlock()
	s.snaps.loading, s.snaps.err = nil, err
	if err == nil && (s.snaps.cur == nil || s.snaps.cur.version <= snap.version) {
		s.snaps.cur = snap
	}
	close(done)
}

// readSnapshot reads the version, then the points, each in one statement and
// outside any transaction: the store's transactions take the write lock
// (_txlock=immediate), and a second's read at a million incidents must not hold
// writers back. A write landing between the two reads gives a snapshot newer
// than its version says, which only costs an early reload; never one older.
func (s *Store) readSnapshot(ctx context.Context) (*snapshot, error) {
	snap := &snapshot{}
	if err := s.db.QueryRowContext(ctx, "SELECT version FROM data_version WHERE id = 1").Scan(&snap.version); err != nil {
		return nil, err
	}
	// Most incidents are published: the largest id is a fair capacity, and
	// saves growing a slice of a million by copying.
	var maxID int64
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM incidents").Scan(&maxID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+snapshotColumns+" FROM incidents INDEXED BY incidents_date_cover WHERE status = 'published'")
	if err != nil {
		return nil, err
	}
	if snap.points, err = scanPoints(rows, make([]packedPoint, 0, min(maxID, 1<<26))); err != nil {
		return nil, err
	}
	slices.SortFunc(snap.points, func(a, b packedPoint) int { return cmpFloat(a.lon, b.lon) })
	snap.grid = newCellGrid(snap.points)
	snap.ids, snap.maxSpan = &idIndex{}, snap.grid.maxSpan
	return snap, nil
}

// snapshotColumns are what a snapshot holds of a published incident.
const snapshotColumns = "id, lon, lat, incident_type, unixepoch(date_from) / 86400, unixepoch(date_to) / 86400"

// scanPoints appends the points rows holds (snapshotColumns) to points.
func scanPoints(rows *sql.Rows, points []packedPoint) ([]packedPoint, error) {
	defer rows.Close()
	for rows.Next() {
		var p packedPoint
		var typ string
		if err := rows.Scan(&p.id, &p.lon, &p.lat, &typ, &p.dayFrom, &p.dayTo); err != nil {
			return nil, err
		}
		p.typ = uint8(slices.Index(incidents.Types, incidents.Type(typ)))
		points = append(points, p)
	}
	return points, rows.Err()
}

// aggregate counts the snapshot's points matching f in g, as Aggregate does.
func (snap *snapshot) aggregate(f incidents.Filter, g incidents.Grid) []incidents.Cell {
	w, h := g.CellSize()
	from, to := int32(math.MinInt32), int32(math.MaxInt32)
	if !f.Period.Start.IsZero() {
		from = dayNumber(f.Period.Start)
	}
	if !f.Period.End.IsZero() {
		to = dayNumber(f.Period.End)
	}
	var types uint16
	for _, t := range f.Types {
		types |= 1 << slices.Index(incidents.Types, t)
	}
	type acc struct {
		cell     int
		n        int
		lon, lat float64
		byType   [16]int
	}
	slot := make([]int32, g.Cols*g.Rows) // cell → 1 + index in accs; 0 while empty
	var accs []acc
	// Points are sorted by lon: only the grid's columns are read.
	lo, _ := slices.BinarySearchFunc(snap.points, g.Bound.Min.Lon(), func(p packedPoint, lon float64) int { return cmpFloat(p.lon, lon) })
	hi, _ := slices.BinarySearchFunc(snap.points, math.Nextafter(g.Bound.Max.Lon(), math.Inf(1)), func(p packedPoint, lon float64) int { return cmpFloat(p.lon, lon) })
	count := func(p *packedPoint) {
		lon, lat := p.lon, p.lat
		if int(p.typ) >= len(incidents.Types) || p.dayTo < from || p.dayFrom > to || types != 0 && types&(1<<p.typ) == 0 ||
			!g.Bound.Contains(orb.Point{lon, lat}) || !inAny(f.Bounds, orb.Point{lon, lat}) {
			return
		}
		col := min(int((lon-g.Bound.Min.Lon())/w), g.Cols-1)
		row := min(int((lat-g.Bound.Min.Lat())/h), g.Rows-1)
		k := row*g.Cols + col
		if slot[k] == 0 {
			accs = append(accs, acc{cell: k})
			slot[k] = int32(len(accs))
		}
		a := &accs[slot[k]-1]
		a.n++
		a.lon, a.lat = a.lon+lon, a.lat+lat
		a.byType[p.typ]++
	}
	for i := lo; i < hi; i++ {
		if !snap.isGone(int32(i)) {
			count(&snap.points[i])
		}
	}
	for i := range snap.added {
		count(&snap.added[i])
	}
	out := make([]incidents.Cell, 0, len(accs))
	for _, a := range accs {
		c := incidents.Cell{Col: a.cell % g.Cols, Row: a.cell / g.Cols, Count: a.n, Center: orb.Point{a.lon / float64(a.n), a.lat / float64(a.n)},
			Types: map[incidents.Type]int{}}
		for i, n := range a.byType[:len(incidents.Types)] {
			if n > 0 {
				c.Types[incidents.Types[i]] = n
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b incidents.Cell) int { return (a.Row*g.Cols + a.Col) - (b.Row*g.Cols + b.Col) })
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func inAny(bounds []orb.Bound, p orb.Point) bool {
	if len(bounds) == 0 {
		return true
	}
	for _, b := range bounds {
		if b.Contains(p) {
			return true
		}
	}
	return false
}

func dayNumber(t time.Time) int32 {
	return int32(t.UTC().Unix() / 86400)
}
