package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// doWith is do with the given request headers (an editor's, say).
func doWith(t *testing.T, method, url, contentType, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// asEditor is header with the editor's token.
func asEditor(header map[string]string) map[string]string {
	out := map[string]string{"Authorization": "Bearer " + editorToken}
	for k, v := range header {
		out[k] = v
	}
	return out
}

// TestItem_ETagIfMatch: one incident has a strong ETag, sent by GET and by
// every write; a PUT, PATCH or DELETE whose If-Match names an older state
// answers 412 and changes nothing; the current tag or "*" goes through.
func TestItem_ETagIfMatch(t *testing.T) {
	srv, store := newTestServer(t)
	ctx := context.Background()
	var fc featureCollection
	getJSON(t, srv.URL+"/api/collections/incidents/items?limit=1", http.StatusOK, &fc)
	url := srv.URL + "/api/collections/incidents/items/" + itoa(fc.Features[0].ID)
	first := getJSON(t, url, http.StatusOK, nil).Get("ETag")
	if !strings.HasPrefix(first, `"`) || !strings.HasSuffix(first, `"`) || len(first) < 10 {
		t.Fatalf("ETag %q, want a strong entity tag", first)
	}
	if again := getJSON(t, url, http.StatusOK, nil).Get("ETag"); again != first {
		t.Errorf("ETag moved without a write: %q → %q", first, again)
	}
	if resp, _ := doWith(t, "GET", url, "", "", asEditor(map[string]string{"If-None-Match": first})); resp.StatusCode != http.StatusNotModified {
		t.Errorf("GET with If-None-Match of the current tag = %d, want 304", resp.StatusCode)
	}
	patch := func(ifMatch, body string) (*http.Response, string) {
		return doWith(t, "PATCH", url, "application/merge-patch+json", body, asEditor(map[string]string{"If-Match": ifMatch}))
	}
	resp, _ := patch(first, `{"properties":{"killed":7}}`)
	second := resp.Header.Get("ETag")
	if resp.StatusCode != http.StatusOK || second == "" || second == first {
		t.Fatalf("PATCH with the current If-Match = %d, ETag %q (was %q); want 200 and a new tag", resp.StatusCode, second, first)
	}
	if got := getJSON(t, url, http.StatusOK, nil).Get("ETag"); got != second {
		t.Errorf("GET after the PATCH: ETag %q, the PATCH answered %q", got, second)
	}
	v0, _ := store.Version(ctx)
	for name, w := range map[string]struct{ method, ifMatch, contentType, body string }{
		"PATCH, stale tag":   {"PATCH", first, "application/merge-patch+json", `{"properties":{"injured":3}}`},
		"PATCH, weak tag":    {"PATCH", "W/" + second, "application/merge-patch+json", `{"properties":{"injured":3}}`},
		"PUT, stale tag":     {"PUT", first, "application/geo+json", strings.Replace(newFeature, `"summary_en"`, `"status":"published","summary_en"`, 1)},
		"DELETE, stale tag":  {"DELETE", `"x", ` + first, "", ""},
		"DELETE, other tags": {"DELETE", `"a,b", "c"`, "", ""},
	} {
		resp, body := doWith(t, w.method, url, w.contentType, w.body, asEditor(map[string]string{"If-Match": w.ifMatch}))
		if resp.StatusCode != http.StatusPreconditionFailed || !strings.Contains(body, "changed since it was read") ||
			resp.Header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s = %d %s, want 412 problem", name, resp.StatusCode, body)
		}
	}
	if v, _ := store.Version(ctx); v != v0 {
		t.Errorf("writes refused with 412 moved the data version %d → %d", v0, v)
	}
	if resp, _ := patch("*", `{"properties":{"injured":3}}`); resp.StatusCode != http.StatusOK {
		t.Errorf("PATCH with If-Match: * = %d, want 200", resp.StatusCode)
	}
	created, _ := do(t, "POST", srv.URL+"/api/collections/drafts/items", editorToken, "application/geo+json", newFeature)
	if created.Header.Get("ETag") == "" {
		t.Error("POST answered without an ETag")
	}
	current := getJSON(t, url, http.StatusOK, nil).Get("ETag")
	if resp, _ := doWith(t, "DELETE", url, "", "", asEditor(map[string]string{"If-Match": current})); resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE with the current If-Match = %d, want 204", resp.StatusCode)
	}
}

// TestItem_ParallelPatches: two editors patching different fields of one
// incident at the same moment, without If-Match, both keep their change,
// for 40 rounds (a read and a separate write lost one in 6 rounds of 30).
func TestItem_ParallelPatches(t *testing.T) {
	srv, _ := newTestServer(t)
	drafts := srv.URL + "/api/collections/drafts/items"
	for round := range 40 {
		resp, body := do(t, "POST", drafts, editorToken, "application/geo+json", newFeature)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST = %d %s", resp.StatusCode, body)
		}
		url := resp.Header.Get("Location")
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, patch := range []string{fmt.Sprintf(`{"properties":{"killed":%d}}`, round), fmt.Sprintf(`{"properties":{"injured":%d}}`, round)} {
			wg.Go(func() {
				<-start
				if resp, body := doWith(t, "PATCH", url, "application/merge-patch+json", patch, asEditor(nil)); resp.StatusCode != http.StatusOK {
					t.Errorf("PATCH %s = %d %s", patch, resp.StatusCode, body)
				}
			})
		}
		close(start)
		wg.Wait()
		_, body = do(t, "GET", url, editorToken, "", "")
		if !strings.Contains(body, fmt.Sprintf(`"killed":%d`, round)) || !strings.Contains(body, fmt.Sprintf(`"injured":%d`, round)) {
			t.Fatalf("round %d: %s; want both patches kept", round, body)
		}
	}
}

// TestPublicETag_FollowsPublicData: the ETag of a public listing (and the
// response cache behind it) follows the published data only: creating,
// editing or ingesting drafts, and rejecting them, leave it, so the public
// cannot see unpublished activity; publishing moves it.
func TestPublicETag_FollowsPublicData(t *testing.T) {
	srv, _ := newTestServer(t)
	public := srv.URL + "/api/collections/incidents/items?bbox=35,32,43,38"
	etag := func() string { return getJSON(t, public, http.StatusOK, nil).Get("ETag") }
	first := etag()
	resp, body := do(t, "POST", srv.URL+"/api/collections/drafts/items", editorToken, "application/geo+json", newFeature)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST draft = %d %s", resp.StatusCode, body)
	}
	draft := resp.Header.Get("Location")
	do(t, "PATCH", draft, editorToken, "application/merge-patch+json", `{"properties":{"killed":4}}`)
	status, _ := ingestReport(t, srv.URL, saraqibArrest, "https://example.org/etag", "Example")
	if status != http.StatusCreated {
		t.Fatalf("ingest = %d", status)
	}
	do(t, "DELETE", draft, editorToken, "", "")
	if got := etag(); got != first {
		t.Errorf("drafts moved the public ETag %s → %s", first, got)
	}
	if resp, _ := doWith(t, "GET", public, "", "", map[string]string{"If-None-Match": first}); resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match of the public ETag after draft work = %d, want 304", resp.StatusCode)
	}
	var drafts featureCollection
	_, body = do(t, "GET", srv.URL+"/api/collections/drafts/items", editorToken, "", "")
	json.Unmarshal([]byte(body), &drafts)
	resp, _ = do(t, "PATCH", srv.URL+"/api/collections/drafts/items/"+itoa(drafts.Features[0].ID), editorToken,
		"application/merge-patch+json", `{"properties":{"status":"published"}}`)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("publish = %d", resp.StatusCode)
	}
	if got := etag(); got == first {
		t.Errorf("publishing left the public ETag at %s", got)
	}
}
