package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/web"
)

const testEditorToken = "editor-token-0123456789"

// newPGServer serves one mapsrv over its own connection pool to dsn, as a
// separate process would, on a loopback port.
func newPGServer(t *testing.T, dsn string) *httptest.Server {
	t.Helper()
	s, err := openStore(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	tokens, err := web.ParseTokens("editor:" + testEditorToken)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.NewServer(web.Config{Store: s, Tokens: tokens, Log: nopLog()}))
	t.Cleanup(srv.Close)
	return srv
}

// send makes one request and returns the status, ETag and body. Every
// request names one host, as those a load balancer forwards to either
// server do: a listing's links, and so its ETag, follow the Host.
func send(t *testing.T, method, url, etag, body string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Host = "mapsrv.example"
	if body != "" {
		req.Header.Set("Authorization", "Bearer "+testEditorToken)
		req.Header.Set("Content-Type", "application/geo+json")
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("ETag"), string(b)
}

// TestTwoServers_OneDatabase: two mapsrv servers over one PostGIS database
// serve the same data; a write through one is visible through the other at
// once, and both change their ETag for it.
func TestTwoServers_OneDatabase(t *testing.T) {
	dsn := pgtest.DSN(t)
	a, b := newPGServer(t, dsn), newPGServer(t, dsn)
	items := "/api/collections/incidents/items?bbox=36.5,35.5,37,36"
	_, etagA0, _ := send(t, "GET", a.URL+items, "", "")
	status, etagB0, body := send(t, "GET", b.URL+items, "", "")
	if status != http.StatusOK || etagB0 == "" || etagA0 != etagB0 || !strings.Contains(body, `"numberReturned":0`) {
		t.Fatalf("before: A's ETag %q, B's %d %q %s; want equal ETags and no features", etagA0, status, etagB0, body)
	}
	if status, _, _ := send(t, "GET", b.URL+items, etagB0, ""); status != http.StatusNotModified {
		t.Errorf("B with its current ETag = %d, want 304", status)
	}
	status, _, body = send(t, "POST", a.URL+"/api/collections/incidents/items", "", goodFeature)
	if status != http.StatusCreated {
		t.Fatalf("POST through A = %d %s", status, body)
	}
	status, etagB1, body := send(t, "GET", b.URL+items, etagB0, "")
	if status != http.StatusOK || etagB1 == etagB0 || !strings.Contains(body, `"numberReturned":1`) {
		t.Errorf("B after A's write, with the old ETag = %d %q %s; want 200, a new ETag and the feature", status, etagB1, body)
	}
	_, etagA1, _ := send(t, "GET", a.URL+items, "", "")
	if etagA1 == etagA0 || etagA1 != etagB1 {
		t.Errorf("A's ETag %q -> %q, B's now %q; want both changed and equal", etagA0, etagA1, etagB1)
	}
	// And back: B deletes what A created; A no longer serves it.
	var fc struct{ Features []struct{ ID json.Number } }
	if err := json.Unmarshal([]byte(body), &fc); err != nil || len(fc.Features) != 1 {
		t.Fatalf("B's items: %v %s", err, body)
	}
	id := fc.Features[0].ID.String()
	req, _ := http.NewRequest("DELETE", b.URL+"/api/collections/incidents/items/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+testEditorToken)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("DELETE %s through B: %v %v", id, resp, err)
	}
	if status, _, _ := send(t, "GET", a.URL+"/api/collections/incidents/items/"+id, "", ""); status != http.StatusNotFound {
		t.Errorf("A serves the incident B deleted: %d", status)
	}
	if _, etagA2, _ := send(t, "GET", a.URL+items, etagA1, ""); etagA2 == etagA1 {
		t.Errorf("A's ETag stayed %q after B's delete", etagA2)
	}
}

// TestServe_Postgres starts `mapsrv serve --db postgres://...`: it serves an
// empty database without seeding it, and accepts imports from another command.
func TestServe_Postgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs strings.Builder
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--db", dsn}, func(string) string { return "" }, nil, io.Discard, &logs)
	}()
	base := "http://" + addr
	waitUp(t, base+"/healthz")
	if _, _, body := send(t, "GET", base+"/api/collections/incidents/items", "", ""); !strings.Contains(body, `"numberReturned":0`) {
		t.Errorf("an empty PostGIS database serves %s, want no features (no seed)", body)
	}
	file := filepath.Join(t.TempDir(), "one.geojson")
	if err := os.WriteFile(file, []byte(goodFeature), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _, err := runCmd(t, "", "import", "--db", dsn, file); err != nil || !strings.Contains(out, "imported 1 incidents") {
		t.Fatalf("import into PostGIS: %q %v", out, err)
	}
	if _, _, body := send(t, "GET", base+"/api/collections/incidents/items", "", ""); !strings.Contains(body, `"numberReturned":1`) {
		t.Errorf("after an import by another command, serve answers %s", body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down")
	}
	if strings.Contains(logs.String(), "password") {
		t.Errorf("logs show a password: %s", logs.String())
	}
}
