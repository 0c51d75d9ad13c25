package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
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

