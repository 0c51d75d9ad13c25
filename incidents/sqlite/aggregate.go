package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// Aggregate counts the incidents matching f that lie in g, cell by cell, and
// returns the cells holding any, by row then column. f.Bounds, when set,
// narrow the grid further; f.Limit and f.After are ignored.
//
// Published incidents are counted from the in-memory index of their points
// (indexed.go), which follows this store's writes and is built again after
// other processes'; drafts, and filters by governorate, source or anything
// else the index does not know, are counted in SQL.
func (s *Store) Aggregate(ctx context.Context, f incidents.Filter, g incidents.Grid) ([]incidents.Cell, error) {
	if !g.Valid() {
		return nil, fmt.Errorf("%w: %d × %d cells over %v", incidents.ErrBadGrid, g.Cols, g.Rows, g.Bound)
	}
	defer holdShapes(f.Where)()
	if cells, ok, err := s.snap.Count(ctx, f, g); err != nil {
		return nil, fmt.Errorf("sqlite: aggregate: %w", err)
	} else if ok {
		return cells, nil
	}
	p, err := s.aggregatePlanFor(ctx, f, g)
	if err != nil {
		return nil, fmt.Errorf("sqlite: aggregate: %w", err)
	}
	query, args := aggregateQuery(f, g, p)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: aggregate: %w", err)
	}
	defer rows.Close()
	var cells []incidents.Cell
	var sums [][2]int64 // each cell's CenterUnits
	for rows.Next() {
		var col, row, n int
		var typ string
		var sumLon, sumLat int64
		if err := rows.Scan(&col, &row, &typ, &n, &sumLon, &sumLat); err != nil {
			return nil, fmt.Errorf("sqlite: aggregate: %w", err)
		}
		if k := len(cells) - 1; k < 0 || cells[k].Col != col || cells[k].Row != row {
			cells = append(cells, incidents.Cell{Col: col, Row: row, Types: map[incidents.Type]int{}})
			sums = append(sums, [2]int64{})
		}
		c, sum := &cells[len(cells)-1], &sums[len(sums)-1]
		c.Count, c.Types[incidents.Type(typ)] = c.Count+n, n
		sum[0], sum[1] = sum[0]+sumLon, sum[1]+sumLat
	}
	for i := range cells {
		cells[i].Center = incidents.CenterOf(sums[i][0], sums[i][1], cells[i].Count)
	}
	return cells, rows.Err()
}

// aggregatePlanFor chooses how Aggregate reads f's incidents in g: from the
// text index when f's words match fewer than the covering index's scan
// costs in row lookups (a sixteenth of all, as aggregatePlan weighs the
// R*Tree's), else as aggregatePlan says. Tested against every entry of the
// date index, a word 128 incidents hold cost a scan of all (30-40 ms at
// 200,000 incidents, growing with them).
func (s *Store) aggregatePlanFor(ctx context.Context, f incidents.Filter, g incidents.Grid) (plan, error) {
	if f.Text != "" {
		probe := min(max(int(s.rowsEstimate.Load()/16), minProbe), maxProbe)
		if few, err := s.TextMatchesFewer(ctx, f.Text, probe); err != nil || few {
			return byText, err
		}
	}
	return s.aggregatePlan(ctx, g.Bound)
}

// aggregatePlan reads a box through the R*Tree when it holds under a sixteenth
// of all incidents, and otherwise scans the covering date index, which holds
// every column the aggregate needs and costs about a sixteenth of a row lookup
// per entry.
func (s *Store) aggregatePlan(ctx context.Context, b orb.Bound) (plan, error) {
	total := s.rowsEstimate.Load()
	probe := min(max(total/16, minProbe), maxProbe)
	tree, args := treeCandidates([]orb.Bound{b})
	var maxID, hits int64
	err := s.db.QueryRowContext(ctx, "SELECT (SELECT coalesce(max(id), 0) FROM incidents), (SELECT count(*) FROM ("+
		strings.Replace(tree, "SELECT id", "SELECT 1", 1)+" LIMIT ?))", append(args, probe)...).Scan(&maxID, &hits)
	if err != nil {
		return byDate, err
	}
	s.rowsEstimate.Store(maxID)
	if hits < probe {
		return byBox, nil
	}
	return byDate, nil
}

// aggregateQuery groups the incidents of f in g by cell and type, summing their
// coordinates for the cells' centres.
func aggregateQuery(f incidents.Filter, g incidents.Grid, p plan) (string, []any) {
	w, h := g.CellSize()
	f.Limit, f.After = 0, nil
	from := "incidents AS i INDEXED BY incidents_date_cover"
	if f.Where != nil { // it reads columns the index lacks: rows in order beat lookups
		from = "incidents AS i NOT INDEXED"
	}
	var fromArgs []any
	if p == byText { // the words' matches, few (Aggregate), joined to their rows
		from, fromArgs = textCandidates(f.Text)
		f.Text = ""
	}
	where, args := filterTerms(f)
	where = append(where, "i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?")
	args = append(args, g.Bound.Min.Lon(), g.Bound.Max.Lon(), g.Bound.Min.Lat(), g.Bound.Max.Lat())
	if p == byBox {
		var tree string
		tree, fromArgs = treeCandidates([]orb.Bound{g.Bound})
		from = "(" + tree + ") AS r CROSS JOIN incidents AS i ON i.id = r.id"
	}
	query := fmt.Sprintf(`SELECT min(CAST((i.lon - ?) / ? AS INTEGER), %d) AS col,
		min(CAST((i.lat - ?) / ? AS INTEGER), %d) AS row, i.incident_type, count(*),
		sum(CAST(i.lon * 10000000.0 AS INTEGER)), sum(CAST(i.lat * 10000000.0 AS INTEGER))
		FROM %s WHERE %s GROUP BY row, col, i.incident_type ORDER BY row, col`, g.Cols-1, g.Rows-1, from, strings.Join(where, " AND "))
	return query, append(append([]any{g.Bound.Min.Lon(), w, g.Bound.Min.Lat(), h}, fromArgs...), args...)
}
