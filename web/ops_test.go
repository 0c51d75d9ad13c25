package web_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

func TestHealthReadyMetrics(t *testing.T) {
	srv, store := newTestServer(t)
	getJSON(t, srv.URL+"/healthz", http.StatusOK, nil)
	getJSON(t, srv.URL+"/readyz", http.StatusOK, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items/1", http.StatusOK, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items/2", http.StatusOK, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items?bbox=x", http.StatusBadRequest, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items?limit=3", http.StatusOK, nil)
	getJSON(t, srv.URL+"/api/collections/incidents/items?limit=3", http.StatusOK, nil) // from the cache
	for i := range 5 {                                                                 // odd methods count as one
		do(t, fmt.Sprintf("BREW%d", i), srv.URL+"/api/collections/incidents/items/1", "", "", "")
	}
	m := scrape(t, srv.URL+"/metrics")
	for _, c := range []struct {
		name   string
		labels string
		want   float64
	}{
		{"mapsrv_http_requests_total", `method="GET",route="/api/collections/incidents/items/{id}",status="200"`, 2},
		{"mapsrv_http_requests_total", `method="GET",route="/api/collections/incidents/items",status="400"`, 1},
		{"mapsrv_http_request_duration_seconds", `route="/api/collections/incidents/items/{id}"`, 2},
		{"mapsrv_incidents", ``, float64(len(seed(t)) + 1)}, // and a draft
		{"mapsrv_response_cache_hits_total", ``, 1},
		{"mapsrv_response_cache_misses_total", ``, 2}, // the bad bbox, the first limit=3
		{"mapsrv_response_cache_hit_ratio", ``, 1.0 / 3},
	} {
		if got, ok := m[c.name][c.labels]; !ok || got != c.want {
			t.Errorf("%s{%s} = %v (present %t), want %v", c.name, c.labels, got, ok, c.want)
		}
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes", "mapsrv_snapshot_points",
		"mapsrv_snapshot_bytes", "mapsrv_data_version", "mapsrv_response_cache_entries"} {
		if _, ok := m[name]; !ok {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	for labels := range m["mapsrv_http_requests_total"] {
		if strings.Contains(labels, "BREW") {
			t.Errorf("a made-up method became a label value: %s", labels)
		}
	}
	store.Close() // a store that stops answering makes the server not ready
	getJSON(t, srv.URL+"/readyz", http.StatusServiceUnavailable, nil)
}

// scrape reads a Prometheus text exposition into name → labels → value,
// labels written name="value" in name order, histograms by their count.
func scrape(t *testing.T, url string) map[string]map[string]float64 {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	p := expfmt.NewTextParser(model.UTF8Validation)
	families, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("/metrics does not parse: %v", err)
	}
	out := map[string]map[string]float64{}
	for name, f := range families {
		out[name] = map[string]float64{}
		for _, m := range f.GetMetric() {
			var labels []string
			for _, l := range m.GetLabel() {
				labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
			}
			slices.Sort(labels)
			v := m.GetGauge().GetValue() + m.GetCounter().GetValue() + m.GetUntyped().GetValue() +
				float64(m.GetHistogram().GetSampleCount())
			out[name][strings.Join(labels, ",")] = v
		}
	}
	return out
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
