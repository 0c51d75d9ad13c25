package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// testDatesOutOfRange: a date outside EarliestDate..LatestDate is refused by
// every write, naming the field and the range, and changes nothing stored.
func testDatesOutOfRange(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	good := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24")
	id := mustAdd(t, s, good)[0]
	stored, _ := s.Get(ctx, id)
	v0, n0 := mustVersion(t, s), mustCount(t, s)
	wide := good
	wide.DateFrom, wide.DateTo = time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	lateSource := good
	lateSource.Sources = []incidents.Source{{Title: "t", Published: Day("2101-01-01")}}
	wantErr := func(what string, err error, field string) {
		t.Helper()
		if !errors.Is(err, incidents.ErrInvalid) || !strings.Contains(err.Error(), field) || !strings.Contains(err.Error(), "1900-01-01..2100-12-31") {
			t.Errorf("%s: %v; want ErrInvalid naming %s and the range", what, err, field)
		}
	}
	_, err := s.Add(ctx, []incidents.Incident{wide})
	wantErr("Add from year 1 to 9999", err, "date_from")
	_, err = s.Add(ctx, []incidents.Incident{lateSource})
	wantErr("Add with a source of 2101", err, "sources[0].published")
	wider := stored
	wider.DateTo = Day("2101-01-01")
	_, err = s.Update(ctx, wider)
	wantErr("Update to 2101", err, "date_to")
	_, err = s.Import(ctx, func(yield func(incidents.Incident, error) bool) { _ = yield(good, nil) && yield(wide, nil) }, nil)
	wantErr("Import with year 1", err, "date_from")
	if v, n := mustVersion(t, s), mustCount(t, s); v != v0 || n != n0 {
		t.Errorf("refused writes moved the version %d → %d and the count %d → %d", v0, v, n0, n)
	}
	if got, _ := s.Get(ctx, id); !got.DateTo.Equal(stored.DateTo) {
		t.Errorf("the refused Update changed date_to to %v", got.DateTo)
	}
}

// testWideIntervals: one incident spanning every accepted year is found by
// every period it overlaps, through the date index and through a box with a
// limit (the SQLite snapshot); when it is deleted the others are found as
// before. Any valid interval works, up to year 9999 and from year 0; an
// instant in year 1 is an instant, not an open end.
func testWideIntervals(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	id := mustAdd(t, s,
		Incident(incidents.TypeArrest, 36.80, 35.87, "2025-11-24", "2025-11-24"),
		Incident(incidents.TypeClash, 36.81, 35.88, "2025-11-20", "2025-11-26"),
		Incident(incidents.TypeShelling, 36.82, 35.86, "2025-11-24", "2025-11-24"),
		Incident(incidents.TypeShelling, 36.82, 35.86, "2019-05-01", "2019-05-01"))
	wide := mustAdd(t, s, Incident(incidents.TypeBombing, 36.79, 35.85, "1900-01-01", "2100-12-31"))[0]
	late, _ := time.Parse(time.RFC3339, "9999-12-31T23:59:59-05:00") // year 10000 in UTC
	year1 := time.Time{}
	day := func(d string) incidents.Interval {
		return incidents.Between(Day(d), Day(d).Add(24*time.Hour-time.Nanosecond))
	}
	tests := []struct {
		name string
		p    incidents.Interval
		want []int64 // without the wide one, which every period but the last two overlaps
	}{
		{"one day", day("2025-11-24"), []int64{id[2], id[1], id[0]}},
		{"to year 9999", incidents.Between(Day("2020-01-01"), Day("9999-12-31")), []int64{id[2], id[1], id[0]}},
		{"to past year 9999 in UTC", incidents.Between(Day("2020-01-01"), late), []int64{id[2], id[1], id[0]}},
		{"from year 0", incidents.Between(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), Day("2020-01-01")), []int64{id[3]}},
		{"open end", incidents.Since(Day("2025-11-25")), []int64{id[1]}},
		{"open start", incidents.Until(Day("2019-12-31")), []int64{id[3]}},
		{"a year-1 instant", incidents.Between(year1, year1), nil},
		{"years 2200 to 9999", incidents.Between(Day("2200-01-01"), Day("9999-12-31")), nil},
	}
	find := func(f incidents.Filter) []int64 {
		got := IDs(mustFind(t, s, f))
		slices.Sort(got)
		return got
	}
	check := func(wideStored bool) {
		t.Helper()
		for i, tc := range tests {
			want := slices.Clone(tc.want)
			if wideStored && i < len(tests)-2 {
				want = append(want, wide)
			}
			slices.Sort(want)
			for _, f := range []incidents.Filter{{Period: tc.p}, {Period: tc.p, Bounds: box(36.8, 35.87, 0.1), Limit: 10}} {
				if got := find(f); !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
					t.Errorf("wide incident stored %t, %s (box %t): %v, want %v", wideStored, tc.name, f.Bounds != nil, got, want)
				}
			}
		}
	}
	check(true)
	if err := s.Delete(ctx, wide); err != nil {
		t.Fatal(err)
	}
	check(false)
}
