package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestQuery_Malformed: a query string that does not parse is a 400 problem
// saying so on every API and tile route, where it was answered 200 with the
// pairs it could not parse (a bbox, a filter) left out, or with no
// parameter at all past 10,000 of them.
func TestQuery_Malformed(t *testing.T) {
	srv, _ := newTestServer(t)
	queries := map[string]string{
		"bad escape in a value":    "bbox=%zz",
		"bad escape in a name":     "limit=1&%zz=1",
		"a semicolon":              "bbox=36,33,37,34;limit=5",
		"over 10,000 parameters":   "bbox=36,33,37,34" + strings.Repeat("&x=1", 10000),
		"a bad escape in filter":   "filter=killed%20%3E%20%G0",
		"repeated after a bad one": "limit=1&limit=%",
	}
	paths := []string{"/api/collections/incidents/items", "/api/collections/incidents/aggregate",
		"/api/collections/incidents/histogram", "/api/collections/incidents/counts",
		"/api/collections/incidents/export", "/api/places", "/api", "/tiles/incidents/7/78/50.mvt"}
	for name, q := range queries {
		for _, path := range paths {
			resp, err := http.Get(srv.URL + path + "?" + q)
			if err != nil {
				t.Fatal(err)
			}
			var p struct {
				Status int
				Detail string
			}
			json.NewDecoder(resp.Body).Decode(&p)
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Content-Type") != "application/problem+json" ||
				!strings.Contains(p.Detail, "query string") {
				t.Errorf("%s: GET %s = %d %q %+v, want a 400 problem about the query string", name, path, resp.StatusCode, resp.Header.Get("Content-Type"), p)
			}
		}
	}
	// The page is not the API: its address is shared by hand and its query
	// is read by nobody.
	resp, err := http.Get(srv.URL + "/?x=%zz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /?x=%%zz = %d, want 200", resp.StatusCode)
	}
}
