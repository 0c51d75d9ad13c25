package incidents

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"
)

// Filter selects incidents. The zero Filter selects every published incident.
type Filter struct {
	Bounds      []orb.Bound // any of these boxes (two across the antimeridian); none: anywhere
	Period      Interval    // incidents whose date range overlaps it; zero: any time
	Types       []Type      // any of these types; none: every type
	Admin1PCode string      // one governorate; empty: all
	Status      Status      // empty means published
	Limit       int         // at most this many; 0 means no limit
	After       *Cursor     // keyset paging: only incidents after this one in the order
	SourceKey   string      // only incidents linked to the source with this [SourceKey]
}

// The order of results is newest first: by DateTo descending, then ID descending.
// A Cursor marks a position in that order; it is the last incident of a page.
type Cursor struct {
	DateTo time.Time
	ID     int64
}

// CursorOf returns the cursor that continues after inc.
func CursorOf(inc Incident) Cursor { return Cursor{DateTo: inc.DateTo, ID: inc.ID} }

// Interval is a closed range of instants; a zero end is open. Incidents match when
// their [DateFrom, DateTo+1 day) overlaps it.
type Interval struct {
	Start, End time.Time
}

// IsZero reports whether the interval is open at both ends, matching everything.
func (iv Interval) IsZero() bool { return iv.Start.IsZero() && iv.End.IsZero() }

// ErrBadDatetime is wrapped by every error [ParseInterval] returns.
var ErrBadDatetime = errors.New("incidents: invalid datetime")

// ParseInterval parses the datetime parameter of OGC API – Features: a date
// ("2025-11-24", the whole day), an RFC 3339 instant, or an interval of two such
// values separated by "/", either end ".." or empty for open. The start must not
// be after the end.
func ParseInterval(s string) (Interval, error) {
	start, end, isRange := strings.Cut(s, "/")
	if !isRange {
		from, to, err := parseInstant(s)
		if err != nil {
			return Interval{}, err
		}
		return Interval{Start: from, End: to}, nil
	}
	var iv Interval
	var err error
	if start != ".." && start != "" {
		if iv.Start, _, err = parseInstant(start); err != nil {
			return Interval{}, err
		}
	}
	if end != ".." && end != "" {
		if _, iv.End, err = parseInstant(end); err != nil {
			return Interval{}, err
		}
	}
	if start == "" && end == "" {
		return Interval{}, fmt.Errorf("%w: %q has neither a start nor an end", ErrBadDatetime, s)
	}
	if !iv.Start.IsZero() && !iv.End.IsZero() && iv.Start.After(iv.End) {
		return Interval{}, fmt.Errorf("%w: start %s is after end %s", ErrBadDatetime, start, end)
	}
	return iv, nil
}

// parseInstant parses a date, giving its first and last instants, or an RFC 3339
// instant, giving it twice.
func parseInstant(s string) (from, to time.Time, err error) {
	if d, err := time.Parse(DateLayout, s); err == nil {
		return d, d.Add(24*time.Hour - time.Nanosecond), nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return from, to, fmt.Errorf("%w: %q is not a date (YYYY-MM-DD), an RFC 3339 instant, or an interval of those with '/' and '..' for an open end", ErrBadDatetime, s)
	}
	t = t.UTC()
	return t, t, nil
}
