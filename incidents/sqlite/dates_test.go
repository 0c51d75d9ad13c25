package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestStore_StoredDatesOutOfRange: a database written before dates were
// bounded may hold an incident from year 1 to year 9999. It used to empty
// every period query (SQLite's date() is NULL past 9999) and, through a
// date-span bound that was never lowered, slow them all even once deleted.
// Now check reports it, queries find it with the others, and once it is
// deleted the bound is back to the widest left.
func TestStore_StoredDatesOutOfRange(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	ids, err := s.Add(ctx, []incidents.Incident{
		storetest.Incident(incidents.TypeArrest, 36.80, 35.87, "2025-11-24", "2025-11-24"),
		storetest.Incident(incidents.TypeClash, 36.81, 35.88, "2025-11-24", "2025-11-24"),
		storetest.Incident(incidents.TypeShelling, 36.82, 35.86, "2025-11-23", "2025-11-25"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	// Written as an older mapsrv wrote it, past the checks of today's.
	legacy := storetest.Incident(incidents.TypeBombing, 36.79, 35.85, "2025-01-01", "2025-01-01")
	legacy.DateFrom, legacy.DateTo = legacy.DateFrom.AddDate(-2024, 0, 1), legacy.DateTo.AddDate(7974, 11, 30)
	legacy.DatePrecision = incidents.DateRange
	err = s.write(ctx, func(_ *sql.Tx, w *writer) error {
		_, err := w.insert(ctx, legacy, legacy.DateFrom)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	wide, _ := s.Find(ctx, incidents.Filter{Types: []incidents.Type{incidents.TypeBombing}})
	if len(wide) != 1 || incidents.FormatDate(wide[0].DateFrom) != "0001-01-02" || incidents.FormatDate(wide[0].DateTo) != "9999-12-31" {
		t.Fatalf("the legacy incident reads back as %+v", wide)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "incidents dated outside 1900-01-01..2100-12-31: 1") {
		t.Errorf("Check = %q, %v; want the one incident dated outside the range", problems, err)
	}
	day := incidents.Between(storetest.Day("2025-11-24"), storetest.Day("2025-11-24"))
	toEnd := incidents.Between(storetest.Day("2020-01-01"), storetest.Day("9999-12-31"))
	want := append(slices.Clone(ids), wide[0].ID)
	near := []orb.Bound{{Min: orb.Point{36.7, 35.8}, Max: orb.Point{36.9, 35.9}}}
	for _, f := range []incidents.Filter{{Period: day}, {Period: toEnd}, {Period: day, Bounds: near, Limit: 100}} {
		if got := sortedIDs(t, s, f); !slices.Equal(got, want) {
			t.Errorf("Find(%v, box %t) = %v, want %v", f.Period, f.Bounds != nil, got, want)
		}
	}
	if span := spanOf(t, s); span < 3_600_000 {
		t.Fatalf("span bound %d days with the legacy incident stored", span)
	}
	if err := s.Delete(ctx, wide[0].ID); err != nil {
		t.Fatal(err)
	}
	if span := spanOf(t, s); span != 2 {
		t.Errorf("after deleting it, the span bound is %d days, want 2 (the index's: index.TestApply_WidestGone)", span)
	}
	for _, f := range []incidents.Filter{{Period: day}, {Period: toEnd}, {Period: day, Bounds: near, Limit: 100}} {
		if got := sortedIDs(t, s, f); !slices.Equal(got, ids) {
			t.Errorf("after the delete, Find(%v) = %v, want %v", f.Period, got, ids)
		}
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after the delete = %q, %v", problems, err)
	}
}

func spanOf(t *testing.T, s *Store) int64 {
	t.Helper()
	var span int64
	if err := s.db.QueryRow(spanDays, "published").Scan(&span); err != nil {
		t.Fatal(err)
	}
	return span
}

func sortedIDs(t *testing.T, s *Store, f incidents.Filter) []int64 {
	t.Helper()
	found, err := s.Find(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	ids := idsOf(found)
	slices.Sort(ids)
	return ids
}

// TestStore_CheckFindsFieldsPastTheLimits: rows stored before writes
// bounded counts and text (a 100 MB summary from an import, a NUL, a count
// of 10^12) are listed by Check, so that an operator can have them
// corrected: an edit of one is refused until they are.
func TestStore_CheckFindsFieldsPastTheLimits(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	inc := storetest.Incident(incidents.TypeArrest, 36.80, 35.87, "2025-11-24", "2025-11-24")
	inc.Sources = []incidents.Source{{Title: "t", URL: "https://example.org/a"}}
	ids, err := s.Add(ctx, []incidents.Incident{inc, inc})
	if err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("Check of sound rows = %q, %v", problems, err)
	}
	for _, q := range []string{
		"UPDATE incidents SET killed = 1000000000000 WHERE id = ?",
		"UPDATE incidents SET summary_en = 'a' || char(0) || 'b' WHERE id = ?",
		"UPDATE sources SET url = 'https://example.org/' || hex(zeroblob(2000)) WHERE id IN (SELECT source_id FROM incident_sources WHERE incident_id = ?)",
	} {
		if _, err := s.db.ExecContext(ctx, q, ids[0]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.ExecContext(ctx, "UPDATE incidents SET place_name_en = hex(zeroblob(600)), date_to = '2025-12-02', lon = 2.35, lat = 48.85 WHERE id = ?", ids[1]); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	want := []string{"incidents with a count over 1000000: 1", "incidents with a name or summary over its length or holding a NUL: 2",
		"sources with a URL, title or publisher over its length or holding a NUL: 1",
		"incidents whose date precision does not fit their dates: 1", // ids[1]: a day of nine days
		"incidents outside the area mapped: 1"}                       // and in Paris
	for _, w := range want {
		if err != nil || !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, w) }) {
			t.Errorf("Check = %q, %v; want %q among them", problems, err, w)
		}
	}
}
