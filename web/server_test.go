package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv"
	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/web"
)

// seed returns the shipped seed incidents as decoded from data/.
func seed(tb testing.TB) []incidents.Incident {
	tb.Helper()
	var out []incidents.Incident
	for inc, err := range feature.Decode(bytes.NewReader(mapsrv.SeedIncidents), incidents.StatusPublished) {
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, inc)
	}
	return out
}

// newTestServer serves a real SQLite store holding the seed and one draft.
func newTestServer(tb testing.TB) (*httptest.Server, *sqlite.Store) {
	tb.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "web.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	draft := seed(tb)[0]
	draft.Status, draft.SummaryEN = incidents.StatusDraft, "a draft nobody reviewed"
	if _, err := store.Add(context.Background(), append(seed(tb), draft)); err != nil {
		tb.Fatal(err)
	}
	tokens, err := web.ParseTokens("editor:" + editorToken + ",ingest:" + ingestToken)
	if err != nil {
		tb.Fatal(err)
	}
	places := testPlaces(tb)
	srv := httptest.NewServer(web.NewServer(web.Config{Store: store, Places: places,
		Extractor: extract.New(places.(*gazetteer.Gazetteer)), Tokens: tokens, MaxBody: 64 << 10}))
	tb.Cleanup(srv.Close)
	return srv, store
}

type featureCollection struct {
	Type     string `json:"type"`
	Features []struct {
		ID         int64                           `json:"id"`
		Geometry   struct{ Coordinates []float64 } `json:"geometry"`
		Properties feature.Properties              `json:"properties"`
	} `json:"features"`
	NumberReturned int                          `json:"numberReturned"`
	Links          []struct{ Href, Rel string } `json:"links"`
}

func getJSON(tb testing.TB, rawURL string, wantStatus int, v any) http.Header {
	tb.Helper()
	resp, err := http.Get(rawURL)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		tb.Fatalf("GET %s = %d %s, want %d", rawURL, resp.StatusCode, body, wantStatus)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			tb.Fatalf("GET %s: %v in %s", rawURL, err, body)
		}
	}
	return resp.Header
}

func TestItems_Filters(t *testing.T) {
	srv, _ := newTestServer(t)
	all := seed(t)
	inIdlibBox := func(inc incidents.Incident) bool {
		lon, lat := inc.Location.Lon(), inc.Location.Lat()
		return lon >= 36.3 && lon <= 37.0 && lat >= 35.6 && lat <= 36.4
	}
	overlaps := func(from, to string) func(incidents.Incident) bool {
		return func(inc incidents.Incident) bool {
			return inc.DateTo.Format(incidents.DateLayout) >= from && inc.DateFrom.Format(incidents.DateLayout) <= to
		}
	}
	tests := map[string]struct {
		query string
		match func(incidents.Incident) bool
	}{
		"everything":  {"", func(incidents.Incident) bool { return true }},
		"bbox":        {"bbox=36.3,35.6,37.0,36.4", inIdlibBox},
		"a day":       {"datetime=2025-12-02", overlaps("2025-12-02", "2025-12-02")},
		"an interval": {"datetime=2025-11-24/2025-11-25", overlaps("2025-11-24", "2025-11-25")},
		"open start":  {"datetime=../2025-07-01", overlaps("0000-01-01", "2025-07-01")},
		"an instant":  {"datetime=2025-06-22T10:00:00Z", overlaps("2025-06-22", "2025-06-22")},
		"one type":    {"incident_type=bombing", func(i incidents.Incident) bool { return i.Type == incidents.TypeBombing }},
		"types":       {"incident_type=airstrike,armed_attack", func(i incidents.Incident) bool { return i.Type == "airstrike" || i.Type == "armed_attack" }},
		"governorate": {"admin1_pcode=SY07", func(i incidents.Incident) bool { return i.Admin1PCode == "SY07" }},
		"bbox, date, type": {"bbox=36.3,35.6,37.0,36.4&datetime=2025-12-01/..&incident_type=arrest", func(i incidents.Incident) bool {
			return inIdlibBox(i) && overlaps("2025-12-01", "9999-12-31")(i) && i.Type == "arrest"
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var fc featureCollection
			getJSON(t, srv.URL+"/api/collections/incidents/items?"+tc.query, http.StatusOK, &fc)
			var want []string
			for _, inc := range all {
				if tc.match(inc) {
					want = append(want, inc.PlaceNameEN)
				}
			}
			var got []string
			for _, f := range fc.Features {
				got = append(got, f.Properties.PlaceNameEN)
				if f.Properties.Status != "published" {
					t.Errorf("feature %d has status %q: only published incidents are served", f.ID, f.Properties.Status)
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) || fc.NumberReturned != len(want) {
				t.Errorf("got %d %v, want %v", fc.NumberReturned, got, want)
			}
			if len(want) == 0 {
				t.Errorf("test case selects nothing: it proves nothing")
			}
		})
	}
}

func TestItems_Paging(t *testing.T) {
	srv, _ := newTestServer(t)
	seen := map[int64]bool{}
	next := srv.URL + "/api/collections/incidents/items?limit=2"
	pages := 0
	for next != "" && pages < 20 {
		var fc featureCollection
		getJSON(t, next, http.StatusOK, &fc)
		pages++
		next = ""
		for _, l := range fc.Links {
			if l.Rel == "next" {
				next = l.Href
			}
		}
		for _, f := range fc.Features {
			if seen[f.ID] {
				t.Errorf("feature %d served twice", f.ID)
			}
			seen[f.ID] = true
		}
	}
	if want := len(seed(t)); len(seen) != want || pages != (want+1)/2 {
		t.Errorf("paging by 2 gave %d features in %d pages, want %d in %d", len(seen), pages, want, (want+1)/2)
	}
}

func TestItems_BadInput(t *testing.T) {
	srv, store := newTestServer(t)
	before, _ := store.Count(context.Background())
	tests := map[string]string{
		"bbox=1,2,3":                     "bbox",
		"bbox=a,b,c,d":                   "bbox",
		"bbox=0,10,1,5":                  "bbox",
		"bbox=0,0,1,NaN":                 "bbox",
		"bbox=0,0,1,95":                  "bbox",
		"datetime=yesterday":             "datetime",
		"datetime=2025-12-10/2025-12-01": "datetime",
		"datetime=/":                     "datetime",
		"limit=0":                        "limit",
		"limit=ten":                      "limit",
		"incident_type=riot":             "incident_type",
		"admin1_pcode=SY15":              "admin1_pcode",
		"cursor=garbage!":                "cursor",
		"colour=red":                     "colour",
		"bbox-crs=EPSG:3857":             "bbox-crs",
		"limit=5&limit=6":                "limit",
	}
	for query, param := range tests {
		t.Run(query, func(t *testing.T) {
			resp, err := http.Get(srv.URL + "/api/collections/incidents/items?" + query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var p struct {
				Status int
				Detail string
			}
			json.NewDecoder(resp.Body).Decode(&p)
			if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Content-Type") != "application/problem+json" ||
				p.Status != 400 || !strings.Contains(p.Detail, param) {
				t.Errorf("GET ?%s = %d %q %+v, want a 400 problem naming %q", query, resp.StatusCode, resp.Header.Get("Content-Type"), p, param)
			}
		})
	}
	if after, _ := store.Count(context.Background()); after != before {
		t.Errorf("bad requests changed the store: %d incidents, was %d", after, before)
	}
}

func TestItems_LimitClamped(t *testing.T) {
	srv, _ := newTestServer(t)
	var fc featureCollection
	getJSON(t, srv.URL+"/api/collections/incidents/items?limit=1000000", http.StatusOK, &fc)
	if fc.NumberReturned != len(seed(t)) {
		t.Errorf("limit above the maximum: %d features, want all %d", fc.NumberReturned, len(seed(t)))
	}
}

// TestItems_LargePagesQueue: more of the largest pages at once than the
// budget of features in flight holds all get answered, and one whose client
// gives up while it waits does not keep the others waiting.
func TestItems_LargePagesQueue(t *testing.T) {
	srv, _ := newTestServer(t)
	url := srv.URL + "/api/collections/incidents/items?limit=10000"
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil); err == nil {
		http.DefaultClient.Do(req) // gives up at once
	}
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodGet, url, nil)
			req.Header.Set("Cache-Control", "no-cache")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var fc featureCollection
			if err := json.NewDecoder(resp.Body).Decode(&fc); err != nil || resp.StatusCode != http.StatusOK || fc.NumberReturned != len(seed(t)) {
				errs <- fmt.Errorf("page %d: status %d, %d features, %v", i, resp.StatusCode, fc.NumberReturned, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestItem(t *testing.T) {
	srv, store := newTestServer(t)
	var fc featureCollection
	getJSON(t, srv.URL+"/api/collections/incidents/items?incident_type=bombing", http.StatusOK, &fc)
	if len(fc.Features) != 1 {
		t.Fatalf("want one bombing, got %d", len(fc.Features))
	}
	id := fc.Features[0].ID
	var one struct {
		ID         int64
		Properties feature.Properties
	}
	h := getJSON(t, srv.URL+"/api/collections/incidents/items/"+itoa(id), http.StatusOK, &one)
	if one.ID != id || one.Properties.Killed == nil || *one.Properties.Killed != 22 || h.Get("Content-Type") != "application/geo+json" {
		t.Errorf("item %d = %+v (%s)", id, one, h.Get("Content-Type"))
	}
	drafts, _ := store.Find(context.Background(), incidents.Filter{Status: incidents.StatusDraft})
	getJSON(t, srv.URL+"/api/collections/incidents/items/"+itoa(drafts[0].ID), http.StatusNotFound, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items/99999", http.StatusNotFound, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items/abc", http.StatusNotFound, nil)
}

func itoa(n int64) string { return strings.TrimSpace(string(must(json.Marshal(n)))) }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestItems_ETag(t *testing.T) {
	srv, store := newTestServer(t)
	u := srv.URL + "/api/collections/incidents/items?bbox=35,32,43,38"
	etag := getJSON(t, u, http.StatusOK, nil).Get("ETag")
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("If-None-Match", etag)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if etag == "" || resp.StatusCode != http.StatusNotModified {
		t.Fatalf("If-None-Match %q = %d, want 304", etag, resp.StatusCode)
	}
	// A client holding several copies sends their tags as a list (RFC 9110
	// 13.1.2), from the response cache or not.
	for _, fresh := range []string{"", "no-cache"} {
		list, _ := http.NewRequest(http.MethodGet, u, nil)
		list.Header.Set("If-None-Match", `"some-other-copy", `+etag)
		list.Header.Set("Cache-Control", fresh)
		resp, err := http.DefaultClient.Do(list)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match listing %q (Cache-Control %q) = %d, want 304", etag, fresh, resp.StatusCode)
		}
	}
	store.Add(context.Background(), seed(t)[:1])
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("after a write, the old ETag gave %d, want 200", resp.StatusCode)
	}
}

func TestItems_CSV(t *testing.T) {
	srv, _ := newTestServer(t)
	resp, err := http.Get(srv.URL + "/api/collections/incidents/items?f=csv&incident_type=arrest")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	arrests := 0
	for _, inc := range seed(t) {
		if inc.Type == incidents.TypeArrest {
			arrests++
		}
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || len(lines) != arrests+1 || !strings.HasPrefix(lines[0], "id,incident_type,") {
		t.Errorf("CSV = %s %q, want a header and %d rows", resp.Header.Get("Content-Type"), body, arrests)
	}
}

// TestItems_CSVPaging follows the Link header's next page of a CSV download
// until every incident has come once.
func TestItems_CSVPaging(t *testing.T) {
	srv, _ := newTestServer(t)
	next, rows, pages := srv.URL+"/api/collections/incidents/items?f=csv&limit=4", map[string]bool{}, 0
	for next != "" && pages < 10 {
		resp, err := http.Get(next)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		recs, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
		if err != nil || len(recs) < 2 {
			t.Fatalf("page %d: %v, %d records", pages, err, len(recs))
		}
		for _, rec := range recs[1:] {
			if rows[rec[0]] {
				t.Errorf("incident %s came twice", rec[0])
			}
			rows[rec[0]] = true
		}
		next = ""
		if link := resp.Header.Get("Link"); link != "" {
			next = strings.TrimPrefix(link[:strings.Index(link, ">")], "<")
		}
		pages++
	}
	if len(rows) != len(seed(t)) || pages != (len(seed(t))+3)/4 {
		t.Errorf("%d pages brought %d incidents, want %d in %d", pages, len(rows), len(seed(t)), (len(seed(t))+3)/4)
	}
}

func TestOGCDocuments(t *testing.T) {
	srv, _ := newTestServer(t)
	var landing struct{ Links []struct{ Href, Rel string } }
	getJSON(t, srv.URL+"/api", http.StatusOK, &landing)
	var rels []string
	for _, l := range landing.Links {
		rels = append(rels, l.Rel)
		if _, err := url.Parse(l.Href); err != nil || !strings.HasPrefix(l.Href, srv.URL) {
			t.Errorf("link %s href %q is not absolute on this server", l.Rel, l.Href)
		}
		getJSON(t, l.Href, http.StatusOK, nil) // every link resolves
	}
	for _, want := range []string{"self", "service-desc", "service-doc", "conformance", "data"} {
		if !slices.Contains(rels, want) {
			t.Errorf("landing page lacks rel %q: %v", want, rels)
		}
	}
	var conf struct{ ConformsTo []string }
	getJSON(t, srv.URL+"/api/conformance", http.StatusOK, &conf)
	if !slices.Contains(conf.ConformsTo, "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core") {
		t.Errorf("conformance = %v, want core", conf.ConformsTo)
	}
	var coll struct {
		ID     string
		Extent struct {
			Spatial  struct{ BBox [][4]float64 }
			Temporal struct{ Interval [][2]string }
		}
	}
	getJSON(t, srv.URL+"/api/collections/incidents", http.StatusOK, &coll)
	minLon, maxLat := 180.0, -90.0
	first := "9999"
	for _, inc := range seed(t) {
		minLon, maxLat = min(minLon, inc.Location.Lon()), max(maxLat, inc.Location.Lat())
		first = min(first, inc.DateFrom.Format(incidents.DateLayout))
	}
	b := coll.Extent.Spatial.BBox
	if coll.ID != "incidents" || len(b) != 1 || b[0][0] != minLon || b[0][3] != maxLat ||
		!strings.HasPrefix(coll.Extent.Temporal.Interval[0][0], first) {
		t.Errorf("collection = %+v, want the extent of the seed (west %g, north %g, from %s)", coll, minLon, maxLat, first)
	}
	var doc struct {
		OpenAPI string
		Paths   map[string]any
	}
	getJSON(t, srv.URL+"/api/openapi", http.StatusOK, &doc)
	// Paths are relative to the server, /api, the landing page.
	for _, p := range []string{"/", "/conformance", "/collections", "/collections/incidents/items", "/collections/incidents/items/{featureId}", "/collections/incidents/queryables"} {
		if _, ok := doc.Paths[p]; !ok {
			t.Errorf("OpenAPI document lacks %s", p)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, path := range []string{"/", "/api", "/api/collections/incidents/items"} {
		h := getJSON(t, srv.URL+path, http.StatusOK, nil)
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: Content-Security-Policy %q must allow only our own scripts", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no X-Content-Type-Options", path)
		}
	}
	getJSON(t, srv.URL+"/api/nothing-here", http.StatusNotFound, nil)
}
