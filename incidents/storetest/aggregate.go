package storetest

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// testAggregate counts a known layout on a 2 × 2 grid: per cell, per type, the
// mean point, filters, and a point on the grid's outer edge.
func testAggregate(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{36, 35}, Max: orb.Point{37, 36}}, Cols: 2, Rows: 2}
	draft := Incident(incidents.TypeArrest, 36.2, 35.2, "2025-01-01", "2025-01-01")
	draft.Status = incidents.StatusDraft
	mustAdd(t, s,
		Incident(incidents.TypeArrest, 36.1, 35.1, "2025-01-01", "2025-01-01"),   // south-west
		Incident(incidents.TypeShelling, 36.3, 35.3, "2025-02-01", "2025-02-01"), // south-west
		Incident(incidents.TypeShelling, 36.9, 35.9, "2025-03-01", "2025-03-01"), // north-east
		Incident(incidents.TypeShelling, 37.0, 36.0, "2025-03-01", "2025-03-01"), // on the outer corner: north-east
		Incident(incidents.TypeShelling, 38.0, 35.5, "2025-03-01", "2025-03-01"), // outside the grid
		draft)
	cells, err := s.Aggregate(ctx, incidents.Filter{}, g)
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) != 2 {
		t.Fatalf("Aggregate = %+v, want 2 cells", cells)
	}
	sw, ne := cells[0], cells[1]
	if sw.Col != 0 || sw.Row != 0 || sw.Count != 2 || sw.Types[incidents.TypeArrest] != 1 || sw.Types[incidents.TypeShelling] != 1 ||
		!near(sw.Center, orb.Point{36.2, 35.2}) {
		t.Errorf("south-west cell = %+v, want 2 incidents (1 arrest, 1 shelling) centred at 36.2,35.2", sw)
	}
	if ne.Col != 1 || ne.Row != 1 || ne.Count != 2 || ne.Types[incidents.TypeShelling] != 2 {
		t.Errorf("north-east cell = %+v, want 2 shellings", ne)
	}
	filtered, err := s.Aggregate(ctx, incidents.Filter{Types: []incidents.Type{incidents.TypeArrest}}, g)
	if err != nil || len(filtered) != 1 || filtered[0].Count != 1 {
		t.Errorf("Aggregate of arrests = %+v, %v; want the one published arrest", filtered, err)
	}
	narrowed, err := s.Aggregate(ctx, incidents.Filter{Bounds: box(36.9, 35.9, 0.05)}, g)
	if err != nil || len(narrowed) != 1 || narrowed[0].Count != 1 {
		t.Errorf("Aggregate narrowed by a bbox = %+v, %v; want 1 incident", narrowed, err)
	}
	drafts, err := s.Aggregate(ctx, incidents.Filter{Status: incidents.StatusDraft}, g)
	if err != nil || len(drafts) != 1 || drafts[0].Count != 1 {
		t.Errorf("Aggregate of drafts = %+v, %v; want the draft", drafts, err)
	}
	if _, err := s.Aggregate(ctx, incidents.Filter{}, incidents.Grid{Bound: g.Bound}); !errors.Is(err, incidents.ErrBadGrid) {
		t.Errorf("a grid with no cells: %v, want ErrBadGrid", err)
	}
}

func near(a, b orb.Point) bool {
	d := func(x, y float64) bool { return x-y < 1e-9 && y-x < 1e-9 }
	return d(a[0], b[0]) && d(a[1], b[1])
}

// testAggregateCentersExact: a cell's center is the mean of its points
// summed in whole units of 1e-7 degree ([incidents.CenterOf]), the same to
// the last bit on every store and through every path (the in-memory index,
// SQL for a filter it cannot answer, drafts). Summed as floating point, in
// whatever order each engine added them, the centers of one data set
// differed in their last digits between SQLite and PostGIS (round 16).
func testAggregateCentersExact(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(16, 7))
	var incs []incidents.Incident
	var lonUnits, latUnits int64
	for i := range 600 {
		inc := Incident(incidents.Types[i%len(incidents.Types)], 36+rng.Float64()*0.9, 35+rng.Float64()*0.9, "2025-01-01", "2025-01-01")
		inc.Location = orb.Point{math.Round(inc.Location.Lon()*1e5) / 1e5, math.Round(inc.Location.Lat()*1e5) / 1e5} // as sources give them
		if i%3 == 0 {
			inc.Killed = intp(i)
		}
		incs = append(incs, inc)
		lonUnits += int64(inc.Location.Lon() * 1e7) // incidents.CenterUnits, written out
		latUnits += int64(inc.Location.Lat() * 1e7)
	}
	mustAdd(t, s, incs...)
	n := float64(len(incs))
	want := orb.Point{float64(lonUnits) / 1e7 / n, float64(latUnits) / 1e7 / n} // incidents.CenterOf
	g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{36, 35}, Max: orb.Point{37, 36}}, Cols: 1, Rows: 1}
	where, err := incidents.ParseWhere("killed IS NULL OR killed >= 0", "cql2-text", cql2.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]incidents.Filter{
		"every incident":       {},
		"by a CQL2 filter":     incidents.Filter{}.WithWhere(where),
		"in a box":             {Bounds: []orb.Bound{g.Bound}},
		"of every type listed": {Types: incidents.Types},
	} {
		cells, err := s.Aggregate(ctx, f, g)
		if err != nil {
			t.Fatal(err)
		}
		if len(cells) != 1 || cells[0].Count != len(incs) || cells[0].Center != want {
			t.Errorf("%s: Aggregate = %+v; want one cell of %d centred at %v exactly", name, cells, len(incs), want)
		}
	}
}
