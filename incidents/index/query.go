package index

import (
	"math"
	"reflect"
	"slices"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// query is a filter in the index's terms.
type query struct {
	bounds   []orb.Bound // none: anywhere
	from, to int32       // DayTo >= from and DayFrom <= to
	types    uint64      // bits of Type; every bit when any type will do
	upperDay int32       // only points after (upperDay, upperID) in Find's order:
	upperID  int64       // the cursor, or the newest DayTo a period's end allows
	limit    int         // 0: no limit (Count)
}

// queryOf translates f for an index whose longest date range is maxSpan
// days. ok is false when f needs SQL: drafts, a governorate, a source, any
// field the index does not know (so that a filter field added to
// incidents.Filter goes to SQL until the index learns it), or values the
// index cannot compare as SQL does.
func queryOf(f incidents.Filter, maxSpan int32) (q query, ok bool) {
	if !Knows(f) {
		return q, false
	}
	for _, b := range f.Bounds {
		for _, v := range []float64{b.Min.Lon(), b.Min.Lat(), b.Max.Lon(), b.Max.Lat()} {
			if math.IsNaN(v) {
				return q, false
			}
		}
	}
	q = query{bounds: f.Bounds, from: math.MinInt32, to: math.MaxInt32, limit: max(f.Limit, 0),
		upperDay: math.MaxInt32, upperID: math.MaxInt64}
	if q.types, ok = typeMask(f.Types); !ok {
		return q, false
	}
	// SQL compares civil dates: the period's ends as dates in UTC, the
	// cursor's as written (in its own location).
	if first, bounded := f.Period.FirstDay(); bounded {
		if q.from, ok = civilDay(first); !ok {
			return q, false
		}
	}
	if last, bounded := f.Period.LastDay(); bounded {
		if q.to, ok = civilDay(last); !ok {
			return q, false
		}
		q.upperDay, q.upperID = q.to+maxSpan+1, math.MinInt64
	}
	if c := f.After; c != nil {
		day, ok := civilDay(c.DateTo)
		if c.DateTo.IsZero() || !ok {
			return q, false // an undated cursor comes from a draft
		}
		if day < q.upperDay || day == q.upperDay && c.ID < q.upperID { // the cursor comes after the period's end
			q.upperDay, q.upperID = day, c.ID
		}
	}
	return q, true
}

// Knows reports whether f selects published incidents by nothing but the
// fields an index answers: bounds, period, types, limit and cursor. An index
// may still refuse values of those it cannot compare as SQL does.
func Knows(f incidents.Filter) bool {
	if f.Status != "" && f.Status != incidents.StatusPublished {
		return false
	}
	rest := f
	rest.Bounds, rest.Period, rest.Types, rest.Status, rest.Limit, rest.After = nil, incidents.Interval{}, nil, "", 0, nil
	return reflect.ValueOf(rest).IsZero()
}

// civilDay is Day(t); ok is false for years whose text would not sort as
// SQL compares it.
func civilDay(t time.Time) (day int32, ok bool) {
	if y := t.Year(); y < 1 || y > 9999 {
		return 0, false
	}
	return Day(t), true
}

// typeMask is the set of types as bits of their Type; every bit when there
// are none. ok is false for a type outside the vocabulary.
func typeMask(types []incidents.Type) (mask uint64, ok bool) {
	if len(types) == 0 {
		return math.MaxUint64, true
	}
	for _, t := range types {
		i := slices.Index(incidents.Types, t)
		if i < 0 || i >= 64 {
			return 0, false
		}
		mask |= 1 << i
	}
	return mask, true
}

// NoType is the Type of a point whose type is not in incidents.Types.
const NoType = math.MaxUint8

// TypeOf is the Type a point of incident type t holds.
func TypeOf(t incidents.Type) uint8 {
	if i := slices.Index(incidents.Types, t); i >= 0 && i < NoType {
		return uint8(i)
	}
	return NoType
}

// Day is the civil date of t in t's own location (as t.Format writes it),
// as days since 1970-01-01.
func Day(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400) // a whole number of days: exact
}

// DayTime is the UTC midnight starting day d.
func DayTime(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }
