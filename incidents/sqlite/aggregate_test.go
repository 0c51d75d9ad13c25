package sqlite_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

func TestStore_Aggregate(t *testing.T) {
	s := mustOpenStore(t)
	draft := incident(incidents.TypeArrest, 36.15, 35.15, "2025-12-02", "2025-12-02")
	draft.Status = incidents.StatusDraft
	mustAdd(t, s,
		incident(incidents.TypeShelling, 36.1, 35.1, "2025-12-01", "2025-12-01"),
		incident(incidents.TypeShelling, 36.3, 35.3, "2025-12-01", "2025-12-01"),
		incident(incidents.TypeArrest, 36.2, 35.2, "2024-01-01", "2024-01-01"),
		incident(incidents.TypeClash, 36.9, 35.9, "2025-12-01", "2025-12-01"), // north-east cell
		incident(incidents.TypeClash, 37.0, 36.0, "2025-12-01", "2025-12-01"), // on the grid's corner: the last cell
		incident(incidents.TypeClash, 37.5, 35.5, "2025-12-01", "2025-12-01"), // outside the grid
		draft)
	g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{36, 35}, Max: orb.Point{37, 36}}, Cols: 2, Rows: 2}
	tests := map[string]struct {
		f    incidents.Filter
		want map[[2]int]map[incidents.Type]int
	}{
		"all": {incidents.Filter{}, map[[2]int]map[incidents.Type]int{
			{0, 0}: {incidents.TypeShelling: 2, incidents.TypeArrest: 1}, {1, 1}: {incidents.TypeClash: 2}}},
		"type": {incidents.Filter{Types: []incidents.Type{incidents.TypeArrest}}, map[[2]int]map[incidents.Type]int{
			{0, 0}: {incidents.TypeArrest: 1}}},
		"period": {incidents.Filter{Period: incidents.Since(storetest.Day("2025-01-01"))}, map[[2]int]map[incidents.Type]int{
			{0, 0}: {incidents.TypeShelling: 2}, {1, 1}: {incidents.TypeClash: 2}}},
		"bbox narrows": {incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{36.8, 35.8}, Max: orb.Point{38, 37}}}},
			map[[2]int]map[incidents.Type]int{{1, 1}: {incidents.TypeClash: 2}}},
		"drafts": {incidents.Filter{Status: incidents.StatusDraft}, map[[2]int]map[incidents.Type]int{
			{0, 0}: {incidents.TypeArrest: 1}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			cells, err := s.Aggregate(context.Background(), tc.f, g)
			if err != nil {
				t.Fatal(err)
			}
			if len(cells) != len(tc.want) {
				t.Fatalf("Aggregate = %+v, want cells %v", cells, tc.want)
			}
			for _, c := range cells {
				want := tc.want[[2]int{c.Col, c.Row}]
				total := 0
				for typ, n := range want {
					total += n
					if c.Types[typ] != n {
						t.Errorf("cell %d,%d: %d %s, want %d", c.Col, c.Row, c.Types[typ], typ, n)
					}
				}
				if c.Count != total || len(c.Types) != len(want) {
					t.Errorf("cell %d,%d = %+v, want %d incidents by type %v", c.Col, c.Row, c, total, want)
				}
				if !g.CellBound(c.Col, c.Row).Contains(c.Center) {
					t.Errorf("cell %d,%d: centre %v outside %v", c.Col, c.Row, c.Center, g.CellBound(c.Col, c.Row))
				}
			}
		})
	}
	cells, _ := s.Aggregate(context.Background(), incidents.Filter{}, g)
	if c := cells[0]; math.Abs(c.Center.Lon()-36.2) > 1e-9 || math.Abs(c.Center.Lat()-35.2) > 1e-9 {
		t.Errorf("south-west centre = %v, want the mean [36.2 35.2]", c.Center)
	}
	if _, err := s.Aggregate(context.Background(), incidents.Filter{}, incidents.Grid{Bound: g.Bound}); !errors.Is(err, incidents.ErrBadGrid) {
		t.Errorf("a grid of no cells: %v, want ErrBadGrid", err)
	}
}
