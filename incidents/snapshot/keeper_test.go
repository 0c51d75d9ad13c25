package snapshot

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/index"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// The keeper is held to storetest.Reference through a store kept in memory:
// its rows are a map, its change log a list, its SQL the reference's Find.
// What the keeper adds (which index it uses, when it catches up or builds,
// retrying a page when the data moved between its pick and its read,
// features missing from the store) must never change an answer.

// memRows is a store in memory, written by its own methods.
type memRows struct {
	mu        sync.Mutex
	version   int64
	all       map[int64]incidents.Incident // drafts too
	stored    map[int64][]byte             // stored features; an incident may have none
	log       []logged                     // changes after logSince
	since     int64
	nextID    int64
	fills     int
	sqlRuns   int
	sizeReads int // calls of FeatureBytes
	// beforeRead, when set, runs before each read of a page's features or
	// rows: another process writing between a pick and its read.
	beforeRead func()
}

type logged struct{ version, id int64 }

func newMemRows() *memRows {
	return &memRows{version: 1, all: map[int64]incidents.Incident{}, stored: map[int64][]byte{}, since: 1}
}

// put writes inc (new when its ID is 0), storing its feature unless bare.
func (m *memRows) put(inc incidents.Incident, bare bool) int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if inc.ID == 0 {
		m.nextID++
		inc.ID = m.nextID
	}
	m.version++
	m.all[inc.ID] = inc
	delete(m.stored, inc.ID)
	if !bare {
		enc, err := feature.EncodeAll([]incidents.Incident{inc})
		if err != nil {
			panic(err)
		}
		m.stored[inc.ID] = enc[0].JSON
	}
	m.log = append(m.log, logged{m.version, inc.ID})
	return inc.ID
}

func (m *memRows) remove(id int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.version++
	delete(m.all, id)
	delete(m.stored, id)
	m.log = append(m.log, logged{m.version, id})
}

// forget drops the change log, as a log trimmed after a large import.
func (m *memRows) forget() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.log, m.since = nil, m.version
}

// reference is what Find must answer: the published incidents.
func (m *memRows) reference() storetest.Reference { return m.held(incidents.StatusPublished) }

// held are the incidents of one status.
func (m *memRows) held(status incidents.Status) storetest.Reference {
	m.mu.Lock()
	defer m.mu.Unlock()
	ref := storetest.Reference{}
	for id, inc := range m.all {
		if inc.Status == status {
			ref[id] = inc
		}
	}
	return ref
}

func (m *memRows) Version(context.Context) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.version, nil
}

func (m *memRows) Points(context.Context) (int64, []index.Point, error) {
	ref := m.reference()
	v, _ := m.Version(context.Background())
	points := make([]index.Point, 0, len(ref))
	for _, inc := range ref {
		points = append(points, index.PointOf(inc))
	}
	return v, points, nil
}

func (m *memRows) Changes(_ context.Context, after int64, most int) (index.Changes, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := index.Changes{Version: m.version, Since: m.since}
	for _, l := range m.log {
		if l.version <= after || slices.Contains(c.Changed, l.id) {
			continue
		}
		if len(c.Changed) == most {
			c.More = true
			break
		}
		c.Changed = append(c.Changed, l.id)
		if inc, ok := m.all[l.id]; ok && inc.Status == incidents.StatusPublished {
			c.Now = append(c.Now, index.PointOf(inc))
		}
	}
	return c, nil
}

func (m *memRows) ReadByID(_ context.Context, ids []int64, version int64) ([]incidents.Incident, bool, error) {
	m.moveOn()
	m.mu.Lock()
	defer m.mu.Unlock()
	if version != m.version {
		return nil, false, nil
	}
	found := make([]incidents.Incident, len(ids))
	for i, id := range ids {
		inc, ok := m.all[id]
		if !ok {
			return nil, false, nil
		}
		found[i] = inc
	}
	return found, true, nil
}

func (m *memRows) ReadFeatures(_ context.Context, refs []feature.Ref, version int64, c *feature.Collector) (bool, error) {
	if len(refs) == 0 {
		return false, fmt.Errorf("ReadFeatures(%v): want at least one ref", refs)
	}
	m.moveOn()
	m.mu.Lock()
	defer m.mu.Unlock()
	if version != m.version {
		return false, nil
	}
	for _, r := range refs {
		inc, ok := m.all[r.ID]
		if ok && r != feature.RefOf(inc.ID, inc.Location.Lon(), inc.Location.Lat()) {
			return false, fmt.Errorf("ReadFeatures: ref %+v, want the place key of %v", r, inc.Location)
		}
		if js, ok := m.stored[r.ID]; ok {
			c.Add(r.ID, js)
		}
	}
	return true, nil
}

// ReadPatched finds nothing to patch: memRows marks no source stale, and
// what ReadFeatures did not find is not stored.
func (m *memRows) ReadPatched(_ context.Context, _ []feature.Ref, version int64, _ *feature.Collector) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return version == m.version, nil
}

func (m *memRows) FeatureBytes(_ context.Context, refs []feature.Ref) (map[int64]int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sizeReads++
	sizes := make(map[int64]int, len(refs))
	for _, r := range refs {
		if js, ok := m.stored[r.ID]; ok {
			sizes[r.ID] = len(js)
		}
	}
	return sizes, nil
}

func (m *memRows) moveOn() {
	m.mu.Lock()
	f := m.beforeRead
	m.mu.Unlock()
	if f != nil {
		f()
	}
}

func (m *memRows) StartFill() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fills++
}

func (m *memRows) PickBySQL(ctx context.Context, f incidents.Filter) ([]Pick, int64, error) {
	v, _ := m.Version(ctx)
	found, err := m.FindBySQL(ctx, f)
	picks := make([]Pick, len(found))
	for i, inc := range found {
		picks[i] = PickAt(incidents.CursorOf(inc), inc.Location.Lon(), inc.Location.Lat())
	}
	return picks, v, err
}

func (m *memRows) FindBySQL(_ context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	m.mu.Lock()
	m.sqlRuns++
	m.mu.Unlock()
	if f.Status == "" {
		f.Status = incidents.StatusPublished
	}
	return m.held(f.Status).Find(f), nil
}

// seed adds n of storetest's lattice incidents, a fifth of them without a
// stored feature.
func seed(m *memRows, rng *rand.Rand, n int) {
	for _, inc := range storetest.LatticeIncidents(rng, n) {
		m.put(inc, rng.IntN(5) == 0)
	}
}

// check holds Find, FindFeatures and Points of k for f to the reference.
func check(t *testing.T, k *Keeper, m *memRows, f incidents.Filter, what string) {
	t.Helper()
	ctx := context.Background()
	want := m.reference().Find(f)
	got, err := k.Find(ctx, f)
	if err != nil || len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: Find(%+v) = %v, %v\nwant %v", what, f, storetest.IDs(got), err, storetest.IDs(want))
	}
	page, err := k.FindFeatures(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	storetest.CheckFeatures(t, fmt.Sprintf("%s: FindFeatures(%+v)", what, f), page, want)
	points, ok, err := k.Points(ctx, f)
	if err != nil || !ok {
		t.Fatalf("%s: Points(%+v): %v, %v", what, f, ok, err)
	}
	storetest.CheckPoints(t, fmt.Sprintf("%s: Points(%+v)", what, f), points, want)
}

// TestKeeper_AgreesWithReference: pages from the index, their features
// (stored or encoded on the spot) and points agree with the reference
// after each of many writes the keeper learns of from the change log
// alone, without building the index again.
func TestKeeper_AgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	m := newMemRows()
	seed(m, rng, 500)
	k := New(m)
	if err := k.Preload(context.Background()); err != nil {
		t.Fatal(err)
	}
	var page []incidents.Incident
	for step := range 300 {
		switch ids := m.reference(); {
		case rng.IntN(3) == 0 && len(ids) > 0:
			for id := range ids { // any one
				m.remove(id)
				break
			}
		case rng.IntN(2) == 0:
			seed(m, rng, 1+rng.IntN(3))
		default:
			inc := storetest.LatticeIncidents(rng, 1)[0]
			inc.ID = 1 + rng.Int64N(m.nextID)
			m.put(inc, rng.IntN(5) == 0)
		}
		if err := k.Preload(context.Background()); err != nil { // as long as it takes
			t.Fatal(err)
		}
		f := storetest.LatticeFilter(rng, page)
		check(t, k, m, f, fmt.Sprint("step ", step))
		if found := m.reference().Find(f); len(found) > 0 {
			page = found
		}
	}
	if k.Builds() != 1 {
		t.Errorf("the index was built %d times; want once, then caught up from the change log", k.Builds())
	}
	if m.fills == 0 {
		t.Error("no missing feature started a fill: the test missed the encoding path")
	}
	if m.sqlRuns != 0 {
		t.Errorf("%d pages went to SQL; want all from the index", m.sqlRuns)
	}
	m.put(storetest.LatticeIncidents(rng, 1)[0], false)
	m.forget()
	m.put(storetest.LatticeIncidents(rng, 1)[0], false)
	check(t, k, m, incidents.Filter{Limit: 50}, "after the log was trimmed")
	if k.Builds() != 2 {
		t.Errorf("after the log was trimmed the index was built %d times in all; want twice", k.Builds())
	}
}

// TestKeeper_DataMovesBetweenPickAndRead: when another process writes
// between each pick and its read, the page is picked again at the new
// version, and after three tries read by SQL: never a page of an older
// version, never one mixing two.
func TestKeeper_DataMovesBetweenPickAndRead(t *testing.T) {
	for _, writes := range []int{1, 2, 10} {
		t.Run(fmt.Sprint(writes, " writes"), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(33, uint64(writes)))
			m := newMemRows()
			seed(m, rng, 300)
			k := New(m)
			if err := k.Preload(context.Background()); err != nil {
				t.Fatal(err)
			}
			left := writes
			m.beforeRead = func() {
				if left > 0 {
					left--
					m.put(storetest.LatticeIncidents(rng, 1)[0], false)
				}
			}
			f := incidents.Filter{Limit: 20}
			enc, err := k.FindFeatures(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			m.beforeRead = nil
			storetest.CheckFeatures(t, "FindFeatures", enc, m.reference().Find(f))
			if bySQL := m.sqlRuns > 0; bySQL != (writes > 2) {
				t.Errorf("%d writes between picks and reads: %d SQL runs", writes, m.sqlRuns)
			}
		})
	}
}

// TestKeeper_RefusedFiltersGoToSQL: a filter the index cannot answer
// (drafts) is answered by the store's SQL.
func TestKeeper_RefusedFiltersGoToSQL(t *testing.T) {
	m := newMemRows()
	seed(m, rand.New(rand.NewPCG(35, 36)), 50)
	k := New(m)
	f := incidents.Filter{Status: incidents.StatusDraft, Limit: 10}
	if _, ok, err := k.FindIndexed(context.Background(), f); ok || err != nil {
		t.Fatalf("FindIndexed of drafts: ok %v, %v; want it refused", ok, err)
	}
	page, err := k.FindFeatures(context.Background(), f)
	want := m.held(incidents.StatusDraft).Find(f)
	if err != nil || m.sqlRuns != 1 || len(page) != len(want) || len(want) == 0 {
		t.Fatalf("FindFeatures of drafts: %d, %v, %d SQL runs; want the %d drafts by one", len(page), err, m.sqlRuns, len(want))
	}
	for i := range page {
		if page[i].After != incidents.CursorOf(want[i]) {
			t.Fatalf("draft %d: %+v, want %+v", i, page[i].After, incidents.CursorOf(want[i]))
		}
	}
}

// TestKeeper_SizesReadOncePerVersion: a bounded page's sizes are read once
// for a data version and taken from the cache after; a write moves the
// version on, so a feature grown past the bound after the sizes were cached
// ends the next page before it, as a fresh read would.
func TestKeeper_SizesReadOncePerVersion(t *testing.T) {
	ctx := context.Background()
	m := newMemRows()
	rng := rand.New(rand.NewPCG(41, 42))
	for _, inc := range storetest.LatticeIncidents(rng, 40) {
		m.put(inc, false) // every feature stored: a bare one is counted, not cached
	}
	k := New(m)
	if err := k.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	f := incidents.Filter{Limit: 10}
	page, more, err := k.FindFeaturesWithin(ctx, f, 1<<20)
	if err != nil || more || len(page) != 10 {
		t.Fatalf("first page: %d features, more %v, err %v; want 10, false, nil", len(page), more, err)
	}
	reads := m.sizeReads
	if _, _, err := k.FindFeaturesWithin(ctx, f, 1<<20); err != nil {
		t.Fatal(err)
	}
	if m.sizeReads != reads {
		t.Errorf("the same page at the same version read its sizes again (%d reads, then %d)", reads, m.sizeReads)
	}
	// The page's third incident grows to more than the whole bound.
	inc := m.reference()[page[2].After.ID]
	inc.SummaryEN = strings.Repeat("x", 2<<20)
	m.put(inc, false)
	if _, err := k.Fresh(ctx); err != nil {
		t.Fatal(err)
	}
	page, more, err = k.FindFeaturesWithin(ctx, f, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if !more || len(page) != 2 {
		t.Errorf("after the third feature grew past the bound: %d features, more %v; want 2, true", len(page), more)
	}
}

// TestKeeper_SizeCacheBounded: an incident whose ID lies far beyond the
// number published (an import keeping another system's IDs) is counted
// but not cached, so the cache stays a few bytes an incident.
func TestKeeper_SizeCacheBounded(t *testing.T) {
	ctx := context.Background()
	m := newMemRows()
	rng := rand.New(rand.NewPCG(43, 44))
	for i, inc := range storetest.LatticeIncidents(rng, 20) {
		if i == 0 {
			inc.ID, inc.Status = 1<<40, incidents.StatusPublished
		}
		m.put(inc, false)
	}
	k := New(m)
	if err := k.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	page, _, err := k.FindFeaturesWithin(ctx, incidents.Filter{Limit: 20}, 1<<20)
	if err != nil || !slices.ContainsFunc(page, func(e feature.Encoded) bool { return e.After.ID == 1<<40 }) {
		t.Fatalf("page: %d features, err %v; want the incident of ID 2^40 among them", len(page), err)
	}
	if n := len(k.sizes.Load().sizes); int64(n) > cachedIDs(20) {
		t.Errorf("size cache holds %d entries for 20 incidents; want at most %d", n, cachedIDs(20))
	}
}

// TestKeeper_DataAlwaysMovingPageBounded: when writes land between each
// of the three picks and their reads, the page read by SQL is still ended
// at its bound on bytes, with more set, where it was read whole; paging on
// from its last incident serves every one once, in order.
func TestKeeper_DataAlwaysMovingPageBounded(t *testing.T) {
	ctx := context.Background()
	m := newMemRows()
	rng := rand.New(rand.NewPCG(45, 46))
	for i, inc := range storetest.LatticeIncidents(rng, 60) {
		if i%2 == 0 {
			inc.SummaryEN = strings.Repeat("a long summary ", 2000) // 30 KB
		}
		m.put(inc, false)
	}
	k := New(m)
	if err := k.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	m.beforeRead = func() { m.put(storetest.LatticeIncidents(rng, 1)[0], false) } // every read finds the data moved on
	const maxBytes = 100 << 10
	f := incidents.Filter{Limit: 50}
	page, more, err := k.FindFeaturesWithin(ctx, f, maxBytes)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for _, e := range page {
		n += len(e.JSON)
	}
	t.Logf("features: %d, %d bytes, more %v", len(page), n, more)
	if !more || len(page) == 0 || n > maxBytes+40<<10 {
		t.Errorf("a page read by SQL: %d features, %d bytes, more %v; want it ended at %d bytes, more set", len(page), n, more, maxBytes)
	}
	found, more, err := k.FindWithin(ctx, f, maxBytes)
	if err != nil {
		t.Fatal(err)
	}
	if !more || len(found) == 0 || len(found) >= 30 {
		t.Errorf("rows read by SQL: %d, more %v; want the page ended at %d bytes of features (some 20, not 50), more set", len(found), more, maxBytes)
	}
	// Paged on by its cursor, every incident of the start once (new ones land
	// among them).
	m.beforeRead = nil
	want := m.reference().Find(incidents.Filter{Limit: 1000})
	m.beforeRead = func() { m.put(storetest.LatticeIncidents(rng, 1)[0], false) }
	var got []int64
	g := incidents.Filter{Limit: 50}
	for range 100 {
		page, more, err := k.FindWithin(ctx, g, maxBytes)
		if err != nil {
			t.Fatal(err)
		}
		for _, inc := range page {
			got = append(got, inc.ID)
		}
		if !more && len(page) < g.Limit {
			break
		}
		c := incidents.CursorOf(page[len(page)-1])
		g.After = &c
	}
	seen := map[int64]int{}
	for _, id := range got {
		seen[id]++
	}
	for _, id := range storetest.IDs(want) {
		if seen[id] != 1 {
			t.Fatalf("paged by SQL while writes land: incident %d served %d times, want once (%d served)", id, seen[id], len(got))
		}
	}
}
