package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// get returns the status and body of a GET of rawURL.
func get(tb testing.TB, rawURL string, header ...string) (int, string) {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestFilters_RepeatedTypes: an incident type listed many times is the type
// once. The SQL stores bound one placeholder per listed type, and 100,000
// of them (a 700 KB URL, under the header limit) were a 500, "too many SQL
// variables", on every endpoint answered in SQL.
func TestFilters_RepeatedTypes(t *testing.T) {
	srv, _ := newTestServer(t)
	many := strings.Repeat("arrest,", 40000) + "arrest"
	for _, path := range []string{
		"/api/collections/incidents/items",
		"/api/collections/incidents/items?q=arrested",
		"/api/collections/incidents/counts",
		"/api/collections/incidents/histogram",
		"/api/collections/incidents/aggregate?zoom=7",
		"/api/collections/incidents/export",
		"/tiles/incidents/7/78/50.mvt",
	} {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		wantStatus, want := get(t, srv.URL+path+sep+"incident_type=arrest")
		status, body := get(t, srv.URL+path+sep+"incident_type="+many)
		if status != wantStatus || features(body) != features(want) {
			t.Errorf("GET %s with arrest listed 40,001 times = %d %.200s, want %d %.200s as with it once", path, status, body, wantStatus, want)
		}
	}
}

// features is a response without its links and time stamp, which name the
// request and the second.
func features(body string) string {
	for _, member := range []string{`"links":`, `"timeStamp":`} {
		if i := strings.Index(body, member); i >= 0 {
			body = body[:i]
		}
	}
	return body
}

// TestNumbers_Strict: the numbers of bbox (heights too), lat, lon and
// zoom are finite decimal numbers. A six-number bbox once ignored its
// heights unread ("1,2,abc,3,4,xyz" was a 200), and strconv.ParseFloat
// took hexadecimal ("0x1p4" was 16) and underscores ("3_6" was 36).
func TestNumbers_Strict(t *testing.T) {
	srv, store := newTestServer(t)
	before, _ := store.Count(t.Context())
	for query, param := range map[string]string{
		"/api/collections/incidents/items?bbox=35,32,abc,43,38,xyz":     "bbox",
		"/api/collections/incidents/items?bbox=35,32,NaN,43,38,Inf":     "bbox",
		"/api/collections/incidents/items?bbox=35,32,100,43,38,0":       "bbox",
		"/api/collections/incidents/items?bbox=0x23p0,32,43,38":         "bbox",
		"/api/collections/incidents/histogram?bbox=3_5,32,4_3,38":       "bbox",
		"/api/collections/incidents/aggregate?zoom=7&bbox=35,32,43,3_8": "bbox",
		"/api/places/labels?zoom=0x1p3&bbox=35,32,43,38":                "zoom",
		"/api/places/labels?zoom=1_0&bbox=35,32,43,38":                  "zoom",
		"/api/reverse?lat=0x23p0&lon=36.8":                              "lat",
		"/api/reverse?lat=35.87&lon=3_6.8":                              "lon",
	} {
		status, body := get(t, srv.URL+query)
		if status != http.StatusBadRequest || !strings.Contains(body, `"detail":"`+param) {
			t.Errorf("GET %s = %d %s, want a 400 naming %s", query, status, body, param)
		}
	}
	for _, query := range []string{
		"/api/collections/incidents/items?bbox=35,32,0,43,38,100",
		"/api/collections/incidents/items?bbox=%2B35,3.2e1,43.,38",
		"/api/places/labels?zoom=7.5&bbox=35,32,43,38",
		"/api/reverse?lat=35.87&lon=36.80",
	} {
		if status, body := get(t, srv.URL+query); status != http.StatusOK {
			t.Errorf("GET %s = %d %s, want 200", query, status, body)
		}
	}
	if after, _ := store.Count(t.Context()); after != before {
		t.Errorf("bad requests changed the store: %d incidents, was %d", after, before)
	}
}

// serverWithDraft starts a test server holding one draft (newFeature),
// returning the drafts' items URL and the draft's.
func serverWithDraft(t *testing.T) (srv *httptest.Server, store *sqlite.Store, items, item string) {
	t.Helper()
	srv, store = newTestServer(t)
	items = srv.URL + "/api/collections/drafts/items"
	resp, _ := do(t, "POST", items, editorToken, "application/geo+json", newFeature)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST = %d, want 201", resp.StatusCode)
	}
	return srv, store, items, resp.Header.Get("Location")
}

// TestWrites_ContentEncoding: a body in a content coding is a 415 naming
// Content-Encoding, and nothing is stored. Bodies were read as if never
// encoded: a gzip body was "not valid UTF-8", and a plain one labelled
// gzip was stored.
func TestWrites_ContentEncoding(t *testing.T) {
	srv, store, items, item := serverWithDraft(t)
	before, _ := store.Count(t.Context())
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(newFeature))
	zw.Close()
	report := `{"text":"Security forces arrested two men in the town of Saraqib on Monday.","published":"2025-12-01","source":{"title":"a test report"}}`
	for _, tc := range []struct {
		method, url, token, contentType, body, encoding string
	}{
		{"POST", items, editorToken, "application/geo+json", gz.String(), "gzip"},
		{"POST", items, editorToken, "application/geo+json", newFeature, "gzip"},
		{"POST", items, editorToken, "application/geo+json", newFeature, "br"},
		{"POST", items, editorToken, "application/geo+json", newFeature, "identity, gzip"},
		{"PUT", item, editorToken, "application/geo+json", newFeature, "deflate"},
		{"PATCH", item, editorToken, "application/merge-patch+json", `{"properties":{"killed":7}}`, "gzip"},
		{"POST", srv.URL + "/api/ingest", ingestToken, "application/json", report, "gzip"},
	} {
		resp, body := doWith(t, tc.method, tc.url, tc.contentType, tc.body,
			map[string]string{"Authorization": "Bearer " + tc.token, "Content-Encoding": tc.encoding})
		if resp.StatusCode != http.StatusUnsupportedMediaType || !strings.Contains(body, "Content-Encoding") {
			t.Errorf("%s %s with Content-Encoding %s = %d %s, want a 415 naming Content-Encoding", tc.method, tc.url, tc.encoding, resp.StatusCode, body)
		}
	}
	if after, _ := store.Count(t.Context()); after != before {
		t.Errorf("encoded bodies changed the store: %d incidents, was %d", after, before)
	}
	if _, body := do(t, "GET", item, editorToken, "", ""); !strings.Contains(body, `"killed":1,`) {
		t.Errorf("an encoded PATCH changed the draft: %s", body)
	}
	resp, body := doWith(t, "POST", items, "application/geo+json", newFeature,
		map[string]string{"Authorization": "Bearer " + editorToken, "Content-Encoding": "identity"})
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("POST with Content-Encoding identity = %d %s, want 201", resp.StatusCode, body)
	}
}

// TestWrites_SourceURLBadPort: a source link whose port is not a port is
// refused. Taking the default port off first made "https://a.example:443:443/"
// the valid "https://a.example:443/", stored as such, whose canonical form
// is yet another link.
func TestWrites_SourceURLBadPort(t *testing.T) {
	srv, store := newTestServer(t)
	items := srv.URL + "/api/collections/drafts/items"
	withSource := func(url string) string {
		return strings.Replace(newFeature, `"summary_en"`, `"sources":[{"title":"a test report","url":"`+url+`"}],"summary_en"`, 1)
	}
	before, _ := store.Count(t.Context())
	for _, url := range []string{"https://a.example:443:443/report", "http://a.example::80/report", "https://a.example:x:443/report"} {
		resp, body := do(t, "POST", items, editorToken, "application/geo+json", withSource(url))
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "url") {
			t.Errorf("POST with a source at %s = %d %s, want a 400 naming the url", url, resp.StatusCode, body)
		}
	}
	if after, _ := store.Count(t.Context()); after != before {
		t.Errorf("refused writes changed the store: %d incidents, was %d", after, before)
	}
	for url, want := range map[string]string{
		"https://A.example:443/report": "https://a.example/report",
		"http://[::1]:80/report":       "http://[::1]/report",
		"https://a.example:8443/r":     "https://a.example:8443/r",
	} {
		resp, body := do(t, "POST", items, editorToken, "application/geo+json", withSource(url))
		if resp.StatusCode != http.StatusCreated || !strings.Contains(body, `"url":"`+want+`"`) {
			t.Errorf("POST with a source at %s = %d %s, want 201 storing %s", url, resp.StatusCode, body, want)
		}
	}
}

// TestWrites_DuplicateMembers: a body naming a member twice is a 400 naming
// it, on POST, PUT and PATCH, and nothing is stored: encoding/json had kept
// the last of the two silently, so {"killed": 1, …, "killed": 90} stored 90.
func TestWrites_DuplicateMembers(t *testing.T) {
	_, store, items, item := serverWithDraft(t)
	before, _ := store.Count(t.Context())
	twice := strings.Replace(newFeature, `"properties":{`, `"properties":{"killed":1,"killed":90,`, 1)
	if twice == newFeature {
		t.Fatal("the test feature has no properties to add to")
	}
	for _, tc := range []struct{ method, url, ct, body string }{
		{"POST", items, "application/geo+json", twice},
		{"PUT", item, "application/geo+json", twice},
		{"PATCH", item, "application/merge-patch+json", `{"properties":{"killed":1,"killed":90}}`},
	} {
		resp, body := do(t, tc.method, tc.url, editorToken, tc.ct, tc.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `"killed\" given twice in properties`) {
			t.Errorf("%s with killed twice = %d %s; want 400 naming the member", tc.method, resp.StatusCode, body)
		}
	}
	if after, _ := store.Count(t.Context()); after != before {
		t.Errorf("refused writes changed the store: %d incidents, was %d", after, before)
	}
}
