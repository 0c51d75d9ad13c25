package index

import (
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
	runs := ix.runs(&q)
	return ix.merge(dst, &q, runs), true
}
