package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

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

// Empty reports whether no incident is stored, drafts included, without
// counting them (a second of cold disk at 1,000,000).
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var empty bool
	err := s.db.QueryRowContext(ctx, "SELECT NOT EXISTS (SELECT 1 FROM incidents)").Scan(&empty)
	return empty, err
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
			&inc.Admin1PCode, &inc.Admin1Name, &inc.Admin2PCode, &lon, &lat, &gprec, &killed, &injured, &arrested,
			&inc.SummaryAR, &inc.SummaryEN, &status, &created, &updated); err != nil {
			return nil, err
		}
		inc.Type, inc.DatePrecision, inc.GeoPrecision = incidents.Type(typ), incidents.DatePrecision(dprec), incidents.GeoPrecision(gprec)
		inc.Status, inc.Location = incidents.Status(status), orb.Point{lon, lat}
		inc.Killed, inc.Injured, inc.Arrested = intPtr(killed), intPtr(injured), intPtr(arrested)
		var errs [4]error
		inc.DateFrom, errs[0] = incidents.ParseDate(from)
		inc.DateTo, errs[1] = incidents.ParseDate(to)
		inc.CreatedAt, errs[2] = parseStamp(created)
		inc.UpdatedAt, errs[3] = parseStamp(updated)
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
