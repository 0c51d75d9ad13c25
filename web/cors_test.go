package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// An editor's page on a listed write origin must be able to save with
// If-Match (its preflight allows the header) and to read the ETag and
// Location a write answers (they are exposed): without them a cross-origin
// editor can only save unconditionally, losing other editors' saves.
func TestCORS_WriteOriginCanSaveConditionally(t *testing.T) {
	const origin = "https://editor.example.org"
	h := withCORS([]string{origin}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"x"`)
		w.Header().Set("Location", "/api/collections/drafts/items/1")
	}))
	pre := httptest.NewRequest("OPTIONS", "/api/collections/drafts/items/1", nil)
	pre.Header.Set("Origin", origin)
	pre.Header.Set("Access-Control-Request-Method", "PATCH")
	pre.Header.Set("Access-Control-Request-Headers", "authorization,content-type,if-match")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, pre)
	allowed := strings.ToLower(rec.Header().Get("Access-Control-Allow-Headers"))
	if rec.Code != http.StatusNoContent || !strings.Contains(allowed, "if-match") {
		t.Errorf("preflight of a PATCH with If-Match = %d, Allow-Headers %q; want 204 allowing If-Match", rec.Code, allowed)
	}
	for _, method := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		req := httptest.NewRequest(method, "/api/collections/drafts/items/1", nil)
		req.Header.Set("Origin", origin)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		exposed := strings.ToLower(rec.Header().Get("Access-Control-Expose-Headers"))
		if rec.Header().Get("Access-Control-Allow-Origin") != origin || !strings.Contains(exposed, "etag") || !strings.Contains(exposed, "location") {
			t.Errorf("%s from a write origin: ACAO %q, Expose-Headers %q; want the origin, exposing ETag and Location",
				method, rec.Header().Get("Access-Control-Allow-Origin"), exposed)
		}
	}
	// Another origin still gets neither.
	req := httptest.NewRequest("PATCH", "/api/collections/drafts/items/1", nil)
	req.Header.Set("Origin", "https://evil.example.org")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("a write from an unlisted origin got Access-Control-Allow-Origin %q", got)
	}
}
