package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// latencyBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var latencyBuckets = []float64{0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

// metrics are one server's Prometheus metrics, in a registry of its own (a
// process may run several servers, as the tests do). Request labels are
// bounded: route templates rather than paths, a fixed set of methods, and
// the few statuses handlers answer with.
type metrics struct {
	health   health // the outcome of the latest store-backed requests, for /readyz
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// newMetrics registers the request metrics, Go's runtime and the process's
// collectors, and gauges of the store and the response cache.
func newMetrics(store incidentStore, cache *responseCache) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		// The names and labels are those /metrics had before the client
		// library: dashboards rely on them.
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "mapsrv_http_requests_total",
			Help: "HTTP requests answered, by route, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "mapsrv_http_request_duration_seconds",
			Help:    "Time to answer HTTP requests, by route.",
			Buckets: latencyBuckets,
		}, []string{"route"}),
	}
	m.reg.MustRegister(m.requests, m.latency,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		cacheCollector{cache})
	if store != nil {
		m.reg.MustRegister(storeCollector{store})
	}
	return m
}

// knownMethods are the methods counted by name; any other counts as OTHER.
var knownMethods = map[string]bool{http.MethodGet: true, http.MethodHead: true, http.MethodPost: true,
	http.MethodPut: true, http.MethodPatch: true, http.MethodDelete: true, http.MethodOptions: true}

// middleware records every request routed by r under its route template, so
// that /items/7 and /items/8 count as one series.
func (m *metrics) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		route := "other"
		if cr := mux.CurrentRoute(r); cr != nil {
			if t, err := cr.GetPathTemplate(); err == nil {
				route = t
			}
		}
		method := r.Method
		if !knownMethods[method] {
			method = "OTHER"
		}
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		m.requests.WithLabelValues(route, method, strconv.Itoa(rec.status)).Inc()
		m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
		m.health.record(r.URL.Path, rec.status)
	})
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

var (
	incidentsDesc = prometheus.NewDesc("mapsrv_incidents", "Incidents stored, drafts included.", nil, nil)
	versionDesc   = prometheus.NewDesc("mapsrv_data_version", "The data version, moved on by every write.", nil, nil)
	snapPoints    = prometheus.NewDesc("mapsrv_snapshot_points", "Published points in the store's in-memory snapshot.", nil, nil)
	snapBytes     = prometheus.NewDesc("mapsrv_snapshot_bytes", "About how much memory the snapshot's points and grid take.", nil, nil)
)

// storeCollector reads the store's gauges when scraped, within a second.
type storeCollector struct{ store incidentStore }

// counter is a store that counts its incidents (both do).
type counter interface {
	Count(ctx context.Context) (int, error)
}

// snapshotter is a store with an in-memory snapshot (incidents/sqlite).
type snapshotter interface {
	SnapshotStats() (points int, bytes int64)
}

func (c storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- incidentsDesc
	ch <- versionDesc
	if _, ok := c.store.(snapshotter); ok {
		ch <- snapPoints
		ch <- snapBytes
	}
}

func (c storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if cs, ok := c.store.(counter); ok {
		if n, err := cs.Count(ctx); err == nil {
			ch <- prometheus.MustNewConstMetric(incidentsDesc, prometheus.GaugeValue, float64(n))
		}
	}
	if v, err := c.store.Version(ctx); err == nil {
		ch <- prometheus.MustNewConstMetric(versionDesc, prometheus.GaugeValue, float64(v))
	}
	if s, ok := c.store.(snapshotter); ok {
		points, bytes := s.SnapshotStats()
		ch <- prometheus.MustNewConstMetric(snapPoints, prometheus.GaugeValue, float64(points))
		ch <- prometheus.MustNewConstMetric(snapBytes, prometheus.GaugeValue, float64(bytes))
	}
}

var (
	cacheHits    = prometheus.NewDesc("mapsrv_response_cache_hits_total", "Reads answered from the response cache.", nil, nil)
	cacheMisses  = prometheus.NewDesc("mapsrv_response_cache_misses_total", "Cacheable reads the handler had to answer.", nil, nil)
	cacheRatio   = prometheus.NewDesc("mapsrv_response_cache_hit_ratio", "Hits over hits and misses since start (0 before any).", nil, nil)
	cacheEntries = prometheus.NewDesc("mapsrv_response_cache_entries", "Responses held in the cache.", nil, nil)
	cacheSize    = prometheus.NewDesc("mapsrv_response_cache_bytes", "Bytes the cache holds: response bodies, their keys and headers, and a fixed overhead per entry.", nil, nil)
)

// cacheCollector reads the response cache's counters when scraped.
type cacheCollector struct{ c *responseCache }

func (c cacheCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{cacheHits, cacheMisses, cacheRatio, cacheEntries, cacheSize} {
		ch <- d
	}
}

func (c cacheCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.c.stats()
	ratio := 0.0
	if s.hits+s.misses > 0 {
		ratio = float64(s.hits) / float64(s.hits+s.misses)
	}
	ch <- prometheus.MustNewConstMetric(cacheHits, prometheus.CounterValue, float64(s.hits))
	ch <- prometheus.MustNewConstMetric(cacheMisses, prometheus.CounterValue, float64(s.misses))
	ch <- prometheus.MustNewConstMetric(cacheRatio, prometheus.GaugeValue, ratio)
	ch <- prometheus.MustNewConstMetric(cacheEntries, prometheus.GaugeValue, float64(s.entries))
	ch <- prometheus.MustNewConstMetric(cacheSize, prometheus.GaugeValue, float64(s.bytes))
}
