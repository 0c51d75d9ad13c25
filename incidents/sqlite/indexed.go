package sqlite

import (
	"context"
	"fmt"

	"github.com/mapsrv/mapsrv/incidents/index"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
)

// The published points live in an in-memory index beside the database
// (incidents/index), kept as new as the data by incidents/snapshot: pages
// are picked from it and Aggregate counts it. It is built from one read of
// every published point (about 1.5 s of one core at 1,000,000), moved on by
// this store's writes (write hands it what each one changed), and by the
// change log (changes.go) after another process's writes. What is SQLite's
// in that is here, in changes.go, readfeatures.go and find.go, as the
// methods of sqlReads.

// sqlReads is the store as the keeper reads it (snapshot.Rows).
type sqlReads struct{ *Store }

// Preload builds the index that pages come from and Aggregate counts now,
// rather than on its first use.
func (s *Store) Preload(ctx context.Context) error {
	if err := s.snap.Preload(ctx); err != nil {
		return fmt.Errorf("sqlite: preload: %w", err)
	}
	return nil
}

// Points reads the version, then the points, each in one statement and
// outside any transaction: the store's transactions take the write lock
// (_txlock=immediate), and a second's read at a million incidents must not
// hold writers back. A write landing between the two reads gives points
// newer than their version, which the change log then applies again.
func (s sqlReads) Points(ctx context.Context) (int64, []index.Point, error) {
	version, err := s.Version(ctx)
	if err != nil {
		return 0, nil, err
	}
	// Most incidents are published: the largest id is a fair capacity, and
	// saves growing a slice of a million by copying.
	var maxID int64
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM incidents").Scan(&maxID); err != nil {
		return 0, nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+indexColumns+" FROM incidents INDEXED BY incidents_date_cover WHERE status = 'published'")
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	points, err := snapshot.ScanPoints(rows, make([]index.Point, 0, min(maxID, 1<<26)))
	return version, points, err
}

// indexColumns are what the index holds of a published incident.
const indexColumns = "id, lon, lat, incident_type, unixepoch(date_from) / 86400, unixepoch(date_to) / 86400"

// readPoints reads the published points of the incidents ids names through
// q.
func readPoints(ctx context.Context, q queryer, ids []int64) ([]index.Point, error) {
	// NOT INDEXED leaves only the lookup by ID: left to itself, SQLite
	// walked the status index through every published incident (90 ms at
	// 1,000,000).
	rows, err := q.QueryContext(ctx, "SELECT "+indexColumns+
		" FROM incidents NOT INDEXED WHERE id IN (SELECT value FROM json_each(?)) AND status = 'published'", idList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return snapshot.ScanPoints(rows, nil)
}
