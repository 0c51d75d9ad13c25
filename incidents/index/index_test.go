package index

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// The index is held to reference: a plain filter and sort over a slice of
// incidents, comparing dates as text the way SQL does.

type reference = storetest.Reference

// count is Store.Aggregate over ref, as counts by cell and type.
func count(ref reference, f incidents.Filter, g incidents.Grid) map[[2]int]map[incidents.Type]int {
	out := map[[2]int]map[incidents.Type]int{}
	w, h := g.CellSize()
	m := storetest.MatcherOf(f)
	for _, inc := range ref {
		lon, lat := inc.Location.Lon(), inc.Location.Lat()
		if !m.Matches(inc) || lon < g.Bound.Min.Lon() || lon > g.Bound.Max.Lon() || lat < g.Bound.Min.Lat() || lat > g.Bound.Max.Lat() {
			continue
		}
		k := [2]int{min(int((lon-g.Bound.Min.Lon())/w), g.Cols-1), min(int((lat-g.Bound.Min.Lat())/h), g.Rows-1)}
		if out[k] == nil {
			out[k] = map[incidents.Type]int{}
		}
		out[k][inc.Type]++
	}
	return out
}

// randomIncident is a published incident of storetest's lattice.
func randomIncident(rng *rand.Rand, id int64) incidents.Incident {
	inc := storetest.LatticeIncidents(rng, 1)[0]
	inc.ID, inc.Status = id, incidents.StatusPublished
	return inc
}

// randomFilter is storetest's random filter, without boxes one time in
// four (the index then walks every point), asking for published incidents
// by default or by name.
func randomFilter(rng *rand.Rand, page []incidents.Incident) incidents.Filter {
	f := storetest.LatticeFilter(rng, page)
	if rng.IntN(4) == 0 {
		f.Bounds = nil
	}
	if rng.IntN(2) == 0 {
		f.Status = incidents.StatusPublished
	}
	return f
}

func build(ref reference, version int64) *Index {
	points := make([]Point, 0, len(ref))
	for _, inc := range ref {
		points = append(points, PointOf(inc))
	}
	return Build(version, points)
}

// checkFind holds ix's page for f, by both of its strategies and by the
// one it chooses, to ref's.
func checkFind(t *testing.T, ix *Index, ref reference, f incidents.Filter) []incidents.Incident {
	t.Helper()
	want := ref.Find(f)
	got, ok := ix.Find(f)
	if !ok {
		t.Fatalf("Find(%+v) refused", f)
	}
	q, _ := queryOf(f, ix.maxSpan)
	byCells := ix.merge(nil, &q, ix.grid.cellRuns(q.bounds))
	for name, page := range map[string][]Point{"chosen": got, "walk": ix.merge(nil, &q, []run{ix.walk()}), "cells": byCells} {
		ids := make([]int64, len(page))
		for i, p := range page {
			ids[i] = p.ID
			if p != PointOf(ref[p.ID]) {
				t.Fatalf("%s: Find(%+v)[%d] = %+v, want %+v", name, f, i, p, PointOf(ref[p.ID]))
			}
		}
		wantIDs := make([]int64, len(want))
		for i, inc := range want {
			wantIDs[i] = inc.ID
		}
		if !slices.Equal(ids, wantIDs) {
			t.Fatalf("%s: Find(%+v) = %v, want %v", name, f, ids, wantIDs)
		}
	}
	return want
}

// checkCount holds ix's counts of f on a random grid to ref's.
func checkCount(t *testing.T, rng *rand.Rand, ix *Index, ref reference, f incidents.Filter) {
	t.Helper()
	g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{storetest.LatticeLon(rng.IntN(10)), storetest.LatticeLat(rng.IntN(10))},
		Max: orb.Point{storetest.LatticeLon(10 + rng.IntN(12)), storetest.LatticeLat(10 + rng.IntN(12))}}, Cols: 1 + rng.IntN(6), Rows: 1 + rng.IntN(6)}
	cells, ok := ix.Count(f, g)
	if !ok {
		t.Fatalf("Count(%+v) refused", f)
	}
	got := map[[2]int]map[incidents.Type]int{}
	for _, c := range cells {
		got[[2]int{c.Col, c.Row}] = c.Types
		n := 0
		for _, k := range c.Types {
			n += k
		}
		if n != c.Count {
			t.Fatalf("Count(%+v): cell %d,%d counts %d, its types %d", f, c.Col, c.Row, c.Count, n)
		}
	}
	if want := count(ref, f, g); !reflect.DeepEqual(got, want) {
		t.Fatalf("Count(%+v) on %+v =\n%v\nwant\n%v", f, g, got, want)
	}
}

// TestIndex_AgreesWithReference runs random filters on a built index.
func TestIndex_AgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ref := reference{}
	for id := range int64(900) {
		ref[id+1] = randomIncident(rng, id+1)
	}
	ix := build(ref, 1)
	var page []incidents.Incident
	for range 2000 {
		f := randomFilter(rng, page)
		if got := checkFind(t, ix, ref, f); len(got) > 0 {
			page = got
		}
		checkCount(t, rng, ix, ref, f)
	}
}

// TestIndex_FollowsChanges applies random batches of changes (new
// incidents, deletions, moves, new dates and types, longer date ranges,
// incidents no longer published) and after each holds the index, which is
// never rebuilt, to the reference.
func TestIndex_FollowsChanges(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ref := reference{}
	for id := range int64(400) {
		ref[id+1] = randomIncident(rng, id+1)
	}
	ix, nextID := build(ref, 1), int64(401)
	for step := range 300 {
		var changed []int64
		for range 1 + rng.IntN(4) {
			id := int64(1 + rng.IntN(int(nextID)-1))
			switch rng.IntN(4) {
			case 0: // a new incident
				id, nextID = nextID, nextID+1
				ref[id] = randomIncident(rng, id)
			case 1: // deleted, or drafted again
				delete(ref, id)
			default: // moved, redated, retyped, republished
				inc := randomIncident(rng, id)
				if rng.IntN(4) == 0 {
					inc.DateTo = inc.DateFrom.AddDate(0, 0, 40+rng.IntN(100)) // longer than any built
				}
				ref[id] = inc
			}
			changed = append(changed, id)
		}
		var now []Point
		for _, id := range changed {
			if inc, ok := ref[id]; ok {
				now = append(now, PointOf(inc))
			}
		}
		next, ok := ix.Apply(ix.Version()+1, changed, now)
		if !ok {
			t.Fatalf("step %d: Apply refused %d changes", step, len(changed))
		}
		if rng.IntN(3) == 0 { // the same changes again: a reload racing a write
			if next, ok = next.Apply(next.Version(), changed, now); !ok {
				t.Fatal("Apply refused changes applied twice")
			}
		}
		ix = next
		if ix.Len() != len(ref) {
			t.Fatalf("step %d: Len %d, want %d", step, ix.Len(), len(ref))
		}
		for range 5 {
			f := randomFilter(rng, nil)
			checkFind(t, ix, ref, f)
			checkCount(t, rng, ix, ref, f)
		}
	}
	if len(ix.added) == 0 || ix.goneCount() == 0 {
		t.Fatal("no change reached the index: the test tests nothing")
	}
}

// TestIndex_PagesToTheEnd pages through boxes and the whole map with
// cursors, both strategies, to the last incident.
func TestIndex_PagesToTheEnd(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ref := reference{}
	for id := range int64(500) {
		ref[id+1] = randomIncident(rng, id+1)
	}
	ix := build(ref, 1)
	for _, bounds := range [][]orb.Bound{nil, {{Min: orb.Point{storetest.LatticeLon(3), storetest.LatticeLat(2)}, Max: orb.Point{storetest.LatticeLon(15), storetest.LatticeLat(17)}}}} {
		f := incidents.Filter{Bounds: bounds, Limit: 7}
		seen := 0
		for {
			page := checkFind(t, ix, ref, f)
			if len(page) == 0 {
				break
			}
			seen += len(page)
			c := incidents.CursorOf(page[len(page)-1])
			f.After = &c
		}
		if want := len(ref.Find(incidents.Filter{Bounds: bounds, Limit: 1 << 30})); seen != want || seen == 0 {
			t.Fatalf("bounds %v: paged through %d incidents, want %d", bounds, seen, want)
		}
	}
}

// TestIndex_RefusesWhatNeedsSQL: drafts, a governorate, a source, and
// every other field of incidents.Filter the index does not know, including
// fields added after it was written, go to SQL.
func TestIndex_RefusesWhatNeedsSQL(t *testing.T) {
	ix := build(reference{1: randomIncident(rand.New(rand.NewPCG(7, 8)), 1)}, 1)
	g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{35, 34}, Max: orb.Point{38, 37}}, Cols: 2, Rows: 2}
	known := map[string]bool{"Bounds": true, "Period": true, "Types": true, "Status": true, "Limit": true, "After": true}
	refuse := func(name string, f incidents.Filter) {
		t.Helper()
		f.Limit = 10
		if _, ok := ix.Find(f); ok {
			t.Errorf("Find answered a filter with %s: %+v", name, f)
		}
		if _, ok := ix.Count(f, g); ok {
			t.Errorf("Count answered a filter with %s: %+v", name, f)
		}
	}
	refuse("drafts", incidents.Filter{Status: incidents.StatusDraft})
	refuse("an unknown type", incidents.Filter{Types: []incidents.Type{"parade"}})
	if _, ok := ix.Find(incidents.Filter{After: &incidents.Cursor{ID: 5}, Limit: 10}); ok {
		t.Error("Find answered a filter with an undated cursor, which only a draft has")
	}
	refuse("a period in year 0", incidents.Filter{Period: incidents.Until(time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC))})
	ft := reflect.TypeOf(incidents.Filter{})
	for i := range ft.NumField() {
		field := ft.Field(i)
		if known[field.Name] {
			continue
		}
		var f incidents.Filter
		v := reflect.ValueOf(&f).Elem().Field(i)
		if !setNonZero(v) {
			t.Fatalf("cannot set incidents.Filter.%s (%s) in this test: teach setNonZero its kind", field.Name, field.Type)
		}
		refuse(field.Name, f)
	}
	if _, ok := ix.Find(incidents.Filter{Limit: 10, Status: incidents.StatusPublished}); !ok {
		t.Error("Find refused a plain published page")
	}
}

// setNonZero gives v some value other than its zero.
func setNonZero(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Interface:
		if v.Type() != reflect.TypeFor[cql2.Expr]() {
			return false
		}
		v.Set(reflect.ValueOf(cql2.Bool{Value: true}))
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Field(i).CanSet() && setNonZero(v.Field(i)) {
				return true
			}
		}
		return false
	default:
		return false
	}
	return true
}

// TestLive_KeepsTheNewest: an older index offered late does not replace a
// newer one.
func TestLive_KeepsTheNewest(t *testing.T) {
	var l Live
	old, newer := Build(3, nil), Build(5, nil)
	if !l.Offer(newer) || l.Offer(old) || l.Load() != newer {
		t.Fatalf("Live holds version %d, want 5", l.Load().Version())
	}
}

// TestLive_OneRefreshAtATime: while a refresh runs, Begin names no other
// leader and every caller waits for the one refresh, whose index it then
// finds.
func TestLive_OneRefreshAtATime(t *testing.T) {
	var l Live
	done, lead := l.Begin()
	if !lead {
		t.Fatal("the first Begin did not lead")
	}
	for range 3 {
		if d, lead := l.Begin(); lead || d != done {
			t.Fatal("a second refresh started while one was under way")
		}
	}
	l.End(Build(7, nil), nil)
	<-done
	if l.Load().Version() != 7 || l.Err() != nil || l.Refreshes() != 1 {
		t.Fatalf("after the refresh: version %d, err %v, %d refreshes", l.Load().Version(), l.Err(), l.Refreshes())
	}
	if _, lead := l.Begin(); !lead {
		t.Fatal("no refresh could start after the first ended")
	}
}

func ExampleIndex_Find() {
	ix := Build(1, []Point{
		{Lon: 36.2, Lat: 33.5, ID: 1, DayFrom: Day(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)), DayTo: Day(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))},
		{Lon: 36.3, Lat: 33.5, ID: 2, DayFrom: Day(time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)), DayTo: Day(time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC))},
		{Lon: 40.1, Lat: 35.3, ID: 3, DayFrom: Day(time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC)), DayTo: Day(time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC))},
	})
	page, _ := ix.Find(incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{36, 33}, Max: orb.Point{37, 34}}}, Limit: 10})
	for _, p := range page {
		fmt.Println(p.ID, p.Cursor().DateTo.Format(incidents.DateLayout))
	}
	// Output:
	// 2 2024-03-02
	// 1 2024-03-01
}

// TestFindAppend_ReusesItsLists: a page picked into a list with room for
// it allocates nothing, its cells, runs and heads kept from the page
// before, and is the page Find returns.
func TestFindAppend_ReusesItsLists(t *testing.T) {
	ix := benchIndex(50_000)
	for _, f := range []incidents.Filter{
		{Bounds: box(36.7, 35.9, 1), Limit: 1000},
		{Bounds: box(38.95, 34.85, 6.9), Limit: 10000},
		{Limit: 1000},
	} {
		want, _ := ix.Find(f)
		buf := make([]Point, 0, f.Limit)
		got, ok := ix.FindAppend(buf, f)
		if !ok || !slices.Equal(got, want) {
			t.Fatalf("FindAppend(%v): %d points, Find %d", f.Bounds, len(got), len(want))
		}
		if raceEnabled {
			continue // the pools drop what they keep at random under the race detector
		}
		if n := testing.AllocsPerRun(50, func() { ix.FindAppend(buf[:0], f) }); n > 0 {
			t.Errorf("FindAppend(%v) allocated %.1f times a page", f.Bounds, n)
		}
	}
}
