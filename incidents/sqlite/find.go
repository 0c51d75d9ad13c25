package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

const incidentColumns = `i.id, i.incident_type, i.date_from, i.date_to, i.date_precision,
	i.place_name_ar, i.place_name_en, i.admin1_pcode, i.admin1_name, i.lon, i.lat,
	i.geo_precision, i.killed, i.injured, i.arrested, i.summary_ar, i.summary_en,
	i.status, i.created_at, i.updated_at`

// Find returns the incidents matching f, newest first, with their sources.
// A page of published incidents in a bbox is chosen from the in-memory
// snapshot when it is as new as the data, and only its rows are read;
// otherwise Find picks one of two SQL plans (see [Store.plan]).
func (s *Store) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	if found, ok, err := s.findInSnapshot(ctx, f); err != nil {
		return nil, fmt.Errorf("sqlite: find: %w", err)
	} else if ok {
		return found, nil
	}
	p, err := s.plan(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find: %w", err)
	}
	return s.find(ctx, f, p)
}

// find runs Find's query with plan p.
func (s *Store) find(ctx context.Context, f incidents.Filter, p plan) ([]incidents.Incident, error) {
	query, args := findQuery(f, p, incidentColumns)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find: %w", err)
	}
	found, err := scanIncidents(rows)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find: %w", err)
	}
	if err := attachSources(ctx, s.db, found); err != nil {
		return nil, fmt.Errorf("sqlite: find sources: %w", err)
	}
	return found, nil
}

// pointColumns are what FindPoints reads: all of them are in the covering
// indexes, so a byDate walk never reads a table row.
const pointColumns = "i.id, i.incident_type, i.date_from, i.date_to, i.lon, i.lat"

// FindPoints is Find for drawing: it returns the same incidents in the same
// order with only ID, Type, DateFrom, DateTo and Location set, without sources
// and, on the byDate plan, without reading table rows (vector tiles hold
// thousands of points).
func (s *Store) FindPoints(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	if found, ok, err := s.pointsInSnapshot(ctx, f); err != nil || ok {
		return found, err
	}
	return s.findPointsSQL(ctx, f)
}

// pointsInSnapshot is FindPoints from the snapshot alone, when it is as new
// as the data: no SQL but the version. A tile of 4,096 points read that way
// costs a few milliseconds where the index walk costs tens.
func (s *Store) pointsInSnapshot(ctx context.Context, f incidents.Filter) ([]incidents.Incident, bool, error) {
	picks, snap, ok := s.pickInSnapshot(f)
	if !ok {
		return nil, false, nil
	}
	if v, err := s.Version(ctx); err != nil || v != snap.version {
		if err == nil {
			s.startSnapshotLoad()
		}
		return nil, false, err
	}
	found := make([]incidents.Incident, len(picks))
	for i, pk := range picks {
		p := snap.point(pk.at)
		found[i] = incidents.Incident{ID: p.id, Type: incidents.Types[p.typ], DateFrom: dayTime(p.dayFrom),
			DateTo: dayTime(p.dayTo), Location: orb.Point{p.lon, p.lat}}
	}
	return found, true, nil
}

// dayTime is the UTC midnight starting a day counted from 1970-01-01.
func dayTime(day int32) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// findPointsSQL is FindPoints by Find's SQL plans.
func (s *Store) findPointsSQL(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	p, err := s.plan(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find points: %w", err)
	}
	query, args := findQuery(f, p, pointColumns)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find points: %w", err)
	}
	defer rows.Close()
	var out []incidents.Incident
	for rows.Next() {
		var inc incidents.Incident
		var typ, from, to string
		var lon, lat float64
		if err := rows.Scan(&inc.ID, &typ, &from, &to, &lon, &lat); err != nil {
			return nil, fmt.Errorf("sqlite: find points: %w", err)
		}
		inc.Type, inc.Location = incidents.Type(typ), orb.Point{lon, lat}
		inc.DateFrom, _ = incidents.ParseDate(from)
		inc.DateTo, _ = incidents.ParseDate(to)
		out = append(out, inc)
	}
	return out, rows.Err()
}

// findQuery builds one SELECT of columns for f with bound arguments, following plan p:
// byBox joins the R*Tree's candidates (one branch per bound) to their rows and
// sorts them; byDate walks a covering index newest first and stops at the
// limit. Either way the REAL columns decide, since the R*Tree stores 32-bit
// floats.
func findQuery(f incidents.Filter, p plan, columns string) (string, []any) {
	where, args := filterTerms(f)
	var from string
	var fromArgs []any
	switch {
	case p == byBox && len(f.Bounds) > 0:
		from, fromArgs = treeCandidates(f.Bounds)
		// Overlapping boxes must not repeat an incident: UNION, not UNION ALL.
		from = strings.ReplaceAll(from, " UNION ALL ", " UNION ")
		from = "(" + from + ") AS r CROSS JOIN incidents AS i ON i.id = r.id"
	case len(f.Types) == 1:
		from = "incidents AS i INDEXED BY incidents_type_cover"
	default:
		from = "incidents AS i INDEXED BY incidents_date_cover"
	}
	query := "SELECT " + columns + " FROM " + from + " WHERE " + strings.Join(where, " AND ") +
		" ORDER BY i.date_to DESC, i.id DESC"
	args = append(fromArgs, args...)
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return query, args
}

// treeCandidates selects the ids of the R*Tree boxes meeting any of bounds.
func treeCandidates(bounds []orb.Bound) (string, []any) {
	var tree []string
	var args []any
	for _, b := range bounds {
		tree = append(tree, "SELECT id FROM incidents_rtree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?")
		args = append(args, b.Min.Lon(), b.Max.Lon(), b.Min.Lat(), b.Max.Lat())
	}
	return strings.Join(tree, " UNION ALL "), args
}

// filterTerms returns the WHERE terms of f on the incidents table, aliased i.
func filterTerms(f incidents.Filter) ([]string, []any) {
	status := f.Status
	if status == "" {
		status = incidents.StatusPublished
	}
	where, args := []string{"i.status = ?"}, []any{string(status)}
	if len(f.Bounds) > 0 {
		var exact []string
		for _, b := range f.Bounds {
			exact = append(exact, "(i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?)")
			args = append(args, b.Min.Lon(), b.Max.Lon(), b.Min.Lat(), b.Max.Lat())
		}
		where = append(where, "("+strings.Join(exact, " OR ")+")")
	}
	if !f.Period.Start.IsZero() {
		where = append(where, "i.date_to >= ?")
		args = append(args, f.Period.Start.UTC().Format(incidents.DateLayout))
	}
	if !f.Period.End.IsZero() {
		// The second term is implied by the first and date_span; it bounds
		// the walk down the date index.
		end := f.Period.End.UTC().Format(incidents.DateLayout)
		where = append(where, "i.date_from <= ?", "i.date_to <= date(?, '+' || (SELECT max_days FROM date_span WHERE id = 1) || ' days')")
		args = append(args, end, end)
	}
	if len(f.Types) > 0 {
		where = append(where, "i.incident_type IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Types)), ",")+")")
		for _, t := range f.Types {
			args = append(args, string(t))
		}
	}
	if f.Admin1PCode != "" {
		where = append(where, "i.admin1_pcode = ?")
		args = append(args, f.Admin1PCode)
	}
	if f.SourceKey != "" {
		where = append(where, `i.id IN (SELECT l.incident_id FROM incident_sources AS l
			JOIN sources AS s ON s.id = l.source_id WHERE s.skey = ?)`)
		args = append(args, f.SourceKey)
	}
	if c := f.After; c != nil {
		// The first term is implied by the second; it starts the index walk
		// at the cursor, so that a deep page costs what the first does.
		d := incidents.FormatDate(c.DateTo)
		where = append(where, "i.date_to <= ?", "(i.date_to < ? OR i.id < ?)")
		args = append(args, d, d, c.ID)
	}
	return where, args
}

// Get returns one incident, whatever its status.
func (s *Store) Get(ctx context.Context, id int64) (incidents.Incident, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+incidentColumns+" FROM incidents AS i WHERE i.id = ?", id)
	if err != nil {
		return incidents.Incident{}, fmt.Errorf("sqlite: get %d: %w", id, err)
	}
	found, err := scanIncidents(rows)
	if err != nil {
		return incidents.Incident{}, fmt.Errorf("sqlite: get %d: %w", id, err)
	}
	if len(found) == 0 {
		return incidents.Incident{}, fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
	}
	if err := attachSources(ctx, s.db, found); err != nil {
		return incidents.Incident{}, fmt.Errorf("sqlite: get %d sources: %w", id, err)
	}
	return found[0], nil
}

// Count returns how many incidents are stored, drafts included.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM incidents").Scan(&n)
	return n, err
}

// Extent describes the published incidents.
func (s *Store) Extent(ctx context.Context) (incidents.Extent, error) {
	var e incidents.Extent
	var minLon, minLat, maxLon, maxLat sql.NullFloat64
	var first, last sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT count(*), min(lon), min(lat), max(lon), max(lat), min(date_from), max(date_to)
		FROM incidents WHERE status = 'published'`).Scan(&e.Count, &minLon, &minLat, &maxLon, &maxLat, &first, &last)
	if err != nil || e.Count == 0 {
		return e, err
	}
	e.Bound = orb.Bound{Min: orb.Point{minLon.Float64, minLat.Float64}, Max: orb.Point{maxLon.Float64, maxLat.Float64}}
	e.First, _ = time.Parse(incidents.DateLayout, first.String)
	e.Last, _ = time.Parse(incidents.DateLayout, last.String)
	return e, nil
}

func scanIncidents(rows *sql.Rows) ([]incidents.Incident, error) {
	defer rows.Close()
	var out []incidents.Incident
	for rows.Next() {
		var inc incidents.Incident
		var typ, dprec, gprec, status, from, to, created, updated string
		var killed, injured, arrested sql.NullInt64
		var lon, lat float64
		if err := rows.Scan(&inc.ID, &typ, &from, &to, &dprec, &inc.PlaceNameAR, &inc.PlaceNameEN,
			&inc.Admin1PCode, &inc.Admin1Name, &lon, &lat, &gprec, &killed, &injured, &arrested,
			&inc.SummaryAR, &inc.SummaryEN, &status, &created, &updated); err != nil {
			return nil, err
		}
		inc.Type, inc.DatePrecision, inc.GeoPrecision = incidents.Type(typ), incidents.DatePrecision(dprec), incidents.GeoPrecision(gprec)
		inc.Status, inc.Location = incidents.Status(status), orb.Point{lon, lat}
		inc.Killed, inc.Injured, inc.Arrested = intPtr(killed), intPtr(injured), intPtr(arrested)
		var errs [4]error
		inc.DateFrom, errs[0] = incidents.ParseDate(from)
		inc.DateTo, errs[1] = incidents.ParseDate(to)
		inc.CreatedAt, errs[2] = time.Parse(time.RFC3339Nano, created)
		inc.UpdatedAt, errs[3] = time.Parse(time.RFC3339Nano, updated)
		if err := errors.Join(errs[:]...); err != nil {
			return nil, fmt.Errorf("incident %d: %w", inc.ID, err)
		}
		out = append(out, inc)
	}
	return out, rows.Err()
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// queryer is a *sql.DB or a *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// attachSources loads the sources of found in one query through q.
func attachSources(ctx context.Context, q queryer, found []incidents.Incident) error {
	if len(found) == 0 {
		return nil
	}
	ids := make([]int64, len(found))
	byID := make(map[int64]*incidents.Incident, len(found))
	for i := range found {
		ids[i] = found[i].ID
		byID[found[i].ID] = &found[i]
	}
	rows, err := q.QueryContext(ctx, `SELECT l.incident_id, s.title, s.url, s.publisher, s.published
		FROM incident_sources AS l JOIN sources AS s ON s.id = l.source_id
		WHERE l.incident_id IN (SELECT value FROM json_each(?))
		ORDER BY l.incident_id, l.position`, idList(ids))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var src incidents.Source
		var published string
		if err := rows.Scan(&id, &src.Title, &src.URL, &src.Publisher, &published); err != nil {
			return err
		}
		if published != "" {
			src.Published, _ = time.Parse(incidents.DateLayout, published)
		}
		byID[id].Sources = append(byID[id].Sources, src)
	}
	return rows.Err()
}
