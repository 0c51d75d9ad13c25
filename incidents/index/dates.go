package index

import (
	"github.com/mapsrv/mapsrv/incidents"
)

// CountDates counts the points matching f by their date range, what a
// store's date histogram bins (incidents.NewHistogram); f.Limit and f.After
// are ignored. ok is false when f needs SQL (see queryOf). Most incidents are
// of one day, counted in a slice by day; ranges go to a map.
func (ix *Index) CountDates(f incidents.Filter) (counts []incidents.DateCount, ok bool) {
	f.Limit, f.After = 0, nil
	q, ok := queryOf(f, ix.maxSpan)
	if !ok {
		return nil, false
	}
	var days []int // days[d-first]: single-day points on day d
	first := int32(0)
	ranges := map[[2]int32]int{}
	add := func(p *Point) {
		if !q.matches(p) {
			return
		}
		if p.DayFrom != p.DayTo {
			ranges[[2]int32{p.DayFrom, p.DayTo}]++
			return
		}
		if days == nil {
			first = p.DayFrom
		}
		if p.DayFrom < first { // grow at the front
			days = append(make([]int, first-p.DayFrom), days...)
			first = p.DayFrom
		}
		for int(p.DayFrom-first) >= len(days) {
			days = append(days, 0)
		}
		days[p.DayFrom-first]++
	}
	// Only the index's cells the bounds meet are read, each once, as Count
	// reads them; matches tells the points of those cells in the bounds.
	for _, r := range ix.grid.cellRuns(q.bounds) {
		for i := r.lo; i < r.hi; i++ {
			if !ix.isGone(i) {
				add(&ix.points[i])
			}
		}
	}
	for i := range ix.added {
		add(&ix.added[i])
	}
	for i, n := range days {
		if n > 0 {
			d := first + int32(i)
			counts = append(counts, incidents.DateCount{From: d, To: d, N: n})
		}
	}
	for r, n := range ranges {
		counts = append(counts, incidents.DateCount{From: r[0], To: r[1], N: n})
	}
	return counts, true
}
