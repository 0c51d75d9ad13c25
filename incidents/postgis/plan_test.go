package postgis

import (
	"context"
	"math/rand/v2"
	"net/url"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestStore_PlansFollowTheBox: PostgreSQL plans a prepared statement for
// its values five times, then may switch to a generic plan that ignores
// them; for a country box that plan read every row through GiST and sorted
// 250 MB on disk. The items, tile and aggregate queries run many times on
// one pooled connection (pgx prepares and caches them) and must be planned
// for their values every time.
func TestStore_PlansFollowTheBox(t *testing.T) {
	u, err := url.Parse(pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("pool_max_conns", "1") // every query on one connection
	u.RawQuery = q.Encode()
	ctx := context.Background()
	s, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.Seed(t, s, 2000, rand.New(rand.NewPCG(1, 2)))
	since := incidents.Since(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC))
	boxes := []orb.Bound{
		{Min: orb.Point{36.58, 35.88}, Max: orb.Point{36.68, 35.98}}, // a town
		{Min: orb.Point{35.5, 32.3}, Max: orb.Point{42.4, 37.4}},     // the country
	}
	for i := range 12 {
		b := []orb.Bound{boxes[i%2]}
		for _, f := range []incidents.Filter{
			{Bounds: b, Limit: 1001},                               // items
			{Bounds: b, Limit: 4096, Period: since},                // a tile's points
			{Bounds: b, Limit: 101, Status: incidents.StatusDraft}, // review
			{Bounds: b, Limit: 101, Admin1PCode: "SY07", Types: []incidents.Type{incidents.TypeShelling}}, // a governorate
		} {
			if _, err := (pgReads{s}).FindBySQL(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		g := incidents.Grid{Bound: b[0], Cols: 16, Rows: 16}
		if _, err := s.aggregateBySQL(ctx, incidents.Filter{Period: since}, g); err != nil {
			t.Fatal(err)
		}
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	rows, err := conn.Query(ctx, `SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
		WHERE cardinality(parameter_types) > 0`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	prepared := 0
	for rows.Next() {
		var stmt string
		var generic, custom int64
		if err := rows.Scan(&stmt, &generic, &custom); err != nil {
			t.Fatal(err)
		}
		if generic > 0 {
			t.Errorf("planned %d times without its values (%d with):\n%s", generic, custom, stmt)
		}
		if custom > 5 {
			prepared++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if prepared < 4 { // items and review pages share one statement
		t.Fatalf("%d statements ran more than five times on the connection, want 4: the test tests nothing", prepared)
	}
}
