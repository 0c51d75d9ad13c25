package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// Histogram counts the incidents matching f per date bin. Published
// incidents are counted from the in-memory index, as Aggregate counts them
// (milliseconds at 1,000,000); filters it cannot answer go to SQL, which
// groups them by date range before they are binned.
func (s *Store) Histogram(ctx context.Context, f incidents.Filter, unit incidents.BinUnit) (incidents.Histogram, error) {
	defer holdShapes(f.Where)()
	counts, ok, err := s.snap.CountDates(ctx, f)
	if err == nil && !ok {
		counts, err = s.sqlDateCounts(ctx, f)
	}
	if err != nil {
		return incidents.Histogram{}, fmt.Errorf("sqlite: histogram: %w", err)
	}
	return incidents.NewHistogram(counts, unit, f.Period)
}

// sqlDateCounts groups the incidents matching f by date range in SQL, from
// the admin index, which holds every column a filter tests (killed too), so
// that no table row is read, and which a governorate or district narrows.
func (s *Store) sqlDateCounts(ctx context.Context, f incidents.Filter) ([]incidents.DateCount, error) {
	from, where, args, err := s.countSource(ctx, f, "incidents_admin_cover")
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT unixepoch(i.date_from) / 86400, unixepoch(i.date_to) / 86400, count(*) FROM "+
		from+" WHERE "+strings.Join(append(where, "i.date_from <> ''"), " AND ")+" GROUP BY i.date_from, i.date_to", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []incidents.DateCount
	for rows.Next() {
		var c incidents.DateCount
		if err := rows.Scan(&c.From, &c.To, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// countSource chooses where a count over every incident matching f reads
// from: the text index's matches when they are few, the R*Tree's candidates
// when the bounds hold few incidents, and otherwise the given covering
// index, or the table in row order for a filter expression, which reads
// columns the index lacks (as Aggregate does). It returns the FROM clause
// and the WHERE terms with their arguments; the caller holds f.Where's
// shapes.
func (s *Store) countSource(ctx context.Context, f incidents.Filter, index string) (string, []string, []any, error) {
	f.Limit, f.After = 0, nil
	from := "incidents AS i INDEXED BY " + index
	if f.Where != nil {
		from = "incidents AS i NOT INDEXED"
	}
	var fromArgs []any
	if f.Text != "" {
		few, err := s.fewTextMatches(ctx, f)
		if err != nil {
			return "", nil, nil, err
		}
		if few {
			from, fromArgs = textCandidates(f.Text)
			f.Text = ""
		}
	}
	if len(f.Bounds) > 0 && fromArgs == nil {
		p, err := s.aggregatePlan(ctx, unionOf(f.Bounds))
		if err != nil {
			return "", nil, nil, err
		}
		if p == byBox {
			tree, targs := treeCandidates(f.Bounds)
			from, fromArgs = "("+strings.ReplaceAll(tree, " UNION ALL ", " UNION ")+") AS r CROSS JOIN incidents AS i ON i.id = r.id", targs
		}
	}
	where, args := filterTerms(f)
	return from, where, append(fromArgs, args...), nil
}

// unionOf is the bound around every one of bounds, which are not empty.
func unionOf(bounds []orb.Bound) orb.Bound {
	b := bounds[0]
	for _, o := range bounds[1:] {
		b = b.Union(o)
	}
	return b
}
