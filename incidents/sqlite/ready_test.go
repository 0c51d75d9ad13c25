package sqlite

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestStore_ReadyFindsABrokenRoot: with the root page of any one table or
// index overwritten in a copy of a database, Ready fails and names it, in
// milliseconds and without reading every row; on the sound file it passes.
func TestStore_ReadyFindsABrokenRoot(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "sound.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Seed(t, s, 3000, rand.New(rand.NewPCG(5, 6)))
	if _, err := s.FillFeatures(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Ready(ctx); err != nil {
		t.Fatalf("Ready on a sound database: %v", err)
	}
	roots := map[string]int64{}
	rows, err := s.db.QueryContext(ctx, "SELECT name, rootpage FROM sqlite_schema WHERE rootpage > 1 AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		var root int64
		rows.Scan(&name, &root)
		roots[name] = root
	}
	rows.Close()
	var pageSize int64
	s.db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	sound, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) < 12 {
		t.Fatalf("only %d tables and indexes: %v", len(roots), roots)
	}
	for name, root := range roots {
		broken := append([]byte(nil), sound...)
		for i := range int64(8) { // the b-tree page header: its type, cells, content offset
			broken[(root-1)*pageSize+i] ^= 0xA5
		}
		copyPath := filepath.Join(dir, name+".db")
		if err := os.WriteFile(copyPath, broken, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Open(ctx, copyPath)
		if err != nil {
			continue // refused at open: fine too
		}
		err = c.Ready(ctx)
		c.Close()
		want := name
		if strings.HasPrefix(name, "incidents_rtree_") {
			want = "incidents_rtree" // its shadow tables are read through it
		}
		if strings.HasPrefix(name, "incidents_fts_") {
			want = "incidents_fts" // the text index's too
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("root of %s broken: Ready = %v, want an error naming %s", name, err, want)
		}
	}
}
