// Package postgis is the incidents.Store for deployments that outgrow one
// machine: PostgreSQL with PostGIS, reached through pgx's connection pool, so
// that several mapsrv processes can serve and write one database.
//
// Points are geometry(Point, 4326) under a GiST index, derived from exact
// lon/lat columns; civil dates are date columns, NULL while a draft's date is
// unknown. The schema is plain SQL in schema/NNNN_*.sql, embedded and applied in
// order in one transaction under an advisory lock, so processes starting
// together do not race. Tables are created in the first schema of the
// connection's search_path; the postgis extension must exist or be creatable.
// On a read-only connection (a streaming replica) Open only checks that the
// primary has brought the schema up to date, and every write fails.
package postgis

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/migrations"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
	"github.com/mapsrv/mapsrv/internal/rerun"
	"golang.org/x/sync/semaphore"
)

//go:embed schema/*.sql
var schemaFS embed.FS

// Store is an incidents.Store in a PostgreSQL database with PostGIS. It is safe
// for concurrent use, also by several processes sharing the database.
type Store struct {
	pool    *pgxpool.Pool // the primary: writes, and reads without a replica
	replica *pgxpool.Pool // a hot standby taking the reads; nil when there is none (replica.go)
	// The versions of this process's last write and the newest seen on the
	// replica: reads go to the primary while the replica is behind the first.
	written, replicaAt highWater
	replicaFailed      atomic.Int64 // when the replica last failed to answer, in Unix nanoseconds

	snap   *snapshot.Keeper  // published points for pages and Aggregate (indexed.go)
	tids   tidHints          // where each stored feature last lay in its table (tids.go)
	fill   rerun.Runner      // fills features, one fill at a time (features.go)
	locate incidents.Locator // sets each written incident's district; nil: kept as given (locate.go)
	// writers bounds this process's writes in flight to half the pool
	// (write): the rest wait here holding no connection.
	writers *semaphore.Weighted
}

var _ incidents.Store = (*Store)(nil)

// IsDSN reports whether dsn names a PostgreSQL database (a postgres:// or
// postgresql:// URL) rather than a file.
func IsDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database at dsn (a postgres:// URL; pgx's pool
// parameters such as pool_max_conns are accepted) and brings its schema up to
// date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	pool, err := openPool(ctx, dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, writers: semaphore.NewWeighted(int64(max(1, pool.Config().MaxConns/2)))}
	s.snap = snapshot.New(pgReads{s})
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgis: %s: %w", redact(dsn), err)
	}
	return s, nil
}

// openPool connects a pool to the database at dsn.
func openPool(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgis: %w", err)
	}
	// pgx prepares and caches each statement on each connection. After five
	// runs PostgreSQL may plan a cached statement once for any values, and
	// a plan for any box is a bad plan for most: for the country one it read
	// every row through GiST and sorted them on disk (2.4 s instead of 13
	// ms). Every query here is planned for its values, unless the DSN says
	// otherwise.
	if _, set := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !set {
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgis: %w", err)
	}
	return pool, nil
}

// Close closes every pooled connection.
func (s *Store) Close() error {
	s.pool.Close()
	if s.replica != nil {
		s.replica.Close()
	}
	return nil
}

// migrateLock is the advisory lock key held while migrating.
const migrateLock = 0x6d617073 // "maps"

// migrate applies, in one transaction, every schema/NNNN_*.sql file numbered
// above the version recorded in schema_version, and records the last applied.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	var readOnly string
	if err := tx.QueryRow(ctx, "SHOW transaction_read_only").Scan(&readOnly); err != nil {
		return err
	}
	if readOnly == "on" {
		return checkSchema(ctx, tx)
	}
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrateLock); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL)`); err != nil {
		return fmt.Errorf("schema version table: %w", err)
	}
	var version int
	err = tx.QueryRow(ctx, "SELECT version FROM schema_version WHERE id = 1").Scan(&version)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("read schema version: %w", err)
	}
	err = migrations.Run(schemaFS, "schema/*.sql", version, func(m migrations.Migration) error {
		if _, err := tx.Exec(ctx, m.SQL); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO schema_version (id, version) VALUES (1, $1)
			ON CONFLICT (id) DO UPDATE SET version = excluded.version`, m.Number)
		return err
	})
	if err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// checkSchema is migrate on a read-only connection (a hot-standby replica, or
// default_transaction_read_only): it cannot migrate, so the schema must already
// be the one this mapsrv knows, migrated on the primary.
func checkSchema(ctx context.Context, tx pgx.Tx) error {
	all, err := migrations.Load(schemaFS, "schema/*.sql")
	if err != nil {
		return err
	}
	want := len(all)
	var version int
	if err := tx.QueryRow(ctx, "SELECT version FROM schema_version WHERE id = 1").Scan(&version); err != nil {
		return fmt.Errorf("read-only database without a mapsrv schema (open the primary once first): %w", err)
	}
	if version != want {
		return fmt.Errorf("read-only database at schema version %d, this mapsrv needs %d: migrate the primary first", version, want)
	}
	return nil
}

// Version returns the data version, bumped by every committed write
// transaction of any process using the database. With a replica, it is the
// replica's unless the replica has not yet replayed this process's last
// write (replica.go).
func (s *Store) Version(ctx context.Context) (int64, error) {
	if s.replica != nil && s.replicaUp() {
		v, err := versionOn(ctx, s.replica)
		switch {
		case err != nil && ctx.Err() == nil:
			s.replicaFailed.Store(time.Now().UnixNano()) // reads go to the primary for a while
		case err != nil:
			return 0, err
		case v >= s.written.Load():
			s.replicaAt.see(v)
			return v, nil
		default:
			s.replicaAt.see(v)
		}
	}
	return versionOn(ctx, s.pool)
}

func versionOn(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	var v int64
	if err := pool.QueryRow(ctx, "SELECT version FROM data_version WHERE id = 1").Scan(&v); err != nil {
		return 0, fmt.Errorf("postgis: version: %w", err)
	}
	return v, nil
}

// PublicVersion returns the version of the published data: it moves only
// with writes that change what the public reads, from any process. Like
// Version, it is read from the replica when that has replayed this
// process's writes, so that it names the data reads will see.
func (s *Store) PublicVersion(ctx context.Context) (int64, error) {
	if s.replica != nil {
		v, pub, err := versionsOn(ctx, s.replica)
		if err != nil {
			return 0, err
		}
		s.replicaAt.see(v)
		if v >= s.written.Load() {
			return pub, nil
		}
	}
	_, pub, err := versionsOn(ctx, s.pool)
	return pub, err
}

// versionsOn reads the data version and the public version from pool.
func versionsOn(ctx context.Context, pool *pgxpool.Pool) (version, public int64, err error) {
	err = pool.QueryRow(ctx, "SELECT version, public_version FROM data_version WHERE id = 1").Scan(&version, &public)
	if err != nil {
		return 0, 0, fmt.Errorf("postgis: public version: %w", err)
	}
	return version, public, nil
}

// writeTries is how many times writeAgain runs a write PostgreSQL ended as
// one of a deadlock or a serialization failure, or that found its
// incident's sources moved.
const writeTries = 10

// writeAgain is write, run again when PostgreSQL ended it as one of a
// deadlock (40P01) or a serialization failure (40001): it rolled back whole,
// so fn runs on what the data is then. fn must set again whatever it sets
// outside tx. Two editors correcting one source through two incidents citing
// it each lock their incident's row, then the source's, then the rows of
// the incidents citing it to encode their features: each held what the
// other waited for, PostgreSQL ended one of them after its deadlock_timeout
// (1 s), and it was answered 500 (round 19). Every write but an import,
// whose stream cannot be read twice, goes through here.
func (s *Store) writeAgain(ctx context.Context, fn func(pgx.Tx) error) error {
	for try := 1; ; try++ {
		err := s.write(ctx, fn)
		var pe *pgconn.PgError
		ended := errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
		if !ended && !errors.Is(err, errSourcesMoved) || ctx.Err() != nil {
			return err
		}
		if try == writeTries {
			// Nothing was changed, and the write may be sent again.
			return fmt.Errorf("%w: %v", incidents.ErrBusy, err)
		}
	}
}

// write runs fn in a transaction, encodes the features of the incidents it
// changed (the change log's triggers name them), bumps the data version last
// (so the row lock that orders writers is held only while committing) and
// commits; any error rolls everything back. After the commit it moves this
// store's index on with what fn changed.
//
// At most half the pool's connections write at once. A write waiting for a
// row lock (an incident another write is editing, the data version another
// process is committing) holds its connection all the while, and 16
// PATCHes of one incident held all 4 of pgx's default pool: listings
// waited for the lock's holder (11.5 s). The others wait for their turn
// holding none, so reads always keep half the pool.
func (s *Store) write(ctx context.Context, fn func(pgx.Tx) error) error {
	if err := s.writers.Acquire(ctx, 1); err != nil {
		return err
	}
	defer s.writers.Release(1)
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if err := fn(tx); err != nil {
		return err
	}
	changed, now, err := written(ctx, tx)
	if err != nil {
		return err
	}
	if err := storeFeatures(ctx, tx, changed); err != nil {
		return err
	}
	version, bulk, staled, err := bumpVersion(ctx, tx)
	if err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	s.written.see(version)
	if !bulk {
		s.snap.Advance(version-1, changed, now)
	}
	if staled {
		pgReads{s}.StartFill() // encodes the stale sources' incidents again
	}
	return nil
}

// formatError translates server errors that callers can act on: integrity
// constraint violations (class 23) and data exceptions (class 22, such as a NUL
// byte in text, which PostgreSQL refuses) mean an invalid incident.
func formatError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (strings.HasPrefix(pe.Code, "23") || strings.HasPrefix(pe.Code, "22")) {
		return fmt.Errorf("%w: %s", incidents.ErrInvalid, pe.Message)
	}
	return err
}

// redact hides the password of a DSN in messages.
func redact(dsn string) string {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return "database"
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}
