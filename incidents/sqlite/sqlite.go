// Package sqlite is the embedded incidents.Store: one SQLite file in WAL mode with
// an R*Tree index over incident points, kept in step with the rows in the same
// transaction. It needs cgo (github.com/mattn/go-sqlite3 builds SQLite with the
// R*Tree module).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/migrations"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
	"github.com/mapsrv/mapsrv/internal/rerun"
	"golang.org/x/sync/semaphore"
)

//go:embed schema/*.sql
var schemaFS embed.FS

// Store is an incidents.Store in one SQLite file. It is safe for concurrent use.
type Store struct {
	db           *sql.DB
	rowsEstimate atomic.Int64        // the largest incident id seen by the planner: about how many there are
	snap         *snapshot.Keeper    // published points for Aggregate and Find (indexed.go)
	fill         rerun.Runner        // fills features, one fill at a time (fill.go)
	locate       incidents.Locator   // sets each written incident's district; nil: kept as given (locate.go)
	writeTurn    *semaphore.Weighted // this process's writers wait here, holding no connection (update.go)

	// Statements run on every request, prepared once: preparing them again
	// each time cost about a tenth of a small page.
	version, publicVersion, featuresByKey *sql.Stmt
	raw                                   *rawReads // featuresByKey on each connection's C handle (rawread.go)
}

var _ incidents.Store = (*Store)(nil)

// Connection pool: maxConns connections, each with a page cache of
// connCacheKiB (SQLite's default is 2 MiB), so at most 64 MiB of cache in all.
// The database file itself is read through the OS page cache, shared.
const (
	maxConns     = 8
	connCacheKiB = 8 << 10
)

// Open opens (creating if needed) the database at path and brings its schema up
// to date. Pragmas go in the DSN so that every pooled connection gets them.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: no database path")
	}
	if err := checkHeader(path); err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", strconv.Itoa(int(busyTimeout.Milliseconds())))
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate") // writers queue at BEGIN instead of failing at upgrade
	q.Set("_cache_size", strconv.Itoa(-connCacheKiB))
	// Each connection is used by one goroutine at a time (database/sql's
	// pool; the raw page reads run inside Conn.Raw), which is all SQLite's
	// multi-thread mode asks: its per-call locks of the connection's mutex,
	// five a row read (step and each column), were 5% of the CPU of a
	// country page (perf, pthread_mutex_lock and unlock).
	q.Set("_mutex", "no")
	db, err := sql.Open(driverName, "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// database/sql keeps 2 idle connections by default: under concurrent
	// reads it opened and closed SQLite connections on every query (each
	// parsing the schema and starting with a cold cache), which cut a
	// small-box query from about 4,000 to 250 per second.
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	s := &Store{db: db, raw: new(rawReads), writeTurn: semaphore.NewWeighted(1)}
	s.snap = snapshot.New(sqlReads{s})
	if err := checkFTS5(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	if err := s.prepare(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.version.Close()
	s.publicVersion.Close()
	s.featuresByKey.Close()
	s.raw.close()
	return s.db.Close()
}

// prepare prepares the statements every request runs.
func (s *Store) prepare(ctx context.Context) error {
	var err error
	if s.version, err = s.db.PrepareContext(ctx, "SELECT version FROM data_version WHERE id = 1"); err != nil {
		return err
	}
	if s.publicVersion, err = s.db.PrepareContext(ctx, "SELECT public_version FROM data_version WHERE id = 1"); err != nil {
		return err
	}
	s.featuresByKey, err = s.db.PrepareContext(ctx, featuresByKeyQuery)
	return err
}

// migrate applies, in one transaction, every schema/NNNN_*.sql file numbered
// above the database's user_version, and records the last one applied.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	err = migrations.Run(schemaFS, "schema/*.sql", version, func(m migrations.Migration) error {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Number))
		return err
	})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// Version returns the data version, bumped by every write transaction.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var v int64
	err := s.version.QueryRowContext(ctx).Scan(&v)
	return v, err
}

// PublicVersion returns the version of the published data: it moves only
// with writes that change what the public reads (triggers of schema 0008).
func (s *Store) PublicVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.publicVersion.QueryRowContext(ctx).Scan(&v)
	return v, err
}

// versionIn reads the data version inside tx.
func versionIn(ctx context.Context, tx *sql.Tx) (int64, error) {
	var v int64
	err := tx.QueryRowContext(ctx, "SELECT version FROM data_version WHERE id = 1").Scan(&v)
	return v, err
}

// bumpVersion is called inside every write transaction.
func bumpVersion(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "UPDATE data_version SET version = version + 1 WHERE id = 1")
	return err
}

// busyTimeout is how long a write waits for SQLite's one writer before it
// is refused with [incidents.ErrBusy].
const busyTimeout = 5 * time.Second

// formatError translates driver errors that callers can act on.
func formatError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrConstraint {
		return fmt.Errorf("%w: %v", incidents.ErrInvalid, se)
	}
	return err
}
