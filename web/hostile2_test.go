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
