package postgis_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestStore_StoredDatesOutOfRange: rows written before dates were bounded
// (here by hand, from year 1 to 9999) are served with the others by any
// period, and check reports them.
func TestStore_StoredDatesOutOfRange(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := mustOpen(t, dsn)
	ctx := context.Background()
	ids, err := s.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24")})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var legacy int64
	if err := conn.QueryRow(ctx, `INSERT INTO incidents (incident_type, date_from, date_to, date_precision, lon, lat,
		geo_precision, status, created_at, updated_at)
		VALUES ('bombing', '0001-01-02', '9999-12-31', 'range', 36.79, 35.85, 'town', 'published', now(), now())
		RETURNING id`).Scan(&legacy); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "incidents dated outside 1900-01-01..2100-12-31: 1") {
		t.Errorf("Check = %q, %v; want the one incident dated outside the range", problems, err)
	}
	want := []int64{ids[0], legacy}
	for _, p := range []incidents.Interval{
		incidents.Between(storetest.Day("2025-11-24"), storetest.Day("2025-11-24")),
		incidents.Between(storetest.Day("2020-01-01"), storetest.Day("9999-12-31")),
	} {
		found, err := s.Find(ctx, incidents.Filter{Period: p})
		got := storetest.IDs(found)
		slices.Sort(got)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("Find(%v) = %v, %v; want %v", p, got, err, want)
		}
	}
}

// TestStore_Ready: Ready passes on a migrated database and fails, naming
// it, when a table cannot be read.
func TestStore_Ready(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := mustOpen(t, dsn)
	ctx := context.Background()
	if err := s.Ready(ctx); err != nil {
		t.Fatalf("Ready: %v", err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "ALTER TABLE source_proposals RENAME TO gone"); err != nil {
		t.Fatal(err)
	}
	if err := s.Ready(ctx); err == nil || !strings.Contains(err.Error(), "source_proposals") {
		t.Errorf("Ready without a table: %v, want an error naming it", err)
	}
}

// TestStore_CheckFindsFieldsPastTheLimits: rows stored before writes
// bounded counts and text are listed by Check (see the SQLite store's).
func TestStore_CheckFindsFieldsPastTheLimits(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := mustOpen(t, dsn)
	ctx := context.Background()
	inc := storetest.Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24")
	inc.Sources = []incidents.Source{{Title: "t", URL: "https://example.org/a"}}
	ids, err := s.Add(ctx, []incidents.Incident{inc})
	if err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("Check of sound rows = %q, %v", problems, err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		"UPDATE incidents SET killed = 2000000000, summary_en = repeat('s', 40000) WHERE id = $1",
		"UPDATE incidents SET date_to = '2025-12-02' WHERE id = $1", // a day of nine days
		"UPDATE incidents SET lon = 2.35, lat = 48.85 WHERE id = $1",
		"UPDATE sources SET title = repeat('t', 2000) WHERE id IN (SELECT source_id FROM incident_sources WHERE incident_id = $1)",
	} {
		if _, err := conn.Exec(ctx, q, ids[0]); err != nil {
			t.Fatal(err)
		}
	}
	problems, err := s.Check(ctx)
	for _, w := range []string{"incidents with a count over 1000000: 1", "incidents with a name or summary over its length or holding a NUL: 1",
		"sources with a URL, title or publisher over its length or holding a NUL: 1", "incidents whose date precision does not fit their dates: 1",
		"incidents outside the area mapped: 1"} {
		if err != nil || !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, w) }) {
			t.Errorf("Check = %q, %v; want %q among them", problems, err, w)
		}
	}
}
