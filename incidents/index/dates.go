package index

import (
	"cmp"
	"slices"

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
	lo, hi := 0, len(ix.points)
	if len(q.bounds) > 0 { // the built points are sorted by lon: read only the bounds' columns
		west, east := q.bounds[0].Min.Lon(), q.bounds[0].Max.Lon()
		for _, b := range q.bounds[1:] {
			west, east = min(west, b.Min.Lon()), max(east, b.Max.Lon())
		}
		lo, _ = slices.BinarySearchFunc(ix.points, west, func(p Point, lon float64) int { return cmp.Compare(p.Lon, lon) })
		hi = lo
		for hi < len(ix.points) && ix.points[hi].Lon <= east {
			hi++
		}
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
	for i := lo; i < hi; i++ {
		if !ix.isGone(int32(i)) {
			add(&ix.points[i])
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
