package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestStatic_NotFound: unknown API paths answer a problem+json 404 like every
// other API error (they answered 404 text/plain from the page's file server),
// and no asset folder is listed.
func TestStatic_NotFound(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, p := range []string{"/api/collections/etc/passwd", "/api/nope", "/api/collections/incidents/items/1/x", "/tiles/incidents/x.mvt", "/api/../api/x"} {
		resp, body := do(t, "GET", srv.URL+p, "", "", "")
		if resp.StatusCode != http.StatusNotFound || resp.Header.Get("Content-Type") != "application/problem+json" || !strings.Contains(body, `"status":404`) {
			t.Errorf("GET %s = %d %s %q, want a problem+json 404", p, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
	for _, p := range []string{"/js/", "/vendor/", "/vendor/leaflet/", "/js"} {
		resp, body := do(t, "GET", srv.URL+p, "", "", "")
		if resp.StatusCode != http.StatusNotFound || strings.Contains(body, "<a href") || strings.Contains(body, ".js") {
			t.Errorf("GET %s = %d %.200q, want 404 and no listing", p, resp.StatusCode, body)
		}
	}
	for p, ct := range map[string]string{"/": "text/html", "/js/app.js": "javascript", "/vendor/leaflet/leaflet.js": "javascript"} {
		if resp, _ := do(t, "GET", srv.URL+p, "", "", ""); resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), ct) {
			t.Errorf("GET %s = %d %s, want 200 %s", p, resp.StatusCode, resp.Header.Get("Content-Type"), ct)
		}
	}
	if resp, _ := do(t, "DELETE", srv.URL+"/api/collections/incidents/items", editorToken, "", ""); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE on the items = %d, want 405", resp.StatusCode)
	}
}
