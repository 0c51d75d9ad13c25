package postgis

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

const incidentColumns = `i.id, i.incident_type, i.date_from, i.date_to, i.date_precision,
	i.place_name_ar, i.place_name_en, i.admin1_pcode, i.admin1_name, i.lon, i.lat,
	i.geo_precision, i.killed, i.injured, i.arrested, i.summary_ar, i.summary_en,
	i.status, i.created_at, i.updated_at, ` + sourcesColumn

// order is the order of every listing: newest first, unknown dates last
// (sort_date is date_to, or -infinity when unknown).
const order = " ORDER BY i.sort_date DESC, i.id DESC"

// Find returns the incidents matching f, newest first, with their sources, in
// one query.
func (s *Store) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	return s.findBySQL(ctx, f)
}

// findBySQL is Find in one query.
func (s *Store) findBySQL(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	query, args := findQuery(f)
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgis: find: %w", err)
	}
	found, err := scanIncidents(rows)
	if err != nil {
		return nil, fmt.Errorf("postgis: find: %w", err)
	}
	return found, nil
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
func findQuery(f incidents.Filter) (string, []any) {
	var p params
	where := filterTerms(&p, f)
	if c := f.After; c != nil {
		where = append(where, afterCursor(&p, *c))
	}
	query := "SELECT " + incidentColumns + " FROM incidents AS i WHERE " + strings.Join(where, " AND ") + order
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
	if !f.Period.Start.IsZero() {
		where = append(where, "i.date_to >= "+p.add(pgDate(dayOf(f.Period.Start))))
	}
	if !f.Period.End.IsZero() {
		where = append(where, "i.date_from <= "+p.add(pgDate(dayOf(f.Period.End))))
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

// dayOf is the civil date (midnight UTC) of an instant.
func dayOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Get returns one incident, whatever its status.
func (s *Store) Get(ctx context.Context, id int64) (incidents.Incident, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+incidentColumns+" FROM incidents AS i WHERE i.id = $1", id)
	if err != nil {
		return incidents.Incident{}, fmt.Errorf("postgis: get %d: %w", id, err)
	}
	found, err := scanIncidents(rows)
	if err != nil {
		return incidents.Incident{}, fmt.Errorf("postgis: get %d: %w", id, err)
	}
	if len(found) == 0 {
		return incidents.Incident{}, fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
	}
	return found[0], nil
}

// Count returns how many incidents are stored, drafts included.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM incidents").Scan(&n); err != nil {
		return 0, fmt.Errorf("postgis: count: %w", err)
	}
	return n, nil
}

// Extent describes the published incidents.
func (s *Store) Extent(ctx context.Context) (incidents.Extent, error) {
	var e incidents.Extent
	var minLon, minLat, maxLon, maxLat *float64
	var first, last pgtype.Date
	err := s.pool.QueryRow(ctx, `SELECT count(*), min(lon), min(lat), max(lon), max(lat), min(date_from), max(date_to)
		FROM incidents WHERE status = 'published'`).Scan(&e.Count, &minLon, &minLat, &maxLon, &maxLat, &first, &last)
	if err != nil {
		return incidents.Extent{}, fmt.Errorf("postgis: extent: %w", err)
	}
	if e.Count == 0 {
		return e, nil
	}
	e.Bound = orb.Bound{Min: orb.Point{*minLon, *minLat}, Max: orb.Point{*maxLon, *maxLat}}
	e.First, e.Last = civil(first), civil(last)
	return e, nil
}

func scanIncidents(rows pgx.Rows) ([]incidents.Incident, error) {
	defer rows.Close()
	var out []incidents.Incident
	for rows.Next() {
		var inc incidents.Incident
		var typ, dprec, gprec, status string
		var from, to pgtype.Date
		var killed, injured, arrested *int32
		var lon, lat float64
		var sources []byte
		if err := rows.Scan(&inc.ID, &typ, &from, &to, &dprec, &inc.PlaceNameAR, &inc.PlaceNameEN,
			&inc.Admin1PCode, &inc.Admin1Name, &lon, &lat, &gprec, &killed, &injured, &arrested,
			&inc.SummaryAR, &inc.SummaryEN, &status, &inc.CreatedAt, &inc.UpdatedAt, &sources); err != nil {
			return nil, err
		}
		var err error
		if inc.Sources, err = decodeSources(sources); err != nil {
			return nil, fmt.Errorf("incident %d sources: %w", inc.ID, err)
		}
		inc.Type, inc.DatePrecision, inc.GeoPrecision = incidents.Type(typ), incidents.DatePrecision(dprec), incidents.GeoPrecision(gprec)
		inc.Status, inc.Location = incidents.Status(status), orb.Point{lon, lat}
		inc.DateFrom, inc.DateTo = civil(from), civil(to)
		inc.Killed, inc.Injured, inc.Arrested = intPtr(killed), intPtr(injured), intPtr(arrested)
		inc.CreatedAt, inc.UpdatedAt = inc.CreatedAt.UTC(), inc.UpdatedAt.UTC()
		out = append(out, inc)
	}
	return out, rows.Err()
}

func intPtr(n *int32) *int {
	if n == nil {
		return nil
	}
	v := int(*n)
	return &v
}

// errNoRows tells a missing row from a failed query.
func errNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
