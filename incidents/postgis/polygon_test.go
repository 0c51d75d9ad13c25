package postgis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// combWKT is a polygon of teeth thin comb across Syria: every horizontal
// line through it crosses every tooth.
func combWKT(teeth int) string {
	var b strings.Builder
	const x0, x1, y0, y1 = 35.5, 42.5, 32.0, 37.5
	w := (x1 - x0) / float64(teeth)
	b.WriteString("POLYGON((")
	for i := range teeth {
		fmt.Fprintf(&b, "%.6f %.6f, %.6f %.6f, ", x0+float64(i)*w, y1, x0+float64(i)*w+w/2, y0)
	}
	fmt.Fprintf(&b, "%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))", x1, y1, x1, y0-0.5, x0, y0-0.5, x0, y1)
	return b.String()
}

// TestStore_PolygonTestedEdgeByEdge: a CQL2 polygon is tested against each
// point without PostGIS's cached edge tree. For a point and a polygon,
// ST_Intersects walks that tree, which for a comb visits (and copies) every
// edge whose height spans the point's: with a comb of 1,000 teeth, one
// literal well under the vertex limit, counts, histograms, aggregates,
// tiles and exports over 20,000 incidents took 10-11 s on PostGIS (0.1 s
// on SQLite), and ran into the query timeout past some 30,000. The test
// reads the plan PostgreSQL runs for the filter: no per-row ST_Intersects
// of a polygon. The answers are held to the in-memory evaluation by the
// store suite's WhereCases.
func TestStore_PolygonTestedEdgeByEdge(t *testing.T) {
	s := openTest(t, pgtest.DSN(t))
	storetest.Seed(t, s, 500, rand.New(rand.NewPCG(5, 6)))
	ctx := context.Background()
	for _, text := range []string{
		"S_INTERSECTS(geometry, " + combWKT(1000) + ")",
		"S_INTERSECTS(geometry, MULTIPOLYGON(((36 35, 36.5 35, 36.5 35.5, 36 35)), ((37 36, 37.5 36, 37.5 36.5, 37 36.5, 37 36))))",
		"killed > 0 OR S_INTERSECTS(geometry, POLYGON((36 35, 37.5 35, 36 36.5, 36 35)))",
	} {
		e, err := incidents.ParseWhere(text, "cql2-text", cql2.DefaultLimits)
		if err != nil {
			t.Fatalf("%.60s: %v", text, err)
		}
		var p params
		var plan string
		rows, err := s.pool.Query(ctx, "EXPLAIN (VERBOSE) SELECT count(*) FROM incidents AS i WHERE "+whereSQL(&p, e), p...)
		if err != nil {
			t.Fatalf("%.60s: %v", text, err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan += line + "\n"
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(plan), "st_intersects(") {
			t.Errorf("%.60s: the plan tests the polygon with ST_Intersects:\n%.2000s", text, plan)
		}
		// And the store answers it.
		all, err := s.Find(ctx, incidents.Filter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, inc := range all {
			if incidents.Matches(inc, e) {
				want++
			}
		}
		found, err := s.Find(ctx, incidents.Filter{Where: e, Limit: 1000})
		if err != nil {
			t.Fatalf("%.60s: %v", text, err)
		}
		if len(found) != want {
			t.Errorf("%.60s: found %d, want %d", text, len(found), want)
		}
	}
}
