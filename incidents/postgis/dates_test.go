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
