package postgis

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// A read replica is a hot standby streaming from the primary (serve
// --read-db). Reads go to it and writes to the primary, so that read load
// spreads over machines; and an editor sees their own write at once: from a
// write on, this process reads from the primary until the replica has
// replayed that write. The data version tells: the replica replays the
// version row in the transaction that bumped it, with the data it versions,
// so a replica showing version v holds every write up to v. Comparing
// versions costs nothing more than the version query every request makes
// already, where comparing WAL positions would cost one more. A replica
// that fails to answer the version is left alone for replicaRest, and the
// primary takes the reads meanwhile.

// OpenReplicated is Open with reads going to the hot standby at readDSN
// (none when it is empty). The standby must be of the same database: its
// schema is checked, not migrated.
func OpenReplicated(ctx context.Context, dsn, readDSN string) (*Store, error) {
	s, err := Open(ctx, dsn)
	if err != nil || readDSN == "" {
		return s, err
	}
	replica, err := openPool(ctx, readDSN)
	if err == nil {
		if err = checkReplica(ctx, replica); err != nil {
			replica.Close()
		}
	}
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("postgis: read replica %s: %w", redact(readDSN), err)
	}
	s.replica = replica
	return s, nil
}

// replicaWait is how long a new replica may take to replay the primary's
// schema, migrated just before by Open.
const replicaWait = 10 * time.Second

// checkReplica checks that the replica holds the schema this mapsrv knows,
// waiting up to replicaWait for it to replay the primary's migration.
func checkReplica(ctx context.Context, replica *pgxpool.Pool) error {
	for start := time.Now(); ; {
		err := migrate(ctx, replica) // on a standby, only checks
		if err == nil || time.Since(start) > replicaWait {
			return err
		}
		select {
		case <-time.After(50 * time.Millisecond):
		case <-ctx.Done():
			return err
		}
	}
}

// reads returns the pool a read goes to: the replica, unless there is none,
// it has not yet replayed this process's last write, or it failed to answer
// lately.
func (s *Store) reads() *pgxpool.Pool {
	if s.replica == nil || s.replicaAt.Load() < s.written.Load() || !s.replicaUp() {
		return s.pool
	}
	return s.replica
}

// replicaRest is how long reads go to the primary after the replica failed
// to answer, before it is tried again.
const replicaRest = 10 * time.Second

// replicaUp reports whether the replica has answered lately.
func (s *Store) replicaUp() bool {
	failed := s.replicaFailed.Load()
	return failed == 0 || time.Since(time.Unix(0, failed)) > replicaRest
}

// highWater is the highest of the versions it has seen.
type highWater struct{ v atomic.Int64 }

func (h *highWater) Load() int64 { return h.v.Load() }

func (h *highWater) see(v int64) {
	for {
		cur := h.v.Load()
		if v <= cur || h.v.CompareAndSwap(cur, v) {
			return
		}
	}
}
