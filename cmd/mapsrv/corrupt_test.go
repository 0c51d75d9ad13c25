package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe_CorruptDatabase flips 200 bytes in copies of a real database:
// in its header, in the root page of the listing index, and in a leaf deep in
// that index. serve refuses the first two with a clear error before serving;
// the third passes the start-up check (it reads only the edges of each
// b-tree), and /readyz turns 503 once queries fail. serve used to start on
// all three and answer /readyz with 200 while every query answered 500.
func TestServe_CorruptDatabase(t *testing.T) {
	dir := t.TempDir()
	sound := filepath.Join(dir, "sound.db")
	if _, _, err := runCmd(t, "", "synth", "--db", sound, "--n", "3000"); err != nil {
		t.Fatal(err)
	}
	root, leaf, pageSize := listingIndexPages(t, sound)
	orig, err := os.ReadFile(sound)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	broken := func(name string, start, size int64) string {
		b := bytes.Clone(orig)
		for i := range 200 {
			at := start + int64(i)
			if i >= 8 { // the page (or file) header, then bytes anywhere in it
				at = start + rng.Int64N(size)
			}
			b[at] ^= 0xFF
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for name, c := range map[string]struct {
		db   string
		want []string
	}{
		"header":     {broken("header.db", 0, 100), []string{"not a SQLite database"}},
		"index root": {broken("root.db", (root-1)*pageSize, pageSize), []string{"failed its start-up check", "incidents_date_cover", "mapsrv check"}},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		var logs bytes.Buffer
		err := run(ctx, []string{"serve", "--addr", freeAddr(t), "--db", c.db}, func(string) string { return "" }, nil, &logs, &logs)
		cancel()
		for _, w := range c.want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("serve of a database broken in its %s: %v; want a refusal saying %q", name, err, w)
			}
		}
	}

	deep := broken("deep.db", (leaf-1)*pageSize, pageSize)
	base, stop := serveInProcess(t, deep)
	status := func(path string) int {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := status("/readyz"); got != http.StatusOK {
		t.Errorf("/readyz before any query = %d; the edges of every b-tree are sound", got)
	}
	failed := 0
	for range 6 {
		if status("/api/collections/incidents/items?limit=10000") == http.StatusInternalServerError {
			failed++
		}
	}
	if failed == 0 {
		t.Fatal("no query met the broken leaf: the test tests nothing")
	}
	if got := status("/readyz"); got != http.StatusServiceUnavailable {
		t.Errorf("/readyz after %d of 6 queries failed = %d, want 503", failed, got)
	}
	if _, _, err := runCmd(t, "", "check", "--db", deep); err == nil {
		t.Error("check passed a database with a broken leaf")
	}
	stop()
}

// listingIndexPages returns the root page of incidents_date_cover, a leaf
// in the middle of it, and the page size, after checkpointing the WAL so
// that the file holds every page.
func listingIndexPages(t *testing.T, path string) (root, leaf, pageSize int64) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'incidents_date_cover'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Walk the b-tree: an interior index page (type 2) lists its cells'
	// left children (each cell starts with one; cell pointers from byte 12)
	// and a right-most child at byte 8; a leaf is of type 10.
	var leaves []int64
	var walk func(pgno int64)
	walk = func(pgno int64) {
		page := make([]byte, pageSize)
		if _, err := f.ReadAt(page, (pgno-1)*pageSize); err != nil {
			t.Fatal(err)
		}
		if page[0] != 2 {
			leaves = append(leaves, pgno)
			return
		}
		for i := range int(binary.BigEndian.Uint16(page[3:5])) {
			at := binary.BigEndian.Uint16(page[12+2*i:])
			walk(int64(binary.BigEndian.Uint32(page[at:])))
		}
		walk(int64(binary.BigEndian.Uint32(page[8:12])))
	}
	walk(root)
	if len(leaves) < 5 {
		t.Fatalf("the listing index has %d leaves: want some between its first and last", len(leaves))
	}
	return root, leaves[len(leaves)/2], pageSize
}
