package feature

import (
	"bytes"
	"context"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestCollector_PageOrder: features kept in any order, some stored and some
// encoded, come out in the page's order, each with its cursor.
func TestCollector_PageOrder(t *testing.T) {
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	page := []incidents.Cursor{{DateTo: day, ID: 9}, {DateTo: day, ID: 4}, {DateTo: day.AddDate(0, 0, -1), ID: 12}}
	c := NewCollector(len(page))
	c.Add(12, []byte(`{"id":12}`))
	c.Add(9, []byte(`{"id":9}`))
	if got := c.Missing(page); len(got) != 1 || got[0] != 4 {
		t.Fatalf("Missing = %v, want [4]", got)
	}
	inc := incidents.Incident{ID: 4, Type: incidents.TypeArrest, DateFrom: day, DateTo: day, DatePrecision: incidents.DateDay,
		GeoPrecision: incidents.GeoExact, Status: incidents.StatusPublished}
	if err := c.Encode(inc); err != nil {
		t.Fatal(err)
	}
	want, err := AppendFeature(nil, inc)
	if err != nil {
		t.Fatal(err)
	}
	got := c.Page(page)
	for i, js := range [][]byte{[]byte(`{"id":9}`), want, []byte(`{"id":12}`)} {
		if !bytes.Equal(got[i].JSON, js) || got[i].After != page[i] {
			t.Fatalf("Page()[%d] = %s %+v, want %s %+v", i, got[i].JSON, got[i].After, js, page[i])
		}
	}
	if len(c.Missing(page)) != 0 {
		t.Fatal("a feature is still missing after Encode")
	}
}

// TestCollector_PageHoldsItsBytes: a page holds no memory but its list and
// its features' bytes (PageBytes), however they were kept: copied (Add,
// PostGIS's rows, into a buffer sized for 768 bytes a feature), encoded
// (Encode, a few features missing from a store: the same buffer for five),
// or kept where a store read them (Keep, within a buffer given to Hold, of
// which the page uses a part). Pages parked while sent are bounded by
// PageBytes, and held up to 46% more.
func TestCollector_PageHoldsItsBytes(t *testing.T) {
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	inc := incidents.Incident{Type: incidents.TypeArrest, DateFrom: day, DateTo: day, DatePrecision: incidents.DateDay,
		GeoPrecision: incidents.GeoTown, Status: incidents.StatusPublished}
	one, err := AppendFeature(nil, inc)
	if err != nil {
		t.Fatal(err)
	}
	heap := func() int64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return int64(m.HeapAlloc)
	}
	cursors := func(n int) []incidents.Cursor {
		page := make([]incidents.Cursor, n)
		for i := range page {
			page[i] = incidents.Cursor{DateTo: day, ID: int64(i + 1)}
		}
		return page
	}
	for _, tc := range []struct {
		name string
		n    int // features in the page
		keep func(c *Collector, page []incidents.Cursor)
	}{
		{"copied", 1000, func(c *Collector, page []incidents.Cursor) {
			for _, p := range page {
				c.Add(p.ID, one)
			}
		}},
		{"encoded", 5, func(c *Collector, page []incidents.Cursor) {
			for _, p := range page {
				inc.ID = p.ID
				if err := c.Encode(inc); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"a part of a store's buffer", 100, func(c *Collector, page []incidents.Cursor) {
			buf := bytes.Repeat(one, 1000)
			c.Hold(buf)
			for i, p := range page {
				c.Keep(p.ID, buf[i*len(one):(i+1)*len(one)])
			}
		}},
	} {
		page := cursors(tc.n)
		before := heap()
		var pages [][]Encoded
		var counted int64
		for range 50 {
			c := NewCollector(1000)
			tc.keep(c, page)
			p := c.Page(page)
			pages = append(pages, p)
			counted += PageBytes(p)
		}
		grown := heap() - before
		runtime.KeepAlive(pages)
		t.Logf("%s: 50 pages of %d features count %d bytes and hold %d", tc.name, tc.n, counted, grown)
		if grown > counted+counted/20+64<<10 {
			t.Errorf("%s: 50 pages of %d features count %d bytes and hold %d", tc.name, tc.n, counted, grown)
		}
		for i, e := range pages[0] {
			want := one
			if tc.name == "encoded" {
				inc.ID = page[i].ID
				want, _ = AppendFeature(nil, inc)
			}
			if !bytes.Equal(e.JSON, want) || e.After != page[i] {
				t.Fatalf("%s: feature %d is %q after %v", tc.name, i, e.JSON, e.After)
			}
		}
	}
}

// TestCollector_AddIntoLentBuffers: with a Lender in the context
// (BorrowFrom), Add copies features into buffers it lends, growing into
// more of them as a page's features outrun the first, and Page leaves them
// there (no copy of the page to trim it); without one, Add copies as before.
func TestCollector_AddIntoLentBuffers(t *testing.T) {
	ctx, l := WithLender(context.Background())
	rng := rand.New(rand.NewPCG(61, 62))
	for round, n := range []int{1000, 1000, 10, 3000} {
		page := make([]incidents.Cursor, n)
		c := NewCollector(n)
		c.BorrowFrom(ctx)
		for i := range page {
			page[i] = incidents.Cursor{ID: int64(i + 1)}
			// the second round's features are three times the first's: the
			// buffer sized from the first runs out and more are lent
			f := bytes.Repeat([]byte{byte('a' + i%26)}, 200+rng.IntN(400)+round%2*1200)
			c.Add(page[i].ID, f)
			clear(f) // Add copied it
		}
		got := c.Page(page)
		for i, e := range got {
			if len(e.JSON) == 0 || e.JSON[0] != byte('a'+i%26) || e.After != page[i] {
				t.Fatalf("round %d: feature %d is %.20q… after %v", round, i, e.JSON, e.After)
			}
			if !lentHolds(l, e.JSON) {
				t.Fatalf("round %d: feature %d does not lie in a lent buffer", round, i)
			}
		}
	}
	if len(l.lent) < 5 {
		t.Fatalf("%d buffers lent for four pages, one outrunning its first", len(l.lent))
	}

	// A country page of 10,000 (6.5 MB) and a feature larger than a piece:
	// every feature lies in a buffer the lender lent (and pools), none
	// above the largest pooled size unless one feature is.
	l.Return()
	c := NewCollector(10_000)
	c.BorrowFrom(ctx)
	page := make([]incidents.Cursor, 10_000)
	for i := range page {
		page[i] = incidents.Cursor{ID: int64(i + 1)}
		n := 500 + rng.IntN(300)
		if i == 5000 {
			n = 3 * lentPiece / 2
		}
		c.Add(page[i].ID, bytes.Repeat([]byte{byte('a' + i%26)}, n))
	}
	for i, e := range c.Page(page) {
		if e.JSON[0] != byte('a'+i%26) || !lentHolds(l, e.JSON) {
			t.Fatalf("country page: feature %d is %.20q…, lent: %v", i, e.JSON, lentHolds(l, e.JSON))
		}
	}
	for _, p := range l.lent {
		if cap(*p) > lentPiece+lendStep && cap(*p) < 3*lentPiece/2 {
			t.Fatalf("a buffer of %d bytes lent for a page of small features", cap(*p))
		}
	}
	l.Return()

	c = NewCollector(10)
	c.BorrowFrom(context.Background()) // no Lender: the page's own buffer
	c.Add(1, []byte(`{"a":1}`))
	if p := c.Page([]incidents.Cursor{{ID: 1}}); string(p[0].JSON) != `{"a":1}` || lentHolds(l, p[0].JSON) {
		t.Fatalf("without a lender: %q", p[0].JSON)
	}
}

// lentHolds tells whether b lies in one of the buffers l has lent.
func lentHolds(l *Lender, b []byte) bool {
	for _, p := range l.lent {
		buf := (*p)[:cap(*p)]
		start := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
		at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		if at >= start && at+uintptr(len(b)) <= start+uintptr(len(buf)) {
			return true
		}
	}
	return false
}

// TestCollector_Release: a released Collector's map is used again, empty,
// by the next Collector of its size, and the page it returned keeps its
// features.
func TestCollector_Release(t *testing.T) {
	for _, n := range []int{1, 1000, 1001, 10001} {
		c := NewCollector(n)
		page := make([]incidents.Cursor, n)
		for i := range page {
			page[i] = incidents.Cursor{ID: int64(i + 1)}
			c.Add(page[i].ID, []byte{byte('a' + i%26)})
		}
		got := c.Page(page)
		c.Release()
		c.Release() // twice is harmless
		for range 3 {
			next := NewCollector(n)
			if len(next.json) != 0 || next.Has(1) {
				t.Fatalf("n=%d: a new Collector holds %d features of a released one", n, len(next.json))
			}
			next.Add(7, []byte("x"))
			next.Release()
		}
		for i, e := range got {
			if len(e.JSON) != 1 || e.JSON[0] != byte('a'+i%26) {
				t.Fatalf("n=%d: feature %d of a page is %q after its Collector was released", n, i, e.JSON)
			}
		}
	}
	if mapClass(0) != 0 || mapClass(1) != 0 || mapClass(1000) != 10 || mapClass(1024) != 10 || mapClass(1025) != 11 {
		t.Fatalf("mapClass: %d %d %d %d %d", mapClass(0), mapClass(1), mapClass(1000), mapClass(1024), mapClass(1025))
	}
}

// TestCollector_PageListLent: under a Lender (ListFrom), a page's list is
// lent and, once given back, cleared and lent again to the next page of its
// size class; without one, the page's list is its own.
func TestCollector_PageListLent(t *testing.T) {
	ctx, l := WithLender(context.Background())
	read := func(ctx context.Context, n int) []Encoded {
		c := NewCollector(n)
		defer c.Release()
		c.ListFrom(ctx)
		page := make([]incidents.Cursor, n)
		for i := range page {
			page[i] = incidents.Cursor{ID: int64(i + 1)}
			c.Keep(page[i].ID, []byte(`{"n":1}`))
		}
		return c.Page(page)
	}
	first := read(ctx, 1001)
	if len(first) != 1001 || cap(first) != 1024 || len(l.lists) != 1 {
		t.Fatalf("lent list of %d, room for %d, %d lists lent", len(first), cap(first), len(l.lists))
	}
	if string(first[1000].JSON) != `{"n":1}` || first[1000].After.ID != 1001 {
		t.Fatalf("last feature %q after %v", first[1000].JSON, first[1000].After)
	}
	l.ReturnLists()
	if first[0].JSON != nil || first[1000].After.ID != 0 {
		t.Fatal("a list given back still holds its page")
	}
	if len(l.lists) != 0 {
		t.Fatalf("%d lists still lent", len(l.lists))
	}
	own := read(context.Background(), 1001)
	if cap(own) != 1001 {
		t.Fatalf("without a Lender, a list of room %d", cap(own))
	}
	l.Return()
}
