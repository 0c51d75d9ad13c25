package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// whereIncidents are incidents to filter: counts missing, zero and not;
// place names differing in case, with LIKE's wildcards and Arabic; points
// on a grid whose lines are the edges of the polygons below; drafts, one
// without a date.
func whereIncidents() []incidents.Incident {
	places := []string{"Saraqib", "saraqib", "Ma'arrat al-Nu'man", "100% Town", "under_score", "دير الزور", ""}
	var out []incidents.Incident
	for i := range 48 {
		typ := incidents.Types[i%len(incidents.Types)]
		lon, lat := 36+float64(i%7)*0.25, 35+float64(i/7)*0.25 // 36..37.5, 35..36.75
		from := Day("2025-01-01").AddDate(0, 0, i*7)
		inc := Incident(typ, lon, lat, from.Format(incidents.DateLayout), from.AddDate(0, 0, i%3*4).Format(incidents.DateLayout))
		inc.PlaceNameEN = places[i%len(places)]
		inc.SummaryEN = fmt.Sprintf("Incident %d.", i)
		if i%4 != 0 {
			inc.Killed = intp(i % 5)
		}
		if i%3 == 0 {
			inc.Injured = intp(i)
		}
		if i%11 == 5 {
			inc.Status = incidents.StatusDraft
		}
		out = append(out, inc)
	}
	undated := out[5]
	undated.DateFrom, undated.DateTo, undated.DatePrecision = time.Time{}, time.Time{}, ""
	return append(out, undated)
}

// WhereCases are filters a GIS user writes, each compared with what
// incidents.Matches says of every stored incident.
var WhereCases = []string{
	"incident_type = 'arrest' AND killed > 0",
	"incident_type IN ('shelling', 'airstrike') OR killed >= 4",
	"NOT (killed > 1)",
	"killed IS NULL",
	"injured IS NOT NULL AND injured BETWEEN 3 AND 30",
	"killed <> 2",
	"place_name_en = 'Saraqib'",
	"place_name_en LIKE 'sar%'",
	"place_name_en LIKE 'Ma''arrat%'",
	`place_name_en LIKE '100\% %'`,
	`place_name_en LIKE 'under\_score' OR place_name_en LIKE 'under_scor_'`,
	"place_name_en LIKE 'دير%'",
	"place_name_en > 'Saraqib'",
	"place_name_en BETWEEN 'A' AND 'a'",
	"date_from >= DATE('2025-03-01') AND date_to < DATE('2025-06-01')",
	"date_to = '2025-02-19T'",
	"date_precision = 'range'",
	"date_precision IS NULL",
	"geo_precision IN ('town', 'exact') AND admin1_pcode = 'SY07'",
	"S_INTERSECTS(geometry, BBOX(36.25, 35.25, 36.75, 35.75))",
	"S_INTERSECTS(geometry, BBOX(36.25, 35.25, 36.75, 35.75)) AND incident_type = 'bombing'",
	"S_INTERSECTS(geometry, POINT(36.5 35.5))",
	// A triangle whose edges pass through grid points, with a square hole.
	"S_INTERSECTS(geometry, POLYGON((36 35, 37.5 35, 36 36.5, 36 35), (36.25 35.25, 36.5 35.25, 36.5 35.5, 36.25 35.5, 36.25 35.25)))",
	"S_INTERSECTS(geometry, MULTIPOLYGON(((36 35, 36.5 35, 36.5 35.5, 36 35)), ((37 36, 37.5 36, 37.5 36.5, 37 36.5, 37 36))))",
	"NOT S_INTERSECTS(geometry, BBOX(36, 35, 36.6, 35.6)) AND killed < 3",
	"created_at > TIMESTAMP('2000-01-01T00:00:00Z') AND updated_at < '2999-01-01T00:00:00Z'",
	"TRUE AND NOT FALSE",
}

// testWhere runs filter expressions through the store, with and without
// their conjuncts lifted into the filter's own fields, published and
// drafts, paged and aggregated, and compares each with the expression
// evaluated in memory on every stored incident.
func testWhere(t *testing.T, s incidents.Store) {
	mustAdd(t, s, whereIncidents()...)
	stored := allStored(t, s)
	for _, text := range WhereCases {
		e, err := incidents.ParseWhere(text, "cql2-text", cql2.DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		checkWhere(t, s, stored, text, e)
	}
	rng := rand.New(rand.NewPCG(16, 3))
	for range 150 {
		e, err := cql2.Check(randomExpr(rng, stored, 3), incidents.QueryableSchema())
		if err != nil {
			t.Fatalf("a random expression does not check: %v", err)
		}
		checkWhere(t, s, stored, cql2.Text(e), e)
	}
}

// checkWhere compares the store with incidents.Matches for one expression.
func checkWhere(t *testing.T, s incidents.Store, stored []incidents.Incident, text string, e cql2.Expr) {
	t.Helper()
	for _, status := range []incidents.Status{incidents.StatusPublished, incidents.StatusDraft} {
		var want []int64
		for _, inc := range stored {
			if inc.Status == status && incidents.Matches(inc, e) {
				want = append(want, inc.ID)
			}
		}
		for name, f := range map[string]incidents.Filter{
			"as given": {Where: e, Status: status},
			"lifted":   incidents.Filter{Status: status}.WithWhere(e),
		} {
			found, err := s.Find(context.Background(), f)
			if err != nil {
				t.Errorf("%s (%s, %s): %v", text, status, name, err)
				continue
			}
			if got := IDs(found); !slices.Equal(got, want) {
				t.Errorf("%s (%s, %s): found %v, want %v", text, status, name, got, want)
				continue
			}
			f.Limit = 4
			if got := pages(t, s, f); !slices.Equal(got, want) {
				t.Errorf("%s (%s, %s) by pages of 4: %v, want %v", text, status, name, got, want)
			}
			if n := aggregateTotal(t, s, f); n != len(want) {
				t.Errorf("%s (%s, %s): Aggregate counts %d, want %d", text, status, name, n, len(want))
			}
		}
	}
}

// allStored reads every stored incident back, published then drafts,
// each newest first: the order Find gives.
func allStored(t *testing.T, s incidents.Store) []incidents.Incident {
	out := mustFind(t, s, incidents.Filter{})
	return append(out, mustFind(t, s, incidents.Filter{Status: incidents.StatusDraft})...)
}

func aggregateTotal(t *testing.T, s incidents.Store, f incidents.Filter) int {
	t.Helper()
	g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}, Cols: 4, Rows: 4}
	cells, err := s.Aggregate(context.Background(), f, g)
	if err != nil {
		t.Fatalf("Aggregate: %v", err)
	}
	n := 0
	for _, c := range cells {
		n += c.Count
	}
	return n
}

// randomExpr builds a random checked expression over the queryables, its
// values drawn from the stored incidents so that it matches some of them.
func randomExpr(rng *rand.Rand, stored []incidents.Incident, depth int) cql2.Expr {
	if depth > 0 && rng.IntN(3) == 0 {
		args := []cql2.Expr{randomExpr(rng, stored, depth-1), randomExpr(rng, stored, depth-1)}
		switch rng.IntN(3) {
		case 0:
			return cql2.And{Args: args}
		case 1:
			return cql2.Or{Args: args}
		}
		return cql2.Not{Arg: args[0]}
	}
	inc := stored[rng.IntN(len(stored))]
	q := incidents.Queryables[rng.IntN(len(incidents.Queryables))]
	if q.Kind == cql2.Geometry {
		d := float64(rng.IntN(4)+1) * 0.125
		p := inc.Location
		return cql2.Intersects{Property: q.Name, Geometry: orb.Bound{Min: orb.Point{p.Lon() - d, p.Lat() - d}, Max: orb.Point{p.Lon() + d, p.Lat()}}}
	}
	v := randomLiteral(rng, q, inc)
	if v.Kind == 0 {
		return cql2.IsNull{Property: q.Name}
	}
	ops := []cql2.Op{cql2.Eq, cql2.Ne, cql2.Lt, cql2.Le, cql2.Gt, cql2.Ge}
	w := randomLiteral(rng, q, stored[rng.IntN(len(stored))])
	if w.Kind == 0 {
		w = v
	}
	switch rng.IntN(5) {
	case 0:
		return cql2.In{Property: q.Name, Values: []cql2.Literal{v, w}}
	case 1:
		if q.Kind == cql2.String && v.Text != "" {
			return cql2.Like{Property: q.Name, Pattern: "%" + string([]rune(v.Text)[1:])}
		}
	case 2:
		return cql2.Between{Property: q.Name, Low: v, High: w}
	}
	return cql2.Compare{Property: q.Name, Op: ops[rng.IntN(len(ops))], Value: v}
}

// randomLiteral is inc's value of q as a literal (shifted for timestamps,
// so that none is compared within the millisecond SQLite keeps); Kind 0
// when inc has none.
func randomLiteral(rng *rand.Rand, q incidents.Queryable, inc incidents.Incident) cql2.Literal {
	v := incidents.ValueOf(inc, q.Name)
	switch v := v.(type) {
	case string:
		return cql2.Literal{Kind: cql2.String, Text: v}
	case float64:
		return cql2.Literal{Kind: cql2.Number, Num: v + float64(rng.IntN(3)-1)}
	case time.Time:
		if q.Kind == cql2.Timestamp {
			return cql2.Literal{Kind: cql2.Timestamp, Time: v.Add(time.Duration(rng.IntN(3)-1) * time.Hour).Truncate(time.Second)}
		}
		return cql2.Literal{Kind: cql2.Date, Time: v.AddDate(0, 0, rng.IntN(5)-2)}
	}
	return cql2.Literal{}
}

// BenchWhere measures, as sub-benchmarks, pages of 100 (the API's default)
// selected by CQL2 filters, against a store holding [Seed]'s data: one the
// filter's own fields take whole, a polygon, a condition on text, and one
// matching nothing, which tests every incident.
func BenchWhere(b *testing.B, s incidents.Store) {
	ctx := context.Background()
	for _, q := range []struct{ name, filter string }{
		{"bbox and type, lifted", "S_INTERSECTS(geometry, BBOX(36.2, 35.5, 37.2, 36.4)) AND incident_type = 'arrest'"},
		{"governorate-sized polygon", "S_INTERSECTS(geometry, POLYGON((36.2 35.5, 37.2 35.5, 37.2 36.4, 36.2 35.5)))"},
		{"text and date", "summary_en LIKE 'synthetic%' AND date_from >= DATE('2024-01-01') AND NOT incident_type IN ('other')"},
		{"matching nothing", "admin1_name = 'Nowhere'"},
	} {
		e, err := incidents.ParseWhere(q.filter, "cql2-text", cql2.DefaultLimits)
		if err != nil {
			b.Fatal(err)
		}
		f := incidents.Filter{Limit: 100}.WithWhere(e)
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				found, err := s.Find(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(found)
			}
			b.ReportMetric(float64(n), "rows/op")
		})
	}
}
