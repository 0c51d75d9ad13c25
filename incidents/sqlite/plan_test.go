package sqlite

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestFind_PlansAgree checks that both plans return the same pages for random
// boxes, periods, types and cursors, and that those pages are what a plain
// filter over every incident gives.
func TestFind_PlansAgree(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	all := randomIncidents(rng, 600)
	ids, err := s.Add(context.Background(), all)
	if err != nil {
		t.Fatal(err)
	}
	for i := range all {
		all[i].ID = ids[i]
	}
	for i := range 200 {
		f := randomFilter(rng)
		want := bruteFind(all, f)
		for _, p := range []plan{byDate, byBox} {
			got, err := s.find(context.Background(), f, p)
			if err != nil {
				t.Fatal(err)
			}
			if g := idsOf(got); !slices.Equal(g, want) {
				t.Fatalf("case %d, plan %d, filter %+v:\n got %v\nwant %v", i, p, f, g, want)
			}
			points, err := s.FindPoints(context.Background(), f)
			if g := idsOf(points); err != nil || !slices.Equal(g, want) {
				t.Fatalf("case %d, FindPoints: %v, %v; want %v", i, g, err, want)
			}
		}
	}
}

func randomIncidents(rng *rand.Rand, n int) []incidents.Incident {
	out := make([]incidents.Incident, n)
	for i := range out {
		from := time.Date(2011, 3, 15, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(40))
		to, prec := from, incidents.DateDay
		if rng.IntN(4) == 0 {
			to, prec = from.AddDate(0, 0, 1+rng.IntN(20)), incidents.DateRange
		}
		status := incidents.StatusPublished
		if rng.IntN(10) == 0 {
			status = incidents.StatusDraft
		}
		out[i] = incidents.Incident{Type: incidents.Types[rng.IntN(3)], DateFrom: from, DateTo: to,
			DatePrecision: prec, GeoPrecision: incidents.GeoExact, Status: status,
			Location: orb.Point{36 + rng.Float64(), 35 + rng.Float64()}}
	}
	return out
}

func randomFilter(rng *rand.Rand) incidents.Filter {
	f := incidents.Filter{Limit: 1 + rng.IntN(30)}
	if rng.IntN(5) > 0 {
		lon, lat, size := 36+rng.Float64(), 35+rng.Float64(), rng.Float64()/2
		f.Bounds = []orb.Bound{{Min: orb.Point{lon, lat}, Max: orb.Point{lon + size, lat + size}}}
	}
	day := func() time.Time { return time.Date(2011, 3, 15, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(60)) }
	f.Period = storetest.RandomPeriod(rng, day)
	for range rng.IntN(3) {
		f.Types = append(f.Types, incidents.Types[rng.IntN(3)])
	}
	if rng.IntN(3) == 0 {
		f.After = &incidents.Cursor{DateTo: day(), ID: int64(rng.IntN(600))}
	}
	return f
}

// bruteFind is Find's contract written plainly: published incidents overlapping
// f, newest first by (date_to, id), after the cursor, at most f.Limit.
func bruteFind(all []incidents.Incident, f incidents.Filter) []int64 {
	var match []incidents.Incident
	first, hasFirst := f.Period.FirstDay()
	last, hasLast := f.Period.LastDay()
	for _, inc := range all {
		switch {
		case inc.Status != incidents.StatusPublished,
			len(f.Bounds) > 0 && !f.Bounds[0].Contains(inc.Location),
			hasFirst && inc.DateTo.Before(first),
			hasLast && inc.DateFrom.After(last),
			len(f.Types) > 0 && !slices.Contains(f.Types, inc.Type),
			f.After != nil && !(inc.DateTo.Before(f.After.DateTo) || inc.DateTo.Equal(f.After.DateTo) && inc.ID < f.After.ID):
			continue
		}
		match = append(match, inc)
	}
	slices.SortFunc(match, func(a, b incidents.Incident) int {
		if c := b.DateTo.Compare(a.DateTo); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	return idsOf(match[:min(len(match), f.Limit)])
}

func idsOf(found []incidents.Incident) []int64 {
	out := make([]int64, len(found))
	for i, inc := range found {
		out[i] = inc.ID
	}
	return out
}

// TestFind_PlansFollowTheBox runs the items and aggregate queries for a
// town and for the country many times on one connection, and checks the
// plan SQLite runs each with: the R*Tree for the town, the covering date
// index for the country. The plan is chosen per call for the box at hand
// and written into the statement, never left to a cached plan.
func TestFind_PlansFollowTheBox(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(9, 9))
	incs := make([]incidents.Incident, 3000)
	for i := range incs {
		incs[i] = randomIncidents(rng, 1)[0]
		incs[i].Location = orb.Point{35.7 + 6.6*rng.Float64(), 32.3 + 5*rng.Float64()}
	}
	if _, err := s.Add(ctx, incs); err != nil {
		t.Fatal(err)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	town := orb.Bound{Min: orb.Point{36.6, 35.9}, Max: orb.Point{36.7, 36}}
	country := orb.Bound{Min: orb.Point{35.5, 32.3}, Max: orb.Point{42.4, 37.4}}
	for i := range 12 {
		b, want := town, "incidents_rtree"
		if i%2 == 1 {
			b, want = country, "incidents_date_cover"
		}
		f := incidents.Filter{Bounds: []orb.Bound{b}, Limit: 1000}
		p, err := s.plan(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		items, itemArgs := findQuery(f, p, "i.id")
		ap, err := s.aggregatePlan(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		agg, aggArgs := aggregateQuery(incidents.Filter{}, incidents.Grid{Bound: b, Cols: 16, Rows: 16}, ap)
		for name, q := range map[string]struct {
			sql  string
			args []any
		}{"items": {items, itemArgs}, "aggregate": {agg, aggArgs}} {
			rows, err := conn.QueryContext(ctx, q.sql, q.args...)
			if err != nil {
				t.Fatal(err)
			}
			rows.Close()
			if got := queryPlan(t, conn, q.sql, q.args); !strings.Contains(got, want) {
				t.Fatalf("run %d, %s for %v: plan\n%s\nwant it to use %s", i, name, b, got, want)
			}
		}
	}
}

// queryPlan is what EXPLAIN QUERY PLAN says of query on conn.
func queryPlan(t *testing.T, conn *sql.Conn, query string, args []any) string {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(detail + "\n")
	}
	return plan.String()
}
