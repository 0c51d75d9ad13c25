package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// The published points live in an in-memory index beside the database
// (incidents/index): pages are picked from it and Aggregate counts it when
// it is as new as the data. It is built from one read of every published
// point (about 1.5 s of one core at 1,000,000), follows this store's writes
// (write hands it what each one changed) and is built again after another
// process's.

// indexes holds the newest index and builds the next, one build at a time.
type indexes struct {
	latest  index.Latest
	mu      sync.Mutex
	loading chan struct{} // closed when the build under way ends; nil when none is
	err     error         // of the last build
	builds  atomic.Int64  // how many builds have ended
}

// indexAt returns an index at least as new as version, building one (or
// waiting for the build under way) if needed; every request waiting on a
// build shares it.
func (s *Store) indexAt(ctx context.Context, version int64) (*index.Index, error) {
	for {
		if ix := s.idx.latest.Load(); ix != nil && ix.Version() >= version {
			return ix, nil
		}
		s.idx.mu.Lock()
		done := s.buildLocked()
		s.idx.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		s.idx.mu.Lock()
		err := s.idx.err
		s.idx.mu.Unlock()
		if ix := s.idx.latest.Load(); err != nil && (ix == nil || ix.Version() < version) {
			return nil, err
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

// startBuild starts building an index unless a build is under way, and does
// not wait for it.
func (s *Store) startBuild() {
	s.idx.mu.Lock()
	defer s.idx.mu.Unlock()
	s.buildLocked()
}

// buildLocked returns the channel closed when the build under way ends,
// starting one if none is. s.idx.mu must be held.
func (s *Store) buildLocked() chan struct{} {
	if s.idx.loading == nil {
		done := make(chan struct{})
		s.idx.loading = done
		go func() {
			ix, err := s.buildIndex(context.Background())
			if err == nil {
				s.idx.latest.Offer(ix)
			}
			s.idx.builds.Add(1)
			s.idx.mu.Lock()
			s.idx.loading, s.idx.err = nil, err
			s.idx.mu.Unlock()
			close(done)
		}()
	}
	return s.idx.loading
}

// buildIndex reads the version, then the points, each in one statement and
// outside any transaction: the store's transactions take the write lock
// (_txlock=immediate), and a second's read at a million incidents must not
// hold writers back. A write landing between the two reads gives an index
// newer than its version says, which only costs an early build; never one
// older.
func (s *Store) buildIndex(ctx context.Context) (*index.Index, error) {
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

// advanceIndex moves the index from version before to before+1, the version
// a write by this store just committed, if it is at before; otherwise it is
// left to be built again when used.
func (s *Store) advanceIndex(before int64, changed []int64, now []index.Point) {
	cur := s.idx.latest.Load()
	if cur == nil || cur.Version() != before {
		return
	}
	if next, ok := cur.Apply(before+1, changed, now); ok {
		s.idx.latest.Offer(next)
	}
}

// currentIndex returns the newest index, whatever its version, starting a
// build when there is none yet.
func (s *Store) currentIndex() *index.Index {
	ix := s.idx.latest.Load()
	if ix == nil {
		s.startBuild()
	}
	return ix
}

// refreshIndex starts building an index if the one there is is older than
// the data.
func (s *Store) refreshIndex(ctx context.Context) {
	v, err := s.Version(ctx)
	if ix := s.idx.latest.Load(); err == nil && (ix == nil || ix.Version() < v) {
		s.startBuild()
	}
}
