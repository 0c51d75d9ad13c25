package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// latticeLon and latticeLat put points and box edges on one lattice of
// float64s, so that boxes often end exactly on points.
func latticeLon(k int) float64 { return 36 + float64(k)/50 }
func latticeLat(k int) float64 { return 35 + float64(k)/50 }

// latticeIncidents are n incidents on a 20 × 20 lattice, over 12 days so that
// many share a date_to, some over ranges of up to 30 days, some drafts, some
// with sources.
func latticeIncidents(rng *rand.Rand, n int) []incidents.Incident {
	out := make([]incidents.Incident, n)
	for i := range out {
		from := time.Date(2012, 5, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(12))
		to, prec := from, incidents.DateDay
		if rng.IntN(5) == 0 {
			to, prec = from.AddDate(0, 0, 1+rng.IntN(30)), incidents.DateRange
		}
		status := incidents.StatusPublished
		if rng.IntN(6) == 0 {
			status = incidents.StatusDraft
		}
		inc := incidents.Incident{Type: incidents.Types[rng.IntN(4)], DateFrom: from, DateTo: to,
			DatePrecision: prec, GeoPrecision: incidents.GeoExact, Status: status,
			Location: orb.Point{latticeLon(rng.IntN(20)), latticeLat(rng.IntN(20))}, SummaryEN: fmt.Sprint("incident ", i)}
		for j := range rng.IntN(3) {
			inc.Sources = append(inc.Sources, incidents.Source{Title: fmt.Sprint("report ", i, j),
				URL: fmt.Sprintf("https://example.org/%d/%d", i, j), Publisher: "Example"})
		}
		out[i] = inc
	}
	return out
}

// latticeFilter is a random Find filter over latticeIncidents: one box or
// two (touching, overlapping or apart, as a bbox across the antimeridian
// gives), edges on the lattice or between, periods, types, a cursor from
// page (or anywhere) and a limit.
func latticeFilter(rng *rand.Rand, page []incidents.Incident) incidents.Filter {
	f := incidents.Filter{Limit: 1 + rng.IntN(40)}
	edge := func(lattice func(int) float64) float64 {
		if rng.IntN(3) == 0 {
			return lattice(-2+rng.IntN(24)) + rng.Float64()/50
		}
		return lattice(-2 + rng.IntN(24))
	}
	for range 1 + rng.IntN(2) {
		lon0, lon1, lat0, lat1 := edge(latticeLon), edge(latticeLon), edge(latticeLat), edge(latticeLat)
		f.Bounds = append(f.Bounds, orb.Bound{Min: orb.Point{min(lon0, lon1), min(lat0, lat1)}, Max: orb.Point{max(lon0, lon1), max(lat0, lat1)}})
	}
	day := func() time.Time {
		t := time.Date(2012, 4, 25, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(50))
		if rng.IntN(4) == 0 { // an instant late in a day east of UTC: another date there
			t = t.Add(22 * time.Hour).In(time.FixedZone("EET", 3*3600))
		}
		return t
	}
	if rng.IntN(3) == 0 {
		f.Period.Start = day()
	}
	if rng.IntN(3) == 0 {
		f.Period.End = day()
		if !f.Period.Start.IsZero() && f.Period.End.Before(f.Period.Start) {
			f.Period.Start, f.Period.End = f.Period.End, f.Period.Start
		}
	}
	for range rng.IntN(3) {
		f.Types = append(f.Types, incidents.Types[rng.IntN(5)])
	}
	switch {
	case len(page) > 0 && rng.IntN(2) == 0:
		c := incidents.CursorOf(page[rng.IntN(len(page))])
		f.After = &c
	case rng.IntN(4) == 0:
		f.After = &incidents.Cursor{DateTo: day(), ID: int64(rng.IntN(700))}
	}
	return f
}

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
	if _, err := s.Add(ctx, latticeIncidents(rng, 700)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	var page []incidents.Incident
	answered := 0
	for i := range 3000 {
		f := latticeFilter(rng, page)
		got, ok, err := s.findIndexed(ctx, f)
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
	if _, err := s.Add(ctx, latticeIncidents(rng, 400)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	f := incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{latticeLon(3), latticeLat(2)}, Max: orb.Point{latticeLon(15), latticeLat(17)}}}, Limit: 7}
	seen := 0
	for pages := 0; ; pages++ {
		got, ok, err := s.findIndexed(ctx, f)
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
	if _, err := s.Add(ctx, latticeIncidents(rng, 100)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	f := incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{35, 34}, Max: orb.Point{38, 37}}}, Limit: 5}
	if _, ok, err := s.findIndexed(ctx, f); err != nil || !ok {
		t.Fatalf("fresh index: ok %v, err %v; want an answer", ok, err)
	}
	newest := latticeIncidents(rng, 1)[0]
	newest.Status, newest.DateFrom, newest.DateTo = incidents.StatusPublished, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	ids, err := s.Add(ctx, []incidents.Incident{newest})
	if err != nil {
		t.Fatal(err)
	}
	found, ok, err := s.findIndexed(ctx, f)
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
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	a, b := openAt(t, path), openAt(t, path)
	rng := rand.New(rand.NewPCG(13, 14))
	ids, err := b.Add(ctx, latticeIncidents(rng, 300))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	builds := a.builds.Load()
	check := func(what string) {
		t.Helper()
		for range 5 {
			f := latticeFilter(rng, nil)
			got, ok, err := a.findIndexed(ctx, f)
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
	}
	for step := range 40 {
		what := writeAtRandom(t, b, rng, &ids)
		check(fmt.Sprintf("step %d (%s by the other store)", step, what))
		if n := a.builds.Load() - builds; n != 0 {
			t.Fatalf("step %d (%s): the index was built %d times, want it caught up from the change log", step, what, n)
		}
	}
	seq := func(yield func(incidents.Incident, error) bool) {
		for _, inc := range latticeIncidents(rng, 20) {
			if !yield(inc, nil) {
				return
			}
		}
	}
	if _, err := b.Import(ctx, seq, nil); err != nil {
		t.Fatal(err)
	}
	check("a small import by the other store")
	if n := a.builds.Load() - builds; n != 0 {
		t.Fatalf("a small import: the index was built %d times, want it caught up", n)
	}
	big := func(yield func(incidents.Incident, error) bool) {
		for _, inc := range latticeIncidents(rng, logLimit+1) {
			if !yield(inc, nil) {
				return
			}
		}
	}
	if _, err := b.Import(ctx, big, nil); err != nil {
		t.Fatal(err)
	}
	check("an import too large to log")
	if n := a.builds.Load() - builds; n != 1 {
		t.Fatalf("an import of %d: the index was built %d times, want once", logLimit+1, n)
	}
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
