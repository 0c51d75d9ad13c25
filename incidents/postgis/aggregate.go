package postgis

import (
	"context"
	"fmt"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
)

// Aggregate counts the incidents matching f that lie in g, cell by cell and
// type by type; cells come by row then column. f.Limit and f.After are
// ignored. Published incidents are counted from the in-memory index, the
// rest (drafts, a governorate, a source, any filter the index does not know)
// in one GROUP BY over the GiST-indexed box.
func (s *Store) Aggregate(ctx context.Context, f incidents.Filter, g incidents.Grid) ([]incidents.Cell, error) {
	if !g.Valid() {
		return nil, fmt.Errorf("%w: %d × %d cells over %v", incidents.ErrBadGrid, g.Cols, g.Rows, g.Bound)
	}
	if cells, ok, err := s.snap.Count(ctx, f, g); err != nil {
		return nil, fmt.Errorf("postgis: aggregate: %w", err)
	} else if ok {
		return cells, nil
	}
	return s.aggregateBySQL(ctx, f, g)
}

// aggregateBySQL is Aggregate in one GROUP BY.
func (s *Store) aggregateBySQL(ctx context.Context, f incidents.Filter, g incidents.Grid) ([]incidents.Cell, error) {
	var p params
	where := filterTerms(&p, f)
	b := g.Bound
	west, south, east, north := p.add(b.Min.Lon()), p.add(b.Min.Lat()), p.add(b.Max.Lon()), p.add(b.Max.Lat())
	where = append(where, fmt.Sprintf("i.geom && ST_MakeEnvelope(%[1]s, %[2]s, %[3]s, %[4]s, 4326)"+
		" AND i.lon BETWEEN %[1]s AND %[3]s AND i.lat BETWEEN %[2]s AND %[4]s", west, south, east, north))
	w, h := g.CellSize()
	query := fmt.Sprintf(`SELECT least(floor((i.lon - %s) / %s)::int, %s) AS col,
		least(floor((i.lat - %s) / %s)::int, %s) AS row, i.incident_type, count(*),
		sum(trunc(i.lon * 10000000::float8)::bigint)::bigint, sum(trunc(i.lat * 10000000::float8)::bigint)::bigint
		FROM incidents AS i WHERE %s GROUP BY row, col, i.incident_type ORDER BY row, col`,
		west, p.add(w), p.add(g.Cols-1), south, p.add(h), p.add(g.Rows-1),
		strings.Join(where, " AND "))
	rows, err := s.reads().Query(ctx, query, p...)
	if err != nil {
		return nil, fmt.Errorf("postgis: aggregate: %w", err)
	}
	defer rows.Close()
	var cells []incidents.Cell
	var sums [][2]int64 // each cell's CenterUnits
	for rows.Next() {
		var col, row int32
		var n int64
		var typ string
		var sumLon, sumLat int64
		if err := rows.Scan(&col, &row, &typ, &n, &sumLon, &sumLat); err != nil {
			return nil, fmt.Errorf("postgis: aggregate: %w", err)
		}
		if k := len(cells) - 1; k < 0 || cells[k].Col != int(col) || cells[k].Row != int(row) {
			cells = append(cells, incidents.Cell{Col: int(col), Row: int(row), Types: map[incidents.Type]int{}})
			sums = append(sums, [2]int64{})
		}
		c, sum := &cells[len(cells)-1], &sums[len(sums)-1]
		c.Count += int(n)
		c.Types[incidents.Type(typ)] = int(n)
		sum[0], sum[1] = sum[0]+sumLon, sum[1]+sumLat
	}
	for i := range cells {
		cells[i].Center = incidents.CenterOf(sums[i][0], sums[i][1], cells[i].Count)
	}
	return cells, rows.Err()
}
