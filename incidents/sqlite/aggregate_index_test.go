package sqlite

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// TestIndex_CountsAgreeWithSQL counts random filters on random grids both
// ways.
func TestIndex_CountsAgreeWithSQL(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "counts.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(5, 6))
	if _, err := s.Add(context.Background(), randomIncidents(rng, 500)); err != nil {
		t.Fatal(err)
	}
	ix, err := s.snap.Fresh(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		f := randomFilter(rng)
		lon, lat := 35.8+rng.Float64()/2, 34.8+rng.Float64()/2
		g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{lon, lat}, Max: orb.Point{lon + 0.3 + rng.Float64(), lat + 0.3 + rng.Float64()}},
			Cols: 1 + rng.IntN(8), Rows: 1 + rng.IntN(8)}
		for _, p := range []plan{byDate, byBox} {
			want := sqlCounts(t, s, f, g, p)
			got := indexCounts(ix, f, g)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d plan %d: index counts %v, SQL %v", i, p, got, want)
			}
		}
	}
}

// cellCounts are counts by cell and type.
type cellCounts map[[2]int]map[string]int

// sqlCounts counts f on g in SQL with plan p.
func sqlCounts(t *testing.T, s *Store, f incidents.Filter, g incidents.Grid, p plan) cellCounts {
	t.Helper()
	query, args := aggregateQuery(f, g, p)
	rows, err := s.db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := cellCounts{}
	for rows.Next() {
		var col, row, n int
		var typ string
		var sumLon, sumLat float64
		if err := rows.Scan(&col, &row, &typ, &n, &sumLon, &sumLat); err != nil {
			t.Fatal(err)
		}
		if want[[2]int{col, row}] == nil {
			want[[2]int{col, row}] = map[string]int{}
		}
		want[[2]int{col, row}][typ] = n
	}
	return want
}

// indexCounts counts f on g in ix.
func indexCounts(ix *index.Index, f incidents.Filter, g incidents.Grid) cellCounts {
	got := cellCounts{}
	cells, _ := ix.Count(f, g)
	for _, c := range cells {
		got[[2]int{c.Col, c.Row}] = map[string]int{}
		for typ, n := range c.Types {
			got[[2]int{c.Col, c.Row}][string(typ)] = n
		}
	}
	return got
}
