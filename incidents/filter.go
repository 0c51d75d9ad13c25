package incidents

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
)

// Filter selects incidents. The zero Filter selects every published incident.
type Filter struct {
	Bounds      []orb.Bound // any of these boxes (two across the antimeridian); none: anywhere
	Period      Interval    // incidents whose date range overlaps it; zero: any time
	Types       []Type      // any of these types; none: every type
	Admin1PCode string      // one governorate; empty: all
	Admin2PCode string      // one district (OCHA admin-2 P-code, SY0703); empty: all
	MinKilled   int         // only incidents reporting at least this many killed; 0: no limit
	Text        string      // words that must all occur in the summaries or place names (see [SearchTerms]); empty: any
	Status      Status      // empty means published
	Limit       int         // at most this many; 0 means no limit
	After       *Cursor     // keyset paging: only incidents after this one in the order
	SourceKey   string      // only incidents linked to the source with this [SourceKey]
	Where       cql2.Expr   // a checked CQL2 expression over [Queryables]; nil: none (see [Filter.WithWhere])
}

// The order of results is newest first: by DateTo descending, then ID descending.
// A Cursor marks a position in that order; it is the last incident of a page.
type Cursor struct {
	DateTo time.Time
	ID     int64
}

// CursorOf returns the cursor that continues after inc.
func CursorOf(inc Incident) Cursor { return Cursor{DateTo: inc.DateTo, ID: inc.ID} }

// Interval is a closed range of instants, either end of which may be open.
// Incidents match when their [DateFrom, DateTo+1 day) overlaps it. The zero
// Interval is open at both ends and matches everything; [Since], [Until] and
// [Between] make the others. An end is open only when made so: an instant in
// year 1 is an instant like any other, not "no limit".
type Interval struct {
	start, end       time.Time
	hasStart, hasEnd bool
}

// Since is the interval from start on, open at its end.
func Since(start time.Time) Interval { return Interval{start: start, hasStart: true} }

// Until is the interval up to end, open at its start.
func Until(end time.Time) Interval { return Interval{end: end, hasEnd: true} }

// Between is the interval from start to end, both included.
func Between(start, end time.Time) Interval {
	return Interval{start: start, end: end, hasStart: true, hasEnd: true}
}

// IsZero reports whether the interval is open at both ends, matching everything.
func (iv Interval) IsZero() bool { return !iv.hasStart && !iv.hasEnd }

// Start returns the first instant, and false when the start is open.
func (iv Interval) Start() (time.Time, bool) { return iv.start, iv.hasStart }

// End returns the last instant, and false when the end is open.
func (iv Interval) End() (time.Time, bool) { return iv.end, iv.hasEnd }

// FirstDay returns the civil date (midnight UTC) of the start, and false when
// the start is open. Stores compare it with date_to: an incident matches when
// it ends on or after that day. Days are clamped to [MinDay, MaxDay], the
// years a civil date can be written in, so that any instant compares as its
// day would with every date a store can hold.
func (iv Interval) FirstDay() (time.Time, bool) { return clampDay(iv.start), iv.hasStart }

// LastDay returns the civil date of the end, as FirstDay does for the start:
// an incident matches when it starts on or before that day.
func (iv Interval) LastDay() (time.Time, bool) { return clampDay(iv.end), iv.hasEnd }

// MinDay and MaxDay bound the civil dates a store can hold or compare: the
// four-digit years of ISO 8601 calendar dates.
var (
	MinDay = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxDay = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
)

func clampDay(t time.Time) time.Time {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case d.Before(MinDay):
		return MinDay
	case d.After(MaxDay):
		return MaxDay
	}
	return d
}

func (iv Interval) String() string {
	end := func(t time.Time, ok bool) string {
		if !ok {
			return ".."
		}
		return t.Format(time.RFC3339Nano)
	}
	return end(iv.start, iv.hasStart) + "/" + end(iv.end, iv.hasEnd)
}

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
		return Between(from, to), nil
	}
	if start == "" && end == "" {
		return Interval{}, fmt.Errorf("%w: %q has neither a start nor an end", ErrBadDatetime, s)
	}
	var iv Interval
	var err error
	if iv.hasStart = start != ".." && start != ""; iv.hasStart {
		if iv.start, _, err = parseInstant(start); err != nil {
			return Interval{}, err
		}
	}
	if iv.hasEnd = end != ".." && end != ""; iv.hasEnd {
		if _, iv.end, err = parseInstant(end); err != nil {
			return Interval{}, err
		}
	}
	if iv.hasStart && iv.hasEnd && iv.start.After(iv.end) {
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

// AddType adds t to the types f matches, once: a type listed again adds
// nothing (the SQL stores bind a placeholder a type, and a URL listing one
// type 100,000 times was a 500).
func (f *Filter) AddType(t Type) {
	if !slices.Contains(f.Types, t) {
		f.Types = append(f.Types, t)
	}
}
