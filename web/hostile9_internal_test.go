package web

import (
	"context"
	"io"
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

// TestWrites_CRS: a body's GeoJSON 2008 "crs" member (on the feature or its
// geometry) and a Content-Crs header are read only when they name CRS84,
// longitude first; EPSG:4326 (latitude first in the OGC's axis order) and
// any other CRS are a 400 naming them, and nothing is stored. Both were
// ignored: a feature said to be in urn:ogc:def:crs:EPSG::4326 was stored
// with its latitude read as longitude. On both stores.
func TestWrites_CRS(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		const token = editorToken
		srv := editorServer(t, store)
		send := func(method, url, ct, body string, header map[string]string) (int, string, string) {
			req, _ := http.NewRequest(method, url, strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", ct)
			for k, v := range header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b), resp.Header.Get("Location")
		}
		items := srv.URL + "/api/collections/drafts/items"
		code, body, item := send("POST", items, "application/geo+json", newFeature9, nil)
		if code != http.StatusCreated {
			t.Fatalf("POST = %d %s", code, body)
		}
		count := func() int {
			found, err := store.Find(context.Background(), incidents.Filter{Status: incidents.StatusDraft, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			return len(found)
		}
		before := count()
		epsg := `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4326"}}`
		onFeature := strings.Replace(newFeature9, `"type":"Feature",`, `"type":"Feature","crs":`+epsg+`,`, 1)
		onGeometry := strings.Replace(newFeature9, `"type":"Point",`, `"type":"Point","crs":`+epsg+`,`, 1)
		for _, tc := range []struct {
			method, url, ct, body string
			header                map[string]string
			want                  string
		}{
			{"POST", items, "application/geo+json", onFeature, nil, "crs: "},
			{"POST", items, "application/geo+json", onGeometry, nil, "crs: "},
			{"PUT", item, "application/geo+json", onFeature, nil, "crs: "},
			{"PATCH", item, "application/merge-patch+json", `{"crs":` + epsg + `}`, nil, "crs: "},
			{"PATCH", item, "application/merge-patch+json", `{"geometry":{"type":"Point","coordinates":[36.2,37.16],"crs":` + epsg + `}}`, nil, "crs: "},
			{"POST", items, "application/geo+json", newFeature9, map[string]string{"Content-Crs": "<http://www.opengis.net/def/crs/EPSG/0/4326>"}, "Content-Crs: "},
			{"PUT", item, "application/geo+json", newFeature9, map[string]string{"Content-Crs": "<http://www.opengis.net/def/crs/EPSG/0/3857>"}, "Content-Crs: "},
			{"PATCH", item, "application/merge-patch+json", `{"properties":{"killed":2}}`, map[string]string{"Content-Crs": "EPSG:4326"}, "Content-Crs: "},
		} {
			code, body, _ := send(tc.method, tc.url, tc.ct, tc.body, tc.header)
			if code != http.StatusBadRequest || !strings.Contains(body, tc.want) {
				t.Errorf("%s %s %v = %d %s; want a 400 naming %q", tc.method, tc.body, tc.header, code, body, tc.want)
			}
		}
		if after := count(); after != before {
			t.Errorf("refused writes changed the store: %d incidents, was %d", after, before)
		}
		code, body, _ = send("GET", item, "", "", nil)
		if !strings.Contains(body, "[36.8,35.87]") {
			t.Errorf("after refused writes the draft is %d %s; want it at [36.8,35.87]", code, body)
		}
		crs84 := `{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}}`
		ok := strings.Replace(newFeature9, `"type":"Feature",`, `"type":"Feature","crs":`+crs84+`,`, 1)
		code, body, _ = send("POST", items, "application/geo+json", ok,
			map[string]string{"Content-Crs": "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"})
		if code != http.StatusCreated || !strings.Contains(body, "[36.8,35.87]") {
			t.Errorf("POST in CRS84 = %d %s; want 201 at [36.8,35.87]", code, body)
		}
	})
}

const newFeature9 = `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.8,35.87]},"properties":{
	"incident_type":"shelling","date_from":"2025-12-03","date_to":"2025-12-03","date_precision":"day",
	"geo_precision":"town","place_name_en":"Saraqib","admin1_pcode":"SY07","killed":1,"summary_en":"written for a test"}}`
