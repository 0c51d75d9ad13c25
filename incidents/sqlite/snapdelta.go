package sqlite

import (
	"cmp"
	"context"
	"slices"
	"sync"
)

// A write by this store moves the snapshot on to the write's version
// without reloading it: the incidents the write changed have their loaded
// points marked gone, and their points as they now stand kept beside the
// loaded ones (snapshot.added). Loading a snapshot of 1,000,000 points takes
// about 1.5 s of one core; a steady stream of edits used to keep one core
// reloading and make every aggregate wait for it. A write by another process
// is not known here: the snapshot is then older than the data and reloaded
// on its next use, as before. Past maxDelta changes the snapshot is left to
// go stale too, so that the next load folds them in.

// maxDelta is how many changed incidents a snapshot carries beside its
// loaded points: a twentieth of them, and at least 10,000.
func maxDelta(points int) int { return max(10000, points/20) }

// idIndex orders a snapshot's loaded points by ID, built on the first write
// that needs it (about 0.2 s at 1,000,000) and shared by the snapshots
// derived from the one it was built for.
type idIndex struct {
	once sync.Once
	byID []int32 // indexes in points, by points[i].id
}

// loadedIndex returns the index in snap.points of the loaded point of
// incident id, if it has one.
func (snap *snapshot) loadedIndex(id int64) (int32, bool) {
	x := snap.ids
	x.once.Do(func() {
		x.byID = make([]int32, len(snap.points))
		for i := range x.byID {
			x.byID[i] = int32(i)
		}
		slices.SortFunc(x.byID, func(a, b int32) int { return cmp.Compare(snap.points[a].id, snap.points[b].id) })
	})
	i, ok := slices.BinarySearchFunc(x.byID, id, func(k int32, id int64) int { return cmp.Compare(snap.points[k].id, id) })
	if !ok {
		return 0, false
	}
	return x.byID[i], true
}

// isGone reports whether loaded point i no longer stands for its incident.
func (snap *snapshot) isGone(i int32) bool {
	return snap.gone != nil && snap.gone[i>>6]&(1<<(i&63)) != 0
}

// point returns the point a pick's at names: a loaded one, or one of added
// past them.
func (snap *snapshot) point(at int32) *packedPoint {
	if n := int32(len(snap.points)); at >= n {
		return &snap.added[at-n]
	}
	return &snap.points[at]
}

// withDelta returns the snapshot at version after a write that changed the
// incidents changed, whose published points now are now. snap is left as it
// is: requests under way keep reading it.
func (snap *snapshot) withDelta(version int64, changed []int64, now []packedPoint) *snapshot {
	next := *snap
	next.version = version
	next.gone = make([]uint64, (len(snap.points)+63)/64)
	copy(next.gone, snap.gone)
	was := make(map[int64]bool, len(changed))
	for _, id := range changed {
		was[id] = true
		if i, ok := snap.loadedIndex(id); ok {
			next.gone[i>>6] |= 1 << (i & 63)
		}
	}
	next.added = make([]packedPoint, 0, len(snap.added)+len(now))
	for _, p := range snap.added {
		if !was[p.id] {
			next.added = append(next.added, p)
		}
	}
	next.added = append(next.added, now...)
	slices.SortFunc(next.added, func(a, b packedPoint) int { return cmpNewest(a.dayTo, a.id, b.dayTo, b.id) })
	for _, p := range now {
		next.maxSpan = max(next.maxSpan, p.dayTo-p.dayFrom)
	}
	next.changes += len(changed)
	return &next
}

// applyDelta moves the current snapshot from version before to before+1,
// the version a write by this store just committed, if it is at before and
// carries few enough changes; otherwise it is left to go stale.
func (s *Store) applyDelta(before int64, changed []int64, now []packedPoint) {
	s.snaps.mu.Lock()
	cur := s.snaps.cur
	s.snaps.mu.Unlock()
	if cur == nil || cur.version != before || cur.changes+len(changed) > maxDelta(len(cur.points)) {
		return
	}
	next := cur.withDelta(before+1, changed, now) // outside the lock: the first builds the ID index
	s.snaps.mu.Lock()
	defer s.snaps.mu.Unlock()
	if s.snaps.cur == cur {
		s.snaps.cur = next
	}
}

// readPoints reads the published points of the incidents ids names through
// q, as a snapshot holds them.
func readPoints(ctx context.Context, q queryer, ids []int64) ([]packedPoint, error) {
	// NOT INDEXED leaves only the lookup by ID: left to itself, SQLite
	// walked the status index through every published incident (90 ms at
	// 1,000,000).
	rows, err := q.QueryContext(ctx, "SELECT "+snapshotColumns+
		" FROM incidents NOT INDEXED WHERE id IN (SELECT value FROM json_each(?)) AND status = 'published'", idList(ids))
	if err != nil {
		return nil, err
	}
	return scanPoints(rows, nil)
}
