package postgis

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

const incidentColumns = `i.id, i.incident_type, i.date_from, i.date_to, i.date_precision,
	i.place_name_ar, i.place_name_en, i.admin1_pcode, i.admin1_name, i.admin2_pcode, i.lon, i.lat,
	i.geo_precision, i.killed, i.injured, i.arrested, i.summary_ar, i.summary_en,
	i.status, i.created_at, i.updated_at, ` + sourcesColumn

// order is the order of every listing: newest first, unknown dates last
// (sort_date is date_to, or -infinity when unknown).
const order = " ORDER BY i.sort_date DESC, i.id DESC"

// Find returns the incidents matching f, newest first, with their sources.
// A page of published incidents is chosen from the in-memory index when it
// is as new as the data, and only its rows are read; otherwise one query
// finds them.
func (s *Store) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	found, err := s.snap.Find(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("postgis: find: %w", err)
	}
	return found, nil
}

// FindBySQL is Find in one query.
func (s pgReads) FindBySQL(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	query, args := findQuery(f, incidentColumns)
	rows, err := s.reads().Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return scanIncidents(rows)
}

// ReadByID reads the incidents ids names, in that order, with their sources,
// in a statement that also checks the data version is still version; ok is
// false if not.
func (s pgReads) ReadByID(ctx context.Context, ids []int64, version int64) ([]incidents.Incident, bool, error) {
	if len(ids) == 0 {
		v, err := s.Version(ctx)
		return nil, err == nil && v == version, err
	}
	rows, err := s.reads().Query(ctx, "SELECT "+incidentColumns+` FROM unnest($2::bigint[]) AS u (id)
		JOIN incidents AS i ON i.id = u.id WHERE (SELECT version FROM data_version WHERE id = 1) = $1`, version, ids)
	if err != nil {
		return nil, false, err
	}
	byID, err := scanIncidents(rows)
	if err != nil || len(byID) != len(ids) {
		return nil, false, err
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	found := make([]incidents.Incident, len(ids))
	for _, inc := range byID {
		found[at[inc.ID]] = inc
	}
	return found, true, nil
}

// FindPoints is Find for drawing: it returns the same incidents in the same
// order with only ID, Type, DateFrom, DateTo and Location set, without
// sources: from the index alone when it is as new as the data (no SQL but
// the version), otherwise from the columns alone.
func (s *Store) FindPoints(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	if found, ok, err := s.snap.Points(ctx, f); err != nil || ok {
		return found, err
	}
	query, args := findQuery(f, "i.id, i.incident_type, i.date_from, i.date_to, i.lon, i.lat")
	rows, err := s.reads().Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgis: find points: %w", err)
	}
	defer rows.Close()
	var out []incidents.Incident
	for rows.Next() {
		var inc incidents.Incident
		var typ string
		var from, to pgtype.Date
		var lon, lat float64
		if err := rows.Scan(&inc.ID, &typ, &from, &to, &lon, &lat); err != nil {
			return nil, fmt.Errorf("postgis: find points: %w", err)
		}
		inc.Type, inc.DateFrom, inc.DateTo, inc.Location = incidents.Type(typ), civil(from), civil(to), orb.Point{lon, lat}
		out = append(out, inc)
	}
	return out, rows.Err()
}

// Get returns one incident, whatever its status.
func (s *Store) Get(ctx context.Context, id int64) (incidents.Incident, error) {
	rows, err := s.reads().Query(ctx, "SELECT "+incidentColumns+" FROM incidents AS i WHERE i.id = $1", id)
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
	if err := s.reads().QueryRow(ctx, "SELECT count(*) FROM incidents").Scan(&n); err != nil {
		return 0, fmt.Errorf("postgis: count: %w", err)
	}
	return n, nil
}

// Empty reports whether no incident is stored, drafts included, without
// counting them.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var empty bool
	if err := s.reads().QueryRow(ctx, "SELECT NOT EXISTS (SELECT 1 FROM incidents)").Scan(&empty); err != nil {
		return false, fmt.Errorf("postgis: empty: %w", err)
	}
	return empty, nil
}

// Extent describes the published incidents.
func (s *Store) Extent(ctx context.Context) (incidents.Extent, error) {
	var e incidents.Extent
	var minLon, minLat, maxLon, maxLat *float64
	var first, last pgtype.Date
	err := s.reads().QueryRow(ctx, `SELECT count(*), min(lon), min(lat), max(lon), max(lat), min(date_from), max(date_to)
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
			&inc.Admin1PCode, &inc.Admin1Name, &inc.Admin2PCode, &lon, &lat, &gprec, &killed, &injured, &arrested,
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
