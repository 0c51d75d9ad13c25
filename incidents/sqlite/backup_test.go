package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// TestStore_BackupCutShortLeavesNoCopy cancels a backup while it writes: no
// file may then be left under the backup's name (SQLite rolls a partial copy
// back to an empty database, which opens as a sound store of no incidents),
// nor beside it. The backup taken next is whole.
func TestStore_BackupCutShortLeavesNoCopy(t *testing.T) {
	s, _, raw := damageable(t)
	// 96 MiB the copy must write, behind the store's back, so that it takes
	// long enough to be cut.
	if _, err := raw.Exec(`CREATE TABLE pad (b BLOB);
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 96)
		INSERT INTO pad SELECT randomblob(1 << 20) FROM n`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dst := filepath.Join(dir, "copy.db")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Backup(ctx, dst) }()
	var err error
wait:
	for {
		select {
		case err = <-done:
			break wait
		case <-time.After(time.Millisecond):
			if written(t, dir) > 1<<20 {
				cancel()
			}
		}
	}
	cancel()
	if err == nil {
		t.Skip("the backup ended before it could be cut; nothing to check")
	}
	t.Logf("cut short: %v", err)
	if _, statErr := os.Lstat(dst); statErr == nil {
		cp, openErr := sqlite.Open(context.Background(), dst)
		n := -1
		if openErr == nil {
			n, _ = cp.Count(context.Background())
			cp.Close()
		}
		t.Errorf("a backup cut short (%v) left %s, opened as a store of %d incidents", err, dst, n)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("a backup cut short left %d files beside it: %s", len(left), left[0].Name())
	}
	if err := s.Backup(context.Background(), dst); err != nil {
		t.Fatalf("the backup after: %v", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("the backup after left %d files, want its own alone", len(left))
	}
	cp, err := sqlite.Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if n, _ := cp.Count(context.Background()); n != 2 {
		t.Errorf("the backup after holds %d incidents, want 2", n)
	}
}

// written is the bytes of the files in dir.
func written(t *testing.T, dir string) int64 {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			n += fi.Size()
		}
	}
	return n
}
