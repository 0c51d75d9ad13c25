package web_test

import (
	"fmt"
	"io"
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
	if resp, _ := do(t, "DELETE", srv.URL+"/api/collections/incidents/items", editorToken, "", ""); resp.StatusCode != http.StatusMethodNotAllowed ||
		resp.Header.Get("Allow") != "GET, HEAD, POST" {
		t.Errorf("DELETE on the items = %d, Allow %q; want 405 and Allow: GET, HEAD, POST", resp.StatusCode, resp.Header.Get("Allow"))
	}
	if resp, _ := do(t, "PUT", srv.URL+"/api/collections", editorToken, "", ""); resp.StatusCode != http.StatusMethodNotAllowed ||
		resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("PUT on the collections = %d, Allow %q; want 405 and Allow: GET, HEAD", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

// TestStatic_ManyRanges: a request for thousands of byte ranges of a file
// gets the file once (200), not a multipart answer with a part and its
// headers for every range (1,000 one-byte ranges of the style sheet made
// 116 KB, 28,000 made 4 MB for a second of CPU); a few ranges are still
// answered 206.
func TestStatic_ManyRanges(t *testing.T) {
	srv, _ := newTestServer(t)
	get := func(ranges string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/style.css", nil)
		if ranges != "" {
			req.Header.Set("Range", "bytes="+ranges)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	_, whole := get("")
	var many []string
	for i := range 1000 {
		many = append(many, fmt.Sprintf("%d-%d", i, i))
	}
	if resp, b := get(strings.Join(many, ",")); resp.StatusCode != http.StatusOK || len(b) != len(whole) {
		t.Errorf("1,000 ranges of /style.css = %d with %d bytes, want 200 with the file's %d", resp.StatusCode, len(b), len(whole))
	}
	if resp, b := get("0-9,20-29"); resp.StatusCode != http.StatusPartialContent || len(b) > 1000 {
		t.Errorf("2 ranges of /style.css = %d with %d bytes, want 206 with two parts", resp.StatusCode, len(b))
	}
}
