package postgis

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// The published points live in an in-memory index beside the database
// (incidents/index), as in the SQLite store: pages are picked from it and
// Aggregate counts it when it is as new as the data, and only the page's
// stored features are read from PostgreSQL. It is built from one read of
// every published point, moved on by this store's writes, and by the change
// log (schema/0003) after another server's.

// pgReads is the store as the index's keeper (incidents/snapshot) reads
// it: the SQL behind the index and the pages picked from it.
type pgReads struct{ *Store }

// Preload builds the index that pages come from and Aggregate counts now,
// rather than on its first use.
func (s *Store) Preload(ctx context.Context) error {
	if err := s.snap.Preload(ctx); err != nil {
		return fmt.Errorf("postgis: preload: %w", err)
	}
	return nil
}

// Points reads the version and every published point in one read-only
// snapshot.
func (s pgReads) Points(ctx context.Context) (int64, []index.Point, error) {
	tx, err := s.reads().BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return 0, nil, err
	}
	defer tx.Rollback(ctx)
	var version, maxID int64
	if err := tx.QueryRow(ctx, "SELECT version, (SELECT coalesce(max(id), 0) FROM incidents) FROM data_version WHERE id = 1").Scan(&version, &maxID); err != nil {
		return 0, nil, err
	}
	rows, err := tx.Query(ctx, "SELECT "+indexColumns+" FROM incidents AS i WHERE i.status = 'published'")
	if err != nil {
		return 0, nil, err
	}
	points, err := scanPoints(rows, make([]index.Point, 0, min(maxID, 1<<26)))
	return version, points, err
}

// indexColumns are what the index holds of a published incident.
const indexColumns = "i.id, i.lon, i.lat, i.incident_type, i.date_from - DATE '1970-01-01', i.date_to - DATE '1970-01-01'"

// scanPoints appends the points rows holds (indexColumns) to points.
func scanPoints(rows pgx.Rows, points []index.Point) ([]index.Point, error) {
	defer rows.Close()
	for rows.Next() {
		var p index.Point
		var typ string
		if err := rows.Scan(&p.ID, &p.Lon, &p.Lat, &typ, &p.DayFrom, &p.DayTo); err != nil {
			return nil, err
		}
		p.Type = index.TypeOf(incidents.Type(typ))
		points = append(points, p)
	}
	return points, rows.Err()
}
