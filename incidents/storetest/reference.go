package storetest

import (
	"cmp"
	"slices"

	"github.com/mapsrv/mapsrv/incidents"
)

// Reference is a store's published incidents by ID, with the plainest Find
// over them: a filter and sort over every incident, comparing dates as text
// the way SQL does. The fast paths (the in-memory index, the pages picked
// from it) are held to it.
type Reference map[int64]incidents.Incident

// Find is Store.Find over ref, for filters by period, types and boxes, with
// a cursor and a limit.
func (ref Reference) Find(f incidents.Filter) []incidents.Incident {
	var out []incidents.Incident
	m := MatcherOf(f)
	for _, inc := range ref {
		if m.Matches(inc) && After(inc, f.After) {
			out = append(out, inc)
		}
	}
	slices.SortFunc(out, func(a, b incidents.Incident) int {
		if c := b.DateTo.Compare(a.DateTo); c != 0 { // stored dates are UTC midnights: as their text sorts
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	return out[:min(len(out), f.Limit)]
}

// Matcher tests a filter's period (as dates written in UTC), types and
// bounds.
type Matcher struct {
	f          incidents.Filter
	start, end string
}

// MatcherOf is the matcher of f.
func MatcherOf(f incidents.Filter) Matcher {
	m := Matcher{f: f}
	if first, ok := f.Period.FirstDay(); ok {
		m.start = first.Format(incidents.DateLayout)
	}
	if last, ok := f.Period.LastDay(); ok {
		m.end = last.Format(incidents.DateLayout)
	}
	return m
}

// Matches reports whether inc meets the filter's period, types and bounds
// (its cursor and limit aside).
func (m Matcher) Matches(inc incidents.Incident) bool {
	if m.start != "" && incidents.FormatDate(inc.DateTo) < m.start || m.end != "" && incidents.FormatDate(inc.DateFrom) > m.end ||
		len(m.f.Types) > 0 && !slices.Contains(m.f.Types, inc.Type) {
		return false
	}
	if len(m.f.Bounds) == 0 {
		return true
	}
	for _, b := range m.f.Bounds {
		lon, lat := inc.Location.Lon(), inc.Location.Lat()
		if lon >= b.Min.Lon() && lon <= b.Max.Lon() && lat >= b.Min.Lat() && lat <= b.Max.Lat() {
			return true
		}
	}
	return false
}

// After reports whether inc comes after cursor c in Find's order (true for
// no cursor).
func After(inc incidents.Incident, c *incidents.Cursor) bool {
	if c == nil {
		return true
	}
	d, cd := incidents.FormatDate(inc.DateTo), incidents.FormatDate(c.DateTo)
	return d < cd || d == cd && inc.ID < c.ID
}
