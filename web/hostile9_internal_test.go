package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// addIncidents adds n published incidents with two summaries of text bytes
// each, and builds the index.
func addIncidents(t *testing.T, store incidentStore, n, text int) {
	t.Helper()
	ctx := context.Background()
	summary := strings.Repeat("Shelling hit the farms east of the town. ", text/41+1)[:text]
	day := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)
	incs := make([]incidents.Incident, n)
	for i := range incs {
		incs[i] = incidents.Incident{Type: incidents.TypeShelling, DateFrom: day, DateTo: day, DatePrecision: incidents.DateDay,
			Location: orb.Point{36.2, 33.5}, GeoPrecision: incidents.GeoTown, Status: incidents.StatusPublished,
			SummaryEN: summary, SummaryAR: summary}
	}
	if _, err := store.Add(ctx, incs); err != nil {
		t.Fatal(err)
	}
	if _, err := findFeatures(ctx, store, incidents.Filter{Limit: 1}); err != nil { // the index built
		t.Fatal(err)
	}
}

// heldOver holds 20 pages made by page, each returning what it counts, and
// fails when they hold more of the heap than they count (by 3% and 256 KiB).
func heldOver(t *testing.T, what string, page func() (any, int64)) {
	t.Helper()
	before := liveHeap()
	var pages []any
	var counted int64
	for range 20 {
		p, n := page()
		pages = append(pages, p)
		counted += n
	}
	grown := int64(liveHeap()) - int64(before)
	runtime.KeepAlive(pages)
	t.Logf("%s: 20 pages counted %d bytes and hold %d (%.2f)", what, counted, grown, float64(grown)/float64(counted))
	if grown > counted+counted/33+256<<10 {
		t.Errorf("%s: 20 pages parked as %d bytes hold %d of the heap: parkedBytes does not bound them", what, counted, grown)
	}
}

// TestParked_PagesCountedByWhatTheyHold: pages held while they are sent
// are bounded by parkedBytes, counted as the memory they hold. They were
// counted by their features' bytes: the list of a page's features, the
// buffer a PostGIS page was copied into (sized for features of 768
// bytes), a pooled buffer grown for an earlier page and the incidents of a
// CSV export (1 KiB each, whatever their summaries) held more than that,
// and 1,000 clients of an export reading nothing held 301 MB of pages
// within the 256 MiB bound (round 8).
func TestParked_PagesCountedByWhatTheyHold(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		ctx := context.Background()
		addIncidents(t, store, exportPage, 40)
		read := func(csv bool) exportPageData {
			var p exportPageData
			var err error
			if csv {
				p.found, err = store.Find(ctx, incidents.Filter{Limit: exportPage})
			} else {
				p.features, err = findFeatures(ctx, store, incidents.Filter{Limit: exportPage})
			}
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		heldOver(t, "export, GeoJSON", func() (any, int64) { p := read(false); return p, p.bytes() })
		listing := func() (any, int64) {
			p := newPageBuffer(httptest.NewRecorder())
			r := httptest.NewRequest(http.MethodGet, "/api/collections/incidents/items", nil)
			writeFeatures(p, r, read(false).features, "self", "")
			return p, p.held()
		}
		heldOver(t, "listing", listing)

		// A pooled buffer grown by an earlier page of 3 MB is held whole by
		// the page given it.
		for range 10 {
			big := newPageBuffer(httptest.NewRecorder())
			big.Write(make([]byte, 3<<20))
			big.send(func() {})
			p := newPageBuffer(httptest.NewRecorder())
			if c := p.buf.Cap(); c > 0 && p.held() < int64(c) {
				t.Errorf("a page given a pooled buffer of %d bytes counts %d", c, p.held())
			}
			p.send(func() {})
		}

		// Incidents of long summaries, as a CSV export reads them.
		addIncidents(t, store, exportPage, 8<<10)
		heldOver(t, "export, CSV", func() (any, int64) { p := read(true); return p, p.bytes() })
	})
}
