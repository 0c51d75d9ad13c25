package sqlite

import (
	"context"
	"fmt"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

const incidentColumns = `i.id, i.incident_type, i.date_from, i.date_to, i.date_precision,
	i.place_name_ar, i.place_name_en, i.admin1_pcode, i.admin1_name, i.admin2_pcode, i.lon, i.lat,
	i.geo_precision, i.killed, i.injured, i.arrested, i.summary_ar, i.summary_en,
	i.status, i.created_at, i.updated_at`

// Find returns the incidents matching f, newest first, with their sources.
// A page of published incidents is chosen from the in-memory index when it
// is as new as the data, and only its rows are read; otherwise Find picks
// one of two SQL plans (see [Store.plan]).
func (s *Store) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	defer holdShapes(f.Where)()
	found, err := s.snap.Find(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find: %w", err)
	}
	return found, nil
}

// FindBySQL is Find by one of its SQL plans.
func (s sqlReads) FindBySQL(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	p, err := s.plan(ctx, f)
	if err != nil {
		return nil, err
	}
	return s.find(ctx, f, p)
}

// find runs Find's query with plan p.
func (s *Store) find(ctx context.Context, f incidents.Filter, p plan) ([]incidents.Incident, error) {
	query, args := findQuery(f, p, incidentColumns)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	found, err := scanIncidents(rows)
	if err != nil {
		return nil, err
	}
	if err := attachSources(ctx, s.db, found); err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	return found, nil
}

// pointColumns are what FindPoints reads: all of them are in the covering
// indexes, so a byDate walk never reads a table row.
const pointColumns = "i.id, i.incident_type, i.date_from, i.date_to, i.lon, i.lat"

// FindPoints is Find for drawing: it returns the same incidents in the same
// order with only ID, Type, DateFrom, DateTo and Location set, without
// sources: from the index alone when it is as new as the data (a tile of
// 4,096 points costs a few milliseconds there, tens by SQL), otherwise
// reading, on the byDate plan, no table row.
func (s *Store) FindPoints(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	defer holdShapes(f.Where)()
	if found, ok, err := s.snap.Points(ctx, f); err != nil || ok {
		return found, err
	}
	return s.findPointsSQL(ctx, f)
}

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

// ReadByID reads the incidents ids names, in that order, with their sources,
// in a statement that also checks the data version is still version; ok is
// false if not.
func (s sqlReads) ReadByID(ctx context.Context, ids []int64, version int64) ([]incidents.Incident, bool, error) {
	if len(ids) == 0 {
		v, err := s.Version(ctx)
		return nil, err == nil && v == version, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+incidentColumns+` FROM incidents AS i
		WHERE (SELECT version FROM data_version WHERE id = 1) = ? AND i.id IN (SELECT value FROM json_each(?))`,
		version, idList(ids))
	if err != nil {
		return nil, false, err
	}
	rowsOf, err := scanIncidents(rows)
	if err != nil || len(rowsOf) != len(ids) {
		return nil, false, err
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	found := make([]incidents.Incident, len(ids))
	for _, inc := range rowsOf {
		found[at[inc.ID]] = inc
	}
	if err := attachSources(ctx, s.db, found); err != nil {
		return nil, false, err
	}
	return found, true, nil
}
