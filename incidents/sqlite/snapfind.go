package sqlite

import (
	"context"
	"math"
	"sort"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// snapQuery is a Find filter in the snapshot's terms.
type snapQuery struct {
	bounds   []orb.Bound
	from, to int32  // dayTo >= from and dayFrom <= to
	types    uint64 // bits of incidents.Types indexes; ignored when anyType
	anyType  bool
	upperDay int32 // only points before (upperDay, upperID) in Find's order:
	upperID  int64 // the cursor, and the newest date_to a period's end allows
	limit    int
}

// snapQueryOf translates f for a snapshot whose longest date range is
// maxSpan days. ok is false when f needs SQL: drafts, a governorate or a
// source, no bbox or no limit (SQL walks its date index cheaply then), or
// values the snapshot cannot compare as SQL does.
func snapQueryOf(f incidents.Filter, maxSpan int32) (q snapQuery, ok bool) {
	if f.Status != "" && f.Status != incidents.StatusPublished || f.Admin1PCode != "" || f.SourceKey != "" ||
		len(f.Bounds) == 0 || f.Limit <= 0 {
		return q, false
	}
	for _, b := range f.Bounds {
		for _, v := range []float64{b.Min.Lon(), b.Min.Lat(), b.Max.Lon(), b.Max.Lat()} {
			if math.IsNaN(v) {
				return q, false
			}
		}
	}
	q = snapQuery{bounds: f.Bounds, from: math.MinInt32, to: math.MaxInt32, limit: f.Limit,
		upperDay: math.MaxInt32, upperID: math.MaxInt64, anyType: len(f.Types) == 0}
	if q.types, ok = typeMask(f.Types); !ok {
		return q, false
	}
	// SQL compares dates as text: the period's ends in UTC, the cursor's as written.
	if !f.Period.Start.IsZero() {
		if q.from, ok = civilDay(f.Period.Start.UTC()); !ok {
			return q, false
		}
	}
	if !f.Period.End.IsZero() {
		if q.to, ok = civilDay(f.Period.End.UTC()); !ok {
			return q, false
		}
		q.upperDay, q.upperID = q.to+maxSpan+1, math.MinInt64
	}
	if c := f.After; c != nil {
		day, ok := civilDay(c.DateTo)
		if c.DateTo.IsZero() || !ok {
			return q, false
		}
		if cmpNewest(day, c.ID, q.upperDay, q.upperID) > 0 {
			q.upperDay, q.upperID = day, c.ID
		}
	}
	return q, true
}

// head is where the merge stands in one cell, at order[pos], whose point
// has (day, id), before end; or, for added, in the snapshot's added points.
type head struct {
	day      int32
	id       int64
	pos, end int32
	added    bool
}

// pick is a point find chose: an incident's ID, its date_to in days and,
// from a snapshot, its index in the snapshot's points.
type pick struct {
	id  int64
	day int32
	at  int32
}

// find returns the first q.limit points matching q, in Find's order: a merge
// of the cells the bounds meet, each walked newest first from q's upper
// bound, that stops at the limit.
func (snap *snapshot) find(q snapQuery) []pick {
	g := snap.grid
	cells := g.cellsOf(q.bounds)
	heads := make([]head, 0, len(cells)+1)
	for _, k := range cells {
		i := 0
		if q.upperDay != math.MaxInt32 {
			seg := g.order[g.start[k]:g.start[k+1]]
			i = sort.Search(len(seg), func(i int) bool {
				p := &snap.points[seg[i]]
				return cmpNewest(p.dayTo, p.id, q.upperDay, q.upperID) > 0
			})
		}
		h := head{pos: g.start[k] + int32(i), end: g.start[k+1]}
		if snap.advance(&h, &q) {
			heads = append(heads, h)
		}
	}
	if len(snap.added) > 0 { // already newest first: one more cell, of the whole map
		i := sort.Search(len(snap.added), func(i int) bool {
			p := &snap.added[i]
			return cmpNewest(p.dayTo, p.id, q.upperDay, q.upperID) > 0
		})
		h := head{pos: int32(i), end: int32(len(snap.added)), added: true}
		if snap.advance(&h, &q) {
			heads = append(heads, h)
		}
	}
	for i := len(heads)/2 - 1; i >= 0; i-- {
		siftDown(heads, i)
	}
	var picks []pick
	for len(heads) > 0 && len(picks) < q.limit {
		top := &heads[0]
		at := int32(len(snap.points)) + top.pos
		if !top.added {
			at = g.order[top.pos]
		}
		picks = append(picks, pick{top.id, top.day, at})
		top.pos++
		if !snap.advance(top, &q) {
			heads[0] = heads[len(heads)-1]
			heads = heads[:len(heads)-1]
		}
		siftDown(heads, 0)
	}
	return picks
}

// advance moves h to its first point from h.pos matching q, passing over
// loaded points that are gone; it reports false when the cell holds no more.
func (snap *snapshot) advance(h *head, q *snapQuery) bool {
	for ; h.pos < h.end; h.pos++ {
		var p *packedPoint
		if h.added {
			p = &snap.added[h.pos]
		} else {
			i := snap.grid.order[h.pos]
			if snap.isGone(i) {
				continue
			}
			p = &snap.points[i]
		}
		if p.dayTo < q.from {
			return false // the rest of the cell is older still
		}
		if p.dayFrom > q.to || !q.anyType && q.types&(1<<p.typ) == 0 || !inAny(q.bounds, orb.Point{p.lon, p.lat}) {
			continue
		}
		h.day, h.id = p.dayTo, p.id
		return true
	}
	return false
}

// siftDown restores the heap order (newest head first) below i.
func siftDown(heads []head, i int) {
	for {
		first, l, r := i, 2*i+1, 2*i+2
		if l < len(heads) && cmpNewest(heads[l].day, heads[l].id, heads[first].day, heads[first].id) < 0 {
			first = l
		}
		if r < len(heads) && cmpNewest(heads[r].day, heads[r].id, heads[first].day, heads[first].id) < 0 {
			first = r
		}
		if first == i {
			return
		}
		heads[i], heads[first] = heads[first], heads[i]
		i = first
	}
}

// findInSnapshot is Find from the snapshot: it picks the page in memory and
// reads just its rows. ok is false when f needs SQL or the snapshot is absent
// or older than the data (a newer one is then loaded for the next call); the
// caller then runs the SQL plans.
func (s *Store) findInSnapshot(ctx context.Context, f incidents.Filter) (found []incidents.Incident, ok bool, err error) {
	picks, snap, ok := s.pickInSnapshot(f)
	if !ok {
		return nil, false, nil
	}
	found, ok, err = s.readByID(ctx, pickedIDs(picks), snap.version)
	if err != nil || !ok {
		if err == nil {
			s.startSnapshotLoad()
		}
		return nil, false, err
	}
	return found, true, nil
}

// pickInSnapshot chooses the page f asks for from the current snapshot,
// which it returns; the snapshot may be older than the data. ok is false
// when f needs SQL or there is no snapshot yet (one is then loaded).
func (s *Store) pickInSnapshot(f incidents.Filter) (picks []pick, snap *snapshot, ok bool) {
	s.snaps.mu.Lock()
	snap = s.snaps.cur
	s.snaps.mu.Unlock()
	if snap == nil {
		if _, eligible := snapQueryOf(f, 0); eligible {
			s.startSnapshotLoad()
		}
		return nil, nil, false
	}
	q, ok := snapQueryOf(f, snap.maxSpan)
	if !ok || snap.grid.cellCount(q.bounds) > maxFindCells {
		return nil, nil, false
	}
	return snap.find(q), snap, true
}

func pickedIDs(picks []pick) []int64 {
	ids := make([]int64, len(picks))
	for i, p := range picks {
		ids[i] = p.id
	}
	return ids
}

// readByID reads the incidents ids names, in that order, with their sources,
// in a statement that also checks the data version is still version; ok is
// false if not.
func (s *Store) readByID(ctx context.Context, ids []int64, version int64) ([]incidents.Incident, bool, error) {
	if len(ids) == 0 {
		v, err := s.Version(ctx)
		return nil, err == nil && v == version, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+incidentColumns+` FROM incidents AS i
		WHERE (SELECT version FROM data_version WHERE id = 1) = ? AND i.id IN (SELECT value FROM json_each(?))`,
		version, idList(ids))
	if err != nil {
		return nil, false, err
	}
	rowsOf, err := scanIncidents(rows)
	if err != nil || len(rowsOf) != len(ids) {
		return nil, false, err
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	found := make([]incidents.Incident, len(ids))
	for _, inc := range rowsOf {
		found[at[inc.ID]] = inc
	}
	if err := attachSources(ctx, s.db, found); err != nil {
		return nil, false, err
	}
	return found, true, nil
}

// idList writes ids as a JSON array, for json_each.
func idList(ids []int64) string {
	list := make([]byte, 0, 8*len(ids)+2)
	list = append(list, '[')
	for i, id := range ids {
		if i > 0 {
			list = append(list, ',')
		}
		list = strconv.AppendInt(list, id, 10)
	}
	return string(append(list, ']'))
}
