package postgis

import (
	"context"
	"fmt"
	"time"

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

// indexAt returns an index at least as new as version, refreshing it (or
// waiting for the refresh under way) if needed.
func (s *Store) indexAt(ctx context.Context, version int64) (*index.Index, error) {
	for {
		if ix := s.idx.Load(); ix != nil && ix.Version() >= version {
			return ix, nil
		}
		select {
		case <-s.refresh():
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if ix := s.idx.Load(); s.idx.Err() != nil && (ix == nil || ix.Version() < version) {
			return nil, s.idx.Err()
		}
	}
}

// Preload builds the index that pages come from and Aggregate counts now,
// rather than on its first use.
func (s *Store) Preload(ctx context.Context) error {
	v, err := s.Version(ctx)
	if err != nil {
		return fmt.Errorf("postgis: preload: %w", err)
	}
	if _, err := s.indexAt(ctx, v); err != nil {
		return fmt.Errorf("postgis: preload: %w", err)
	}
	return nil
}

// catchUpWait is how long a page waits for the index to catch up with the
// data before it is picked by SQL: reading the change log takes a
// millisecond or two, building the index seconds.
const catchUpWait = 50 * time.Millisecond

// awaitIndex brings the index up to the data, waiting at most catchUpWait,
// and reports whether it is there.
func (s *Store) awaitIndex(ctx context.Context) bool {
	v, err := s.Version(ctx)
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, catchUpWait)
	defer cancel()
	ix, err := s.indexAt(ctx, v)
	return err == nil && ix.Version() == v
}

// currentIndex returns the newest index, whatever its version, starting a
// build when there is none yet.
func (s *Store) currentIndex() *index.Index {
	ix := s.idx.Load()
	if ix == nil {
		s.refresh()
	}
	return ix
}

// refresh starts moving the index on to the data unless that is under way,
// and returns the channel closed when it is done.
func (s *Store) refresh() <-chan struct{} {
	done, lead := s.idx.Begin()
	if lead {
		go func() { s.idx.End(s.refreshed(context.Background(), s.idx.Load())) }()
	}
	return done
}

// refreshed returns the index moved on to the data: cur with the changes
// logged since its version when the log reaches back that far and holds few
// enough, otherwise an index built afresh.
func (s *Store) refreshed(ctx context.Context, cur *index.Index) (*index.Index, error) {
	if cur != nil {
		c, err := s.readChanges(ctx, cur.Version(), index.MaxChanges(cur.Len()))
		if err != nil {
			return nil, err
		}
		if next, ok := cur.Follow(c); ok {
			return next, nil
		}
	}
	return s.buildIndex(ctx)
}

// buildIndex reads the version and every published point in one read-only
// snapshot.
func (s *Store) buildIndex(ctx context.Context) (*index.Index, error) {
	s.builds.Add(1)
	tx, err := s.reads().BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	var version, maxID int64
	if err := tx.QueryRow(ctx, "SELECT version, (SELECT coalesce(max(id), 0) FROM incidents) FROM data_version WHERE id = 1").Scan(&version, &maxID); err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, "SELECT "+indexColumns+" FROM incidents AS i WHERE i.status = 'published'")
	if err != nil {
		return nil, err
	}
	points, err := scanPoints(rows, make([]index.Point, 0, min(maxID, 1<<26)))
	if err != nil {
		return nil, err
	}
	return index.Build(version, points), nil
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
