package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// The published points live in an in-memory index beside the database
// (incidents/index): pages are picked from it and Aggregate counts it when
// it is as new as the data. It is built from one read of every published
// point (about 1.5 s of one core at 1,000,000), moved on by this store's
// writes (write hands it what each one changed), and by the change log
// (changes.go) after another process's writes.

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
		return fmt.Errorf("sqlite: preload: %w", err)
	}
	if _, err := s.indexAt(ctx, v); err != nil {
		return fmt.Errorf("sqlite: preload: %w", err)
	}
	return nil
}

// catchUpWait is how long a page waits for the index to catch up with the
// data before it is picked by SQL: reading the change log takes a
// millisecond or two, building the index a second.
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

// buildIndex reads the version, then the points, each in one statement and
// outside any transaction: the store's transactions take the write lock
// (_txlock=immediate), and a second's read at a million incidents must not
// hold writers back. A write landing between the two reads gives an index
// holding changes newer than its version, which the change log then
// applies again: applying a change twice gives the same index.
func (s *Store) buildIndex(ctx context.Context) (*index.Index, error) {
	s.builds.Add(1)
	version, err := s.Version(ctx)
	if err != nil {
		return nil, err
	}
	// Most incidents are published: the largest id is a fair capacity, and
	// saves growing a slice of a million by copying.
	var maxID int64
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM incidents").Scan(&maxID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+indexColumns+" FROM incidents INDEXED BY incidents_date_cover WHERE status = 'published'")
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
const indexColumns = "id, lon, lat, incident_type, unixepoch(date_from) / 86400, unixepoch(date_to) / 86400"

// scanPoints appends the points rows holds (indexColumns) to points.
func scanPoints(rows *sql.Rows, points []index.Point) ([]index.Point, error) {
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
	return scanPoints(rows, nil)
}
