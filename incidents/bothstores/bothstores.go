// Package bothstores runs a test on each store mapsrv has: a fresh SQLite
// file, and a fresh PostGIS schema where MAPSRV_TEST_POSTGRES names a
// server (skipped with pgtest's message where it does not). Tests of code
// above the stores (ingestion, the web handlers) use it to hold both to one
// behaviour.
package bothstores

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// Run runs test as the subtests "sqlite" and "postgis", each with a store of
// its own, closed when the subtest ends. S is the interface the code under
// test takes; both stores satisfy it.
func Run[S any](t *testing.T, test func(*testing.T, S)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		test(t, any(s).(S))
	})
	t.Run("postgis", func(t *testing.T) {
		s, err := postgis.Open(context.Background(), pgtest.DSN(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		test(t, any(s).(S))
	})
}
