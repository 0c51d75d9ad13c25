package sqlite

import (
	"bytes"
	"context"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// storedKeys returns the place keys and IDs of every stored feature, by key.
func storedKeys(t *testing.T, s *Store) (keys, ids []int64) {
	t.Helper()
	rows, err := s.db.Query("SELECT place_key, id FROM incident_features WHERE format = ? ORDER BY place_key", feature.Format)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, id int64
		if err := rows.Scan(&k, &id); err != nil {
			t.Fatal(err)
		}
		keys, ids = append(keys, k), append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return keys, ids
}

// TestReadFeaturesRaw_AsDatabaseSQL: the features read through SQLite's C
// interface into lent buffers are, byte for byte, those database/sql reads,
// for chunks of every size up to a whole statement; the C handle is found
// (so that a driver upgrade that moves it fails here rather than quietly
// bringing back the driver's copy of every page); a moved data version
// reads nothing.
func TestReadFeaturesRaw_AsDatabaseSQL(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rand.New(rand.NewPCG(41, 42)), 700)); err != nil {
		t.Fatal(err)
	}
	version, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	keys, ids := storedKeys(t, s)
	if len(keys) != 700 {
		t.Fatalf("%d stored features, want 700", len(keys))
	}
	r := sqlReads{s}
	rng := rand.New(rand.NewPCG(43, 44))
	defer meanStored.Store(meanStored.Load())
	for round, n := range []int{1, 2, 17, 300, 700, 700, 700} {
		// The buffer is sized from the mean feature read before: too small
		// (features go on in more buffers), far too large, or learned.
		switch round {
		case 4:
			meanStored.Store(1)
		case 5:
			meanStored.Store(1 << 20 / 700)
		}
		at := rng.IntN(len(keys) - n + 1)
		chunk, chunkIDs := keys[at:at+n], ids[at:at+n]
		cursors := make([]incidents.Cursor, n)
		for i, id := range chunkIDs {
			cursors[i] = incidents.Cursor{ID: id}
		}
		lctx, lender := feature.WithLender(ctx)
		raw := feature.NewCollector(n)
		ok, handled, err := r.readFeaturesRaw(lctx, chunk, version, raw)
		if err != nil || !ok || !handled {
			t.Fatalf("%d features through C: ok %v, handled %v, %v", n, ok, handled, err)
		}
		viaSQL := feature.NewCollector(n)
		if ok, err := r.readFeaturesSQL(ctx, chunk, version, viaSQL); err != nil || !ok {
			t.Fatalf("%d features through database/sql: ok %v, %v", n, ok, err)
		}
		got, want := raw.Page(cursors), viaSQL.Page(cursors)
		for i := range want {
			if len(want[i].JSON) == 0 || !bytes.Equal(got[i].JSON, want[i].JSON) {
				t.Fatalf("%d features: feature %d (ID %d) through C\n%s\nthrough database/sql\n%s", n, i, chunkIDs[i], got[i].JSON, want[i].JSON)
			}
		}
		lender.Return()
	}

	// Keys of no stored feature: an empty page, not an error.
	c := feature.NewCollector(2)
	if ok, handled, err := r.readFeaturesRaw(ctx, []int64{-5, -6}, version, c); err != nil || !ok || !handled {
		t.Fatalf("unknown keys: ok %v, handled %v, %v", ok, handled, err)
	}
	if missing := c.Missing([]incidents.Cursor{{ID: ids[0]}}); len(missing) != 1 {
		t.Fatalf("unknown keys kept features: %v", missing)
	}

	// The data moved on: nothing is read, and the statement can run again.
	c = feature.NewCollector(3)
	if ok, handled, err := r.readFeaturesRaw(ctx, keys[:3], version-1, c); err != nil || ok || !handled {
		t.Fatalf("old version: ok %v, handled %v, %v; want not ok", ok, handled, err)
	}
	if c.Has(ids[0]) {
		t.Fatal("a feature was kept from a read at an old version")
	}
	if ok, _, err := r.readFeaturesRaw(ctx, keys[:3], version, c); err != nil || !ok || !c.Has(ids[0]) {
		t.Fatalf("after an old version: ok %v, %v", ok, err)
	}
}

// TestReadFeaturesRaw_ConnectionsClosed: a Store whose pool closes and
// opens connections (each with its own prepared statement) keeps reading
// the same pages, and reads nothing once closed.
func TestReadFeaturesRaw_ConnectionsClosed(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rand.New(rand.NewPCG(45, 46)), 50)); err != nil {
		t.Fatal(err)
	}
	version, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	keys, ids := storedKeys(t, s)
	cursors := make([]incidents.Cursor, len(ids))
	for i, id := range ids {
		cursors[i] = incidents.Cursor{ID: id}
	}
	r := sqlReads{s}
	read := func() {
		c := feature.NewCollector(len(keys))
		ok, handled, err := r.readFeaturesRaw(ctx, keys, version, c)
		if err != nil || !ok || !handled {
			t.Fatalf("ok %v, handled %v, %v", ok, handled, err)
		}
		if missing := c.Missing(cursors); len(missing) > 0 {
			t.Fatalf("features of %v not read", missing)
		}
	}
	read()
	for range 3 {
		s.db.SetMaxIdleConns(0) // every connection closes when put back
		read()
		s.db.SetMaxIdleConns(maxConns)
		runtime.GC() // the closed connections' statements are finalized
	}
	s.Close()
	if _, handled, err := r.readFeaturesRaw(ctx, keys, version, feature.NewCollector(1)); err == nil || !handled {
		t.Fatalf("read from a closed store: handled %v, %v", handled, err)
	}
}
