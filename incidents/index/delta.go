package index

import (
	"cmp"
	"math/bits"
	"slices"
	"sync"
)

// A change moves an index on without building it again: the built points
// of the incidents a write changed are marked gone, and their points as
// they now stand are kept beside the built ones, newest first, as one more
// run of Find's merge. Building from a million points takes about a second
// of one core; a steady stream of edits would keep one core building and
// make every count wait for it. Past MaxChanges(n) changed incidents the
// store should build afresh, folding them in.

// MaxChanges is how many changed incidents an index of n built points
// carries beside them: a twentieth of them, and at least 10,000.
func MaxChanges(n int) int { return max(10000, n/20) }

// Apply returns the index at version, after writes that changed the
// incidents changed, whose published points now are now (a changed incident
// without one was deleted or is no longer published). ok is false when that
// would carry more than MaxChanges changes: build afresh instead. Applying
// the same changes twice gives the same index, so changes a build already
// holds may be applied again. ix itself is left as it is.
func (ix *Index) Apply(version int64, changed []int64, now []Point) (next *Index, ok bool) {
	if ix.changes+len(changed) > MaxChanges(len(ix.points)) {
		return nil, false
	}
	n := *ix
	n.version = version
	n.gone = make([]uint64, (len(ix.points)+63)/64)
	copy(n.gone, ix.gone)
	was := make(map[int64]bool, len(changed)+len(now))
	widestGone := false // the point setting maxSpan changed: the bound may shrink
	mark := func(id int64) {
		was[id] = true
		if i, ok := ix.builtIndex(id); ok {
			n.gone[i>>6] |= 1 << (i & 63)
			widestGone = widestGone || !ix.isGone(i) && ix.points[i].DayTo-ix.points[i].DayFrom >= ix.maxSpan
		}
	}
	for _, id := range changed {
		mark(id)
	}
	for _, p := range now {
		mark(p.ID) // a point is news of its incident, listed in changed or not
	}
	n.added = make([]Point, 0, len(ix.added)+len(now))
	for _, p := range ix.added {
		if !was[p.ID] {
			n.added = append(n.added, p)
		} else {
			widestGone = widestGone || p.DayTo-p.DayFrom >= ix.maxSpan
		}
	}
	last := make(map[int64]int, len(now))
	for i, p := range now {
		last[p.ID] = i
	}
	for i, p := range now {
		if last[p.ID] == i { // the last point of an incident listed twice
			n.added = append(n.added, p)
		}
	}
	slices.SortFunc(n.added, func(a, b Point) int { return cmpNewest(a.DayTo, a.ID, b.DayTo, b.ID) })
	if widestGone {
		n.maxSpan = n.widestSpan()
	}
	for _, p := range now {
		n.maxSpan = max(n.maxSpan, p.DayTo-p.DayFrom)
	}
	n.changes += len(was)
	return &n, true
}

// widestSpan is the longest date range of the points ix holds: a pass over
// them all (a few milliseconds at 1,000,000), made only when the widest
// changed, so that a deleted or narrowed wide incident stops widening the
// period walks (queryOf) at once.
func (ix *Index) widestSpan() int32 {
	var widest int32
	for i := range ix.points {
		if p := &ix.points[i]; !ix.isGone(int32(i)) {
			widest = max(widest, p.DayTo-p.DayFrom)
		}
	}
	for _, p := range ix.added {
		widest = max(widest, p.DayTo-p.DayFrom)
	}
	return widest
}

// idIndex orders an index's built points by ID, built on the first Apply
// that needs it (about 0.2 s at 1,000,000) and shared by the indexes
// derived from the one it was built for.
type idIndex struct {
	once sync.Once
	byID []int32 // indexes in points, by points[i].ID
}

// builtIndex returns the index in ix.points of incident id's built point,
// if it has one.
func (ix *Index) builtIndex(id int64) (int32, bool) {
	x := ix.ids
	x.once.Do(func() {
		x.byID = make([]int32, len(ix.points))
		for i := range x.byID {
			x.byID[i] = int32(i)
		}
		slices.SortFunc(x.byID, func(a, b int32) int { return cmp.Compare(ix.points[a].ID, ix.points[b].ID) })
	})
	i, ok := slices.BinarySearchFunc(x.byID, id, func(k int32, id int64) int { return cmp.Compare(ix.points[k].ID, id) })
	if !ok {
		return 0, false
	}
	return x.byID[i], true
}

func (ix *Index) goneCount() int {
	n := 0
	for _, w := range ix.gone {
		n += bits.OnesCount64(w)
	}
	return n
}

// Changes is what a store's change log says happened after a version.
type Changes struct {
	Version int64   // the data version now
	Since   int64   // the version after which the log is whole
	Changed []int64 // incidents changed after the version asked about
	Now     []Point // the published points of those, as they now stand
	More    bool    // the log holds more changed incidents than were read
}

// Follow returns ix moved on by c, the changes logged since ix's version.
// ok is false when c cannot bring it there (the log does not reach back to
// ix's version, or holds more changes than ix should carry): build afresh.
func (ix *Index) Follow(c Changes) (next *Index, ok bool) {
	switch {
	case c.Version <= ix.version:
		return ix, true
	case ix.version < c.Since || c.More:
		return nil, false
	}
	return ix.Apply(c.Version, c.Changed, c.Now)
}
