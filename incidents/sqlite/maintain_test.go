package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

func TestStore_BackupAndCheck(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	mustAdd(t, s, incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24"),
		incident(incidents.TypeBombing, 36.3, 33.5, "2025-06-22", "2025-06-22"))
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("Check of a sound store = %v, %v", problems, err)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	// Writes keep going while the backup runs; the copy is consistent either way.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 20 {
			mustAdd(t, s, incident(incidents.TypeClash, 36.8, 35.8, "2025-12-01", "2025-12-01"))
		}
	}()
	if err := s.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	cp, err := sqlite.Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	n, _ := cp.Count(ctx)
	if n < 2 || n > 22 {
		t.Errorf("backup holds %d incidents, want between 2 and 22", n)
	}
	if problems, err := cp.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check of the backup = %v, %v", problems, err)
	}
	if err := s.Backup(ctx, dst); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("a backup over an existing file: %v", err)
	}
}

// damageable returns a store holding two incidents, their IDs, and a
// second connection to its file for damaging it behind the store's back.
func damageable(t *testing.T) (*sqlite.Store, []int64, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "damaged.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ids := mustAdd(t, s, incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24"),
		incident(incidents.TypeArrest, 36.9, 35.1, "2025-11-24", "2025-11-24"))
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return s, ids, raw
}

func TestStore_CheckFindsADriftedRTree(t *testing.T) {
	s, ids, raw := damageable(t)
	// Damage behind the store's back: one box gone, one moved.
	if _, err := raw.Exec("DELETE FROM incidents_rtree WHERE id = ?", ids[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE incidents_rtree SET min_lon = 10, max_lon = 10 WHERE id = ?", ids[1]); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(problems, "; ")
	if !strings.Contains(joined, "without an R*Tree box: 1") || !strings.Contains(joined, "away from their incident's point: 1") {
		t.Errorf("Check = %q, want the missing and the moved box", joined)
	}
}

// TestStore_CheckFindsAStaleFeature: a stored feature that no longer matches
// its incident (written behind the store's back) is reported; one that is
// missing is not, since it is encoded when read.
func TestStore_CheckFindsAStaleFeature(t *testing.T) {
	s, ids, raw := damageable(t)
	if _, err := raw.Exec("UPDATE incident_features SET json = replace(json, 'arrest', 'airstrike') WHERE id = ?", ids[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("DELETE FROM incident_features WHERE id = ?", ids[1]); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if joined := strings.Join(problems, "; "); joined != "stored features that differ from their incident: 1" {
		t.Errorf("Check = %q, want the one stale feature", joined)
	}
}

// TestStore_ImportBoxesEveryRow: an import into a store that already holds
// incidents boxes each new row in the R*Tree (at its end, in one statement)
// and no other: Check finds no row without a box and no box without a row.
func TestStore_ImportBoxesEveryRow(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	mustAdd(t, s, incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24"))
	n, err := s.Import(ctx, func(yield func(incidents.Incident, error) bool) {
		for i := range 300 {
			if !yield(incident(incidents.TypeClash, 36+float64(i)/1000, 35, "2025-12-01", "2025-12-01"), nil) {
				return
			}
		}
	}, nil)
	if err != nil || n != 300 {
		t.Fatalf("Import = %d, %v", n, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("Check after an import = %v, %v", problems, err)
	}
}

// TestStore_CheckFindsAMisplacedFeature: a feature stored under another
// place key than its incident's point gives is never read by a page (which
// encodes the feature from the row instead, each time); check reports it.
func TestStore_CheckFindsAMisplacedFeature(t *testing.T) {
	s, ids, raw := damageable(t)
	if _, err := raw.Exec("UPDATE incident_features SET place_key = -place_key WHERE id = ?", ids[0]); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if joined := strings.Join(problems, "; "); joined != "stored features that differ from their incident: 1" {
		t.Errorf("Check = %q, want the one misplaced feature", joined)
	}
}
