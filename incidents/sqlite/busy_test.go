package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestStore_WriteWhileAnotherHoldsTheLock: a write that waits past the busy
// timeout for SQLite's one writer (another process's `mapsrv import`, one
// transaction for the whole file) is ErrBusy, which the API answers 503
// with Retry-After, naming no store; it was the driver's "database is
// locked", a 500 and an error in the log.
func TestStore_WriteWhileAnotherHoldsTheLock(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out the 5 s busy timeout")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids, err := s.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeShelling, 36.8, 35.9, "2025-04-01", "2025-04-01")})
	if err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=100")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	start := time.Now()
	_, err = s.Edit(ctx, ids[0], func(inc incidents.Incident) (incidents.Incident, error) {
		inc.Killed = new(int)
		return inc, nil
	})
	if !errors.Is(err, incidents.ErrBusy) || strings.Contains(err.Error(), "sqlite") {
		t.Errorf("Edit while another connection holds the write lock = %v after %s; want incidents.ErrBusy, naming no store", err, time.Since(start))
	}
}
