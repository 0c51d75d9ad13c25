package postgis

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestStore_ReadReplica runs on a real primary and a streaming hot standby
// (scripts/pg.sh standby). With the standby's replay paused, a store that
// only reads does not see a new incident (its reads come from the standby),
// while the store that wrote it sees it at once, through every read path
// (its reads go to the primary until the standby has replayed the write).
// Once the standby catches up, the writer reads from it again.
func TestStore_ReadReplica(t *testing.T) {
	primary, standby := pgtest.Replicated(t)
	ctx := context.Background()
	open := func() *Store {
		s, err := OpenReplicated(ctx, primary, standby)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	editor, reader := open(), open()
	other := openTest(t, primary) // a third server, without the replica
	if _, err := editor.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeArrest, 36.6, 35.9, "2024-01-01", "2024-01-01")}); err != nil {
		t.Fatal(err)
	}
	replay := func(on bool) {
		t.Helper()
		fn := "pg_wal_replay_pause"
		if on {
			fn = "pg_wal_replay_resume"
		}
		if _, err := editor.replica.Exec(ctx, "SELECT "+fn+"()"); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { replay(true) })
	waitFor := func(s *Store, id int64) {
		t.Helper()
		for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
			if _, err := s.Get(ctx, id); err == nil {
				return
			} else if time.Since(start) > 20*time.Second {
				t.Fatalf("incident %d not seen after 20 s: %v", id, err)
			}
		}
	}
	box := []orb.Bound{{Min: orb.Point{36, 35}, Max: orb.Point{37, 36}}}
	sees := func(s *Store, id int64) bool {
		t.Helper()
		if _, err := s.Version(ctx); err != nil { // as every request does first, for its ETag
			t.Fatal(err)
		}
		_, getErr := s.Get(ctx, id)
		if getErr != nil && !errors.Is(getErr, incidents.ErrNotFound) {
			t.Fatal(getErr)
		}
		found, err := s.Find(ctx, incidents.Filter{Bounds: box, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		page, err := s.FindFeatures(ctx, incidents.Filter{Bounds: box, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		inGet, inFind, inPage := getErr == nil, len(found) > 0 && found[0].ID == id, len(page) > 0 && page[0].After.ID == id
		if inGet != inFind || inFind != inPage {
			t.Fatalf("incident %d: Get %v, Find %v, FindFeatures %v: the read paths disagree", id, inGet, inFind, inPage)
		}
		return inGet
	}

	replay(false)
	ids, err := editor.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeShelling, 36.7, 35.8, "2025-02-01", "2025-02-01")})
	if err != nil {
		t.Fatal(err)
	}
	if !sees(editor, ids[0]) {
		t.Fatal("the editor does not see their own write while the standby is behind")
	}
	if sees(reader, ids[0]) {
		t.Fatal("a store reading from the paused standby sees the write: its reads do not come from the standby")
	}
	// The public version (the response cache's key) names the data each reads.
	pubEditor, err1 := editor.PublicVersion(ctx)
	pubReader, err2 := reader.PublicVersion(ctx)
	if err := errors.Join(err1, err2); err != nil || pubReader >= pubEditor {
		t.Fatalf("public versions: the editor's %d, the standby reader's %d, %v; want the reader's older", pubEditor, pubReader, err)
	}
	replay(true)
	waitFor(reader, ids[0])

	// Caught up, the editor reads from the standby again: a write by
	// another server while replay is paused stays out of its sight.
	replay(false)
	later, err := other.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeClash, 36.65, 35.85, "2025-03-01", "2025-03-01")})
	if err != nil {
		t.Fatal(err)
	}
	if sees(editor, later[0]) {
		t.Fatal("the editor, caught up, still reads from the primary")
	}
	replay(true)
	waitFor(editor, later[0])
}

// TestStore_ReplicaDown: when the standby stops answering, reads go to the
// primary instead of failing.
func TestStore_ReplicaDown(t *testing.T) {
	primary, standby := pgtest.Replicated(t)
	ctx := context.Background()
	s, err := OpenReplicated(ctx, primary, standby)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids, err := s.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeArrest, 36.6, 35.9, "2024-01-01", "2024-01-01")})
	if err != nil {
		t.Fatal(err)
	}
	s.replica.Close() // as if the standby went away
	if _, err := s.Version(ctx); err != nil {
		t.Fatalf("Version with the standby gone: %v", err)
	}
	if _, err := s.Get(ctx, ids[0]); err != nil {
		t.Fatalf("Get with the standby gone: %v", err)
	}
	if found, err := s.Find(ctx, incidents.Filter{Limit: 5}); err != nil || len(found) != 1 {
		t.Fatalf("Find with the standby gone: %d, %v", len(found), err)
	}
}
