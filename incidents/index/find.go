package index

import (
	"sync"

	"github.com/mapsrv/mapsrv/incidents"
)

// Find returns the points of the page f asks for, in the order of
// incidents.Store.Find (newest first by DateTo, then ID), at most f.Limit of
// them. ok is false when f needs SQL (see [Knows]) or sets no limit.
//
// The page is a merge of runs of points each ordered newest first, that
// stops at the limit: no sort, and a dense box costs what its page does.
// The runs are the cells the boxes meet or, when the boxes hold so many of
// the points that a page fills soon anyway (a whole country), the list of
// every point by date; and the points changes added since the build.
func (ix *Index) Find(f incidents.Filter) (page []Point, ok bool) {
	return ix.FindAppend(nil, f)
}

// FindAppend is Find appending the page to dst, whose room is used when
// it has enough: a caller that reuses its lists saves a page's worth of
// memory (400 KB for a country page of 10,000) each time.
func (ix *Index) FindAppend(dst []Point, f incidents.Filter) (page []Point, ok bool) {
	if f.Limit <= 0 {
		return dst, false
	}
	q, ok := queryOf(f, ix.maxSpan)
	if !ok {
		return dst, false
	}
	s := findScratches.Get().(*findScratch)
	defer s.release()
	return ix.mergeInto(s, dst, &q, ix.appendRuns(s, &q)), true
}

// findScratch holds the lists of a Find that do not outlive it (the cells
// and runs its boxes meet, the merge's heads), kept for the next: made
// for each page, they were two thirds of what a 1° page of 1,000
// allocated (56 and 52 KB).
type findScratch struct {
	cells []int
	runs  []run
	heads []head
}

var findScratches = sync.Pool{New: func() any { return new(findScratch) }}

// keptScratch is the most cells, runs or heads a pooled findScratch keeps
// room for.
const keptScratch = 1 << 14

// release clears s's runs and heads, which point into an index, not to
// keep an old one alive, and pools s.
func (s *findScratch) release() {
	if cap(s.cells) > keptScratch || cap(s.runs) > keptScratch || cap(s.heads) > keptScratch {
		return
	}
	clear(s.runs[:cap(s.runs)])
	clear(s.heads[:cap(s.heads)])
	findScratches.Put(s)
}
