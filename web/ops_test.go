package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestHealthReadyMetrics(t *testing.T) {
	srv, store := newTestServer(t)
	getJSON(t, srv.URL+"/healthz", http.StatusOK, nil)
	getJSON(t, srv.URL+"/readyz", http.StatusOK, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items/1", http.StatusOK, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items/2", http.StatusOK, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items?bbox=x", http.StatusBadRequest, nil)
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`mapsrv_http_requests_total{route="/api/collections/incidents/items/{id}",method="GET",status="200"} 2`,
		`mapsrv_http_requests_total{route="/api/collections/incidents/items",method="GET",status="400"} 1`,
		`mapsrv_http_request_duration_seconds_count{route="/api/collections/incidents/items/{id}"} 2`,
		`# TYPE mapsrv_http_request_duration_seconds histogram`,
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s\n%s", want, body)
		}
	}
	store.Close() // a store that stops answering makes the server not ready
	getJSON(t, srv.URL+"/readyz", http.StatusServiceUnavailable, nil)
}

func TestCORS(t *testing.T) {
	srv, _ := newTestServer(t)
	req, _ := http.NewRequest("GET", srv.URL+"/api/collections/incidents/items", nil)
	req.Header.Set("Origin", "https://maps.example.org")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("a cross-origin read got Access-Control-Allow-Origin %q, want *", resp.Header.Get("Access-Control-Allow-Origin"))
	}
	pre, _ := http.NewRequest("OPTIONS", srv.URL+"/api/collections/incidents/items", nil)
	pre.Header.Set("Origin", "https://evil.example.org")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	resp, err = http.DefaultClient.Do(pre)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("a cross-origin write preflight = %d, ACAO %q; want 403 without ACAO", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
	}
}
