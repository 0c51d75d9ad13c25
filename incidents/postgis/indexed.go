package postgis

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents/index"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
)

// The published points live in an in-memory index beside the database
// (incidents/index), kept as new as the data by incidents/snapshot, as in
// the SQLite store: pages are picked from it and Aggregate counts it, and
// only the page's stored features are read from PostgreSQL. It is built
// from one read of every published point, moved on by this store's writes,
// and by the change log (schema/0003) after another server's. What is
// PostgreSQL's in that is here, in changes.go, features.go and find.go, as
// the methods of pgReads.

// pgReads is the store as the keeper reads it (snapshot.Rows).
type pgReads struct{ *Store }

// Preload builds the index that pages come from and Aggregate counts now,
// rather than on its first use, and learns where the stored features lie.
func (s *Store) Preload(ctx context.Context) error {
	if err := s.snap.Preload(ctx); err != nil {
		return fmt.Errorf("postgis: preload: %w", err)
	}
	if err := s.loadTIDs(ctx); err != nil {
		return fmt.Errorf("postgis: preload: feature places: %w", err)
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
	defer rows.Close()
	points, err := snapshot.ScanPoints(rows, make([]index.Point, 0, min(maxID, 1<<26)))
	return version, points, err
}

// indexColumns are what the index holds of a published incident.
const indexColumns = "i.id, i.lon, i.lat, i.incident_type, i.date_from - DATE '1970-01-01', i.date_to - DATE '1970-01-01'"
