package postgis

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
)

// PickBySQL chooses the page f asks for by SQL, reading IDs, dates and
// points only, as of the version it returns.
func (s pgReads) PickBySQL(ctx context.Context, f incidents.Filter) ([]snapshot.Pick, int64, error) {
	version, err := s.Version(ctx)
	if err != nil {
		return nil, 0, err
	}
	query, args := findQuery(f, "i.id, i.date_to, i.lon, i.lat")
	rows, err := s.reads().Query(ctx, query, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("pick: %w", err)
	}
	defer rows.Close()
	var picks []snapshot.Pick
	for rows.Next() {
		var c incidents.Cursor
		var to pgtype.Date
		var lon, lat float64
		if err := rows.Scan(&c.ID, &to, &lon, &lat); err != nil {
			return nil, 0, err
		}
		c.DateTo = civil(to) // zero for an undated draft
		picks = append(picks, snapshot.PickAt(c, lon, lat))
	}
	return picks, version, rows.Err()
}

// params collects bound arguments and names their placeholders.
type params []any

func (p *params) add(v any) string {
	*p = append(*p, v)
	return "$" + strconv.Itoa(len(*p))
}

// findQuery builds one SELECT for f. A bound becomes a GiST-indexed && test
// against its envelope, confirmed by the exact lon/lat columns: the index and
// && compare single-precision boxes, and edges must count as inside.
func findQuery(f incidents.Filter, columns string) (string, []any) {
	var p params
	where := filterTerms(&p, f)
	if c := f.After; c != nil {
		where = append(where, afterCursor(&p, *c))
	}
	query := "SELECT " + columns + " FROM incidents AS i WHERE " + strings.Join(where, " AND ") + order
	if f.Limit > 0 {
		query += " LIMIT " + p.add(f.Limit)
	}
	return query, p
}

// filterTerms turns f, but for its paging, into WHERE terms over incidents AS i.
func filterTerms(p *params, f incidents.Filter) []string {
	status := f.Status
	if status == "" {
		status = incidents.StatusPublished
	}
	where := []string{"i.status = " + p.add(string(status))}
	if len(f.Bounds) > 0 {
		var boxes []string
		for _, b := range f.Bounds {
			w, s, e, n := p.add(b.Min.Lon()), p.add(b.Min.Lat()), p.add(b.Max.Lon()), p.add(b.Max.Lat())
			boxes = append(boxes, fmt.Sprintf("(i.geom && ST_MakeEnvelope(%[1]s, %[2]s, %[3]s, %[4]s, 4326)"+
				" AND i.lon BETWEEN %[1]s AND %[3]s AND i.lat BETWEEN %[2]s AND %[4]s)", w, s, e, n))
		}
		where = append(where, "("+strings.Join(boxes, " OR ")+")")
	}
	if first, ok := f.Period.FirstDay(); ok {
		where = append(where, "i.date_to >= "+p.add(pgDate(first)))
	}
	if last, ok := f.Period.LastDay(); ok {
		where = append(where, "i.date_from <= "+p.add(pgDate(last)))
	}
	if len(f.Types) > 0 {
		types := make([]string, len(f.Types))
		for i, t := range f.Types {
			types[i] = string(t)
		}
		where = append(where, "i.incident_type = ANY("+p.add(types)+"::text[])")
	}
	if f.Admin1PCode != "" {
		where = append(where, "i.admin1_pcode = "+p.add(f.Admin1PCode))
	}
	if f.SourceKey != "" {
		where = append(where, `i.id IN (SELECT l.incident_id FROM incident_sources AS l
			JOIN sources AS s ON s.id = l.source_id WHERE s.skey = `+p.add(f.SourceKey)+")")
	}
	where = append(where, moreTerms(p, f)...)
	if f.Where != nil {
		where = append(where, whereSQL(p, f.Where))
	}
	return where
}

// afterCursor selects what comes after c in the order, as one row comparison
// that the (status, sort_date, id) index answers; a zero DateTo stands for an
// unknown date, -infinity.
func afterCursor(p *params, c incidents.Cursor) string {
	d := pgtype.Date{Time: c.DateTo, Valid: true}
	if c.DateTo.IsZero() {
		d = pgtype.Date{InfinityModifier: pgtype.NegativeInfinity, Valid: true}
	}
	return "(i.sort_date, i.id) < (" + p.add(d) + ", " + p.add(c.ID) + ")"
}
