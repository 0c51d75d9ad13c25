// Package pgtest gives tests an empty PostgreSQL schema of their own on the
// server that MAPSRV_TEST_POSTGRES names, or skips them with a message saying
// why. `make test` starts a throwaway cluster (scripts/pg.sh) and sets it.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvVar names the environment variable holding the test server's DSN.
const EnvVar = "MAPSRV_TEST_POSTGRES"

var (
	probeOnce sync.Once
	probeErr  error
)

// DSN returns the DSN of a new, empty schema (search_path = it, then public,
// where the postgis extension lives) that is dropped when tb ends. It skips tb
// when EnvVar is unset or the server cannot be reached, never passing silently.
func DSN(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(EnvVar)
	if base == "" {
		tb.Skip(EnvVar + " is not set: skipping the PostGIS tests (make test starts a throwaway cluster with scripts/pg.sh)")
	}
	// Both extensions once, in public: test schemas come and go (DROP SCHEMA
	// CASCADE), and an extension created in one would go with it.
	probeOnce.Do(func() {
		if probeErr = exec(base, "CREATE EXTENSION IF NOT EXISTS postgis"); probeErr == nil {
			probeErr = exec(base, "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
		}
	})
	if probeErr != nil {
		tb.Skipf("skipping the PostGIS tests: cannot use the server in %s: %v", EnvVar, probeErr)
	}
	schema := "mapsrv_test_" + randomHex()
	if err := exec(base, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if err := exec(base, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", EnvVar, err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// exec runs one statement on a connection of its own.
func exec(dsn, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func randomHex() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// StandbyEnvVar names the environment variable holding the DSN of a hot
// standby streaming from the server EnvVar names (scripts/pg.sh standby).
const StandbyEnvVar = "MAPSRV_TEST_POSTGRES_STANDBY"

// Replicated returns the DSN of a new, empty schema on the test server, as
// DSN does, and the DSN of the same schema on its hot standby once the
// standby has replayed its creation. It skips tb when StandbyEnvVar is
// unset.
func Replicated(tb testing.TB) (primary, standby string) {
	tb.Helper()
	base := os.Getenv(StandbyEnvVar)
	if base == "" {
		tb.Skip(StandbyEnvVar + " is not set: skipping the read replica tests (make test starts a standby with scripts/pg.sh standby)")
	}
	primary = DSN(tb)
	p, err := url.Parse(primary)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", StandbyEnvVar, err)
	}
	s.RawQuery = p.RawQuery // the same search_path
	standby = s.String()
	schema := strings.SplitN(p.Query().Get("search_path"), ",", 2)[0]
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if err := exec(base, "SELECT '"+schema+"'::regnamespace"); err == nil {
			return primary, standby
		} else if time.Since(start) > 20*time.Second {
			tb.Fatalf("the standby has not replayed schema %s after 20 s: %v", schema, err)
		}
	}
}
