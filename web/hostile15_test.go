package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestCORS_TilesReadFromAnyOrigin: reads are open to every origin, and a map
// library on another origin fetches the vector tiles with fetch, which CORS
// governs. The tiles answered no Access-Control-Allow-Origin (so such a map
// drew nothing) and their preflight was a 405.
func TestCORS_TilesReadFromAnyOrigin(t *testing.T) {
	srv, _ := newTestServer(t)
	const tile = "/tiles/incidents/6/38/25.mvt"
	for _, method := range []string{"GET", "HEAD"} {
		req, _ := http.NewRequest(method, srv.URL+tile, nil)
		req.Header.Set("Origin", "https://maps.example.org")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		exposed := strings.ToLower(resp.Header.Get("Access-Control-Expose-Headers"))
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(exposed, "etag") ||
			!strings.Contains(resp.Header.Get("Vary"), "Origin") {
			t.Errorf("%s of a tile from another origin: %d, Allow-Origin %q, Expose-Headers %q, Vary %q; want 200, *, ETag exposed, Vary: Origin",
				method, resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), exposed, resp.Header.Values("Vary"))
		}
	}
	// A tile asked for again with its ETag needs a preflight (If-None-Match
	// is not a header CORS lets through without one).
	pre, _ := http.NewRequest("OPTIONS", srv.URL+tile, nil)
	pre.Header.Set("Origin", "https://maps.example.org")
	pre.Header.Set("Access-Control-Request-Method", "GET")
	pre.Header.Set("Access-Control-Request-Headers", "if-none-match")
	resp, err := http.DefaultClient.Do(pre)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") == "" ||
		!strings.Contains(strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")), "if-none-match") {
		t.Errorf("preflight of a tile with If-None-Match: %d, Allow-Origin %q, Allow-Headers %q; want 204 allowing it",
			resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"), resp.Header.Get("Access-Control-Allow-Headers"))
	}
	// The page and the probes stay as they were: same origin only.
	for _, path := range []string{"/", "/healthz", "/metrics"} {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Origin", "https://maps.example.org")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("GET %s from another origin: Allow-Origin %q, want none", path, got)
		}
	}
}

// TestProbes_ReadOnly: /healthz, /readyz and /metrics answered 200 to any
// method (POST, DELETE, TRACE, PROPFIND), where every other route answers a
// 405 problem naming the methods it takes.
func TestProbes_ReadOnly(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		for _, method := range []string{"GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "PROPFIND", "OPTIONS"} {
			req, _ := http.NewRequest(method, srv.URL+path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			want := http.StatusMethodNotAllowed
			if method == "GET" || method == "HEAD" {
				want = http.StatusOK
			}
			if resp.StatusCode != want || want == http.StatusMethodNotAllowed &&
				(resp.Header.Get("Allow") != "GET, HEAD" || resp.Header.Get("Content-Type") != "application/problem+json") {
				t.Errorf("%s %s = %d (Allow %q, %s), want %d", method, path, resp.StatusCode, resp.Header.Get("Allow"), resp.Header.Get("Content-Type"), want)
			}
		}
	}
}
