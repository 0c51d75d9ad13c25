package sqlite

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestFind_IndexAgreesWithSQL runs random filters through the index and
// through both SQL plans: the incidents, sources and order must be the
// same, and the index must have answered every filter it can.
func TestFind_IndexAgreesWithSQL(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "indexed.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(7, 8))
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rng, 700)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	var page []incidents.Incident
	answered := 0
	for i := range 3000 {
		f := storetest.LatticeFilter(rng, page)
		got, ok, err := s.snap.FindIndexed(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Fatalf("case %d: the index did not answer %+v", i, f)
		}
		answered++
		for _, p := range []plan{byDate, byBox} {
			want, err := s.find(ctx, f, p)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d, plan %d, filter %+v:\n got %v\nwant %v", i, p, f, idsOf(got), idsOf(want))
			}
		}
		checkFeatures(t, s, f, got)
		checkPoints(t, s, f)
		if len(got) > 0 {
			page = got
		}
	}
	if answered == 0 {
		t.Fatal("no filter was answered from the index")
	}
}

// TestFind_IndexPagesAgree pages through a box to the end both ways.
func TestFind_IndexPagesAgree(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "pages.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(9, 10))
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rng, 400)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	f := incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{storetest.LatticeLon(3), storetest.LatticeLat(2)}, Max: orb.Point{storetest.LatticeLon(15), storetest.LatticeLat(17)}}}, Limit: 7}
	seen := 0
	for pages := 0; ; pages++ {
		got, ok, err := s.snap.FindIndexed(ctx, f)
		if err != nil || !ok {
			t.Fatalf("page %d: ok %v, err %v", pages, ok, err)
		}
		want, err := s.find(ctx, f, byBox)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("page %d:\n got %v\nwant %v", pages, idsOf(got), idsOf(want))
		}
		if len(got) == 0 {
			break
		}
		seen += len(got)
		c := incidents.CursorOf(got[len(got)-1])
		f.After = &c
	}
	if seen == 0 {
		t.Fatal("the box held no incidents: the test tests nothing")
	}
}

// TestFind_IndexNeverStale: after a write through the store, the index
// moves on with it and its answer holds the new incident.
func TestFind_IndexNeverStale(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(11, 12))
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rng, 100)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	f := incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{35, 34}, Max: orb.Point{38, 37}}}, Limit: 5}
	if _, ok, err := s.snap.FindIndexed(ctx, f); err != nil || !ok {
		t.Fatalf("fresh index: ok %v, err %v; want an answer", ok, err)
	}
	newest := storetest.LatticeIncidents(rng, 1)[0]
	newest.Status, newest.DateFrom, newest.DateTo = incidents.StatusPublished, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	ids, err := s.Add(ctx, []incidents.Incident{newest})
	if err != nil {
		t.Fatal(err)
	}
	found, ok, err := s.snap.FindIndexed(ctx, f)
	if err != nil || !ok || len(found) == 0 || found[0].ID != ids[0] {
		t.Fatalf("after a write through the store: %v, ok %v, %v; want the new incident %d first", idsOf(found), ok, err, ids[0])
	}
}

// TestIndex_FollowsAnotherProcess: a second store on the same file stands
// for another process (mapsrv import while serving, a second server). After
// each of its writes the first store's index catches up from the change
// log, without being built again, and answers as SQL does; after an import
// too large to log, it is built again.
func TestIndex_FollowsAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a, b := openAt(t, path), openAt(t, path)
	rng := rand.New(rand.NewPCG(13, 14))
	storetest.Follows{A: a, B: b, Builds: a.snap.Builds, Rng: rng, Big: snapshot.LogLimit + 1, Check: func(what string) {
		t.Helper()
		ctx := context.Background()
		for range 5 {
			f := storetest.LatticeFilter(rng, nil)
			got, ok, err := a.snap.FindIndexed(ctx, f)
			if err != nil || !ok {
				t.Fatalf("after %s: the index did not answer %+v: %v", what, f, err)
			}
			want, err := a.find(ctx, f, byBox)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("after %s, filter %+v:\n got %v\nwant %v", what, f, idsOf(got), idsOf(want))
			}
			checkFeatures(t, a, f, want)
			checkPoints(t, a, f)
		}
	}}.Run(t)
}

// openAt opens the store at path, closed when t ends.
func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
