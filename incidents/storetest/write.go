package storetest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

func testAddGet(t *testing.T, s incidents.Store) {
	in := Incident(incidents.TypeArrest, 35.896, 35.8918, "2025-11-24", "2025-11-24")
	in.Killed = intp(2)
	in.Arrested = intp(0)
	in.SummaryAR = "اعتقال خلية في ريف اللاذقية"
	in.Sources = []incidents.Source{{Title: "report", URL: "https://example.org/a", Publisher: "P", Published: Day("2025-11-30")}, {Title: "second", Publisher: "Q"}}
	id := mustAdd(t, s, in)[0]
	got, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Type != in.Type || !got.DateFrom.Equal(in.DateFrom) || !got.DateTo.Equal(in.DateTo) ||
		got.Location != in.Location || got.Killed == nil || *got.Killed != 2 || got.Injured != nil ||
		got.Arrested == nil || *got.Arrested != 0 || got.SummaryAR != in.SummaryAR || got.PlaceNameAR != in.PlaceNameAR ||
		got.Admin1PCode != "SY07" || got.GeoPrecision != in.GeoPrecision || got.Status != in.Status {
		t.Errorf("Get = %+v, want the stored %+v", got, in)
	}
	if got.DateFrom.Location() != time.UTC || got.DateFrom.Hour() != 0 {
		t.Errorf("DateFrom = %v, want midnight UTC", got.DateFrom)
	}
	if len(got.Sources) != 2 || got.Sources[0].URL != "https://example.org/a" || !got.Sources[0].Published.Equal(Day("2025-11-30")) ||
		got.Sources[1].Title != "second" || !got.Sources[1].Published.IsZero() {
		t.Errorf("Sources = %+v, want both in order", got.Sources)
	}
	if got.CreatedAt.IsZero() || got.UpdatedAt.Before(got.CreatedAt) {
		t.Errorf("timestamps created %v updated %v", got.CreatedAt, got.UpdatedAt)
	}
	if _, err := s.Get(context.Background(), id+100); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
	}
	ids := mustAdd(t, s, in, in, in)
	if !slices.IsSorted(ids) || ids[0] <= id {
		t.Errorf("Add gave IDs %v after %d, want them rising in order", ids, id)
	}
}

func testAddIsAtomic(t *testing.T, s incidents.Store) {
	mustAdd(t, s, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02"))
	v0 := mustVersion(t, s)
	bad := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-01") // ends before it starts
	_, err := s.Add(context.Background(), []incidents.Incident{Incident(incidents.TypeClash, 36.8, 35.87, "2025-12-03", "2025-12-03"), bad})
	if !errors.Is(err, incidents.ErrInvalid) || !strings.Contains(err.Error(), "incident 2") {
		t.Fatalf("Add(good, bad) error = %v, want ErrInvalid naming incident 2", err)
	}
	if n := mustCount(t, s); n != 1 {
		t.Errorf("after a failed Add, %d incidents stored, want the 1 from before", n)
	}
	if v1 := mustVersion(t, s); v1 != v0 {
		t.Errorf("version moved from %d to %d on a failed Add", v0, v1)
	}
}

// many yields n valid incidents, one a day from 2020-01-01, each citing a
// source of its own and one shared by every tenth; bad, if not zero, is the
// position of one that is invalid.
func many(n, bad int, created time.Time) iter.Seq2[incidents.Incident, error] {
	return func(yield func(incidents.Incident, error) bool) {
		for i := 1; i <= n; i++ {
			d := Day("2020-01-01").AddDate(0, 0, i).Format(incidents.DateLayout)
			inc := Incident(incidents.TypeShelling, 36+float64(i%100)/100, 35+float64(i%50)/100, d, d)
			inc.CreatedAt, inc.UpdatedAt = created, created
			inc.Sources = []incidents.Source{{Title: "own", URL: fmt.Sprintf("https://example.org/r/%d", i)}}
			if i%10 == 0 {
				inc.Sources = append(inc.Sources, incidents.Source{Title: "weekly digest", Publisher: "D"})
			}
			if i == bad {
				inc.Type = "riot"
			}
			if !yield(inc, nil) {
				return
			}
		}
	}
}

func testImport(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	created := time.Date(2025, 12, 1, 10, 30, 0, 123456000, time.UTC)
	var calls []int
	n, err := s.Import(ctx, many(4500, 0, created), func(n int) { calls = append(calls, n) })
	if err != nil || n != 4500 {
		t.Fatalf("Import = %d, %v; want 4500", n, err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != 4500 || !slices.IsSorted(calls) {
		t.Errorf("progress calls %v, want rising counts ending at 4500", calls)
	}
	if got := mustCount(t, s); got != 4500 {
		t.Errorf("Count = %d, want 4500", got)
	}
	newest := mustFind(t, s, incidents.Filter{Limit: 1})
	want := Day("2020-01-01").AddDate(0, 0, 4500)
	if len(newest) != 1 || !newest[0].DateTo.Equal(want) || !newest[0].CreatedAt.Equal(created) ||
		len(newest[0].Sources) != 2 || newest[0].Sources[0].URL != "https://example.org/r/4500" {
		t.Fatalf("newest = %+v, want the 4500th (%v) with its creation time and 2 sources", newest, want)
	}
	digest := incidents.SourceKey(incidents.Source{Title: "weekly digest", Publisher: "D"})
	if got := mustFind(t, s, incidents.Filter{SourceKey: digest}); len(got) != 450 {
		t.Errorf("incidents citing the shared source = %d, want 450", len(got))
	}
}

func testImportIsAtomic(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	mustAdd(t, s, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02"))
	v0 := mustVersion(t, s)
	n, err := s.Import(ctx, many(4500, 4001, time.Time{}), nil)
	if !errors.Is(err, incidents.ErrInvalid) || !strings.Contains(err.Error(), "incident 4001") || n != 0 {
		t.Errorf("Import with the 4001st invalid = %d, %v; want 0 and ErrInvalid naming incident 4001", n, err)
	}
	errBroken := errors.New("stream broke")
	broken := func(yield func(incidents.Incident, error) bool) {
		for inc := range many(2500, 0, time.Time{}) {
			if !yield(inc, nil) {
				return
			}
		}
		yield(incidents.Incident{}, errBroken)
	}
	if _, err := s.Import(ctx, broken, nil); !errors.Is(err, errBroken) {
		t.Errorf("Import of a broken stream: %v, want its error", err)
	}
	if got := mustCount(t, s); got != 1 {
		t.Errorf("after failed imports, Count = %d, want the 1 from before", got)
	}
	if v1 := mustVersion(t, s); v1 != v0 {
		t.Errorf("version moved from %d to %d on failed imports", v0, v1)
	}
	if got := mustFind(t, s, incidents.Filter{SourceKey: "https://example.org/r/1"}); len(got) != 0 {
		t.Errorf("a failed import left %d incidents linked to its sources", len(got))
	}
}
