package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/web"
)

// BenchmarkServer runs requests of `make bench-load` through the real router
// on the database MAPSRV_BENCH_DB names (from mapsrv synth), bypassing the
// response cache as its "fresh" column does. Without MAPSRV_BENCH_DB it skips:
// the store's own benchmarks seed their data.
func BenchmarkServer(b *testing.B) {
	path := os.Getenv("MAPSRV_BENCH_DB")
	if path == "" {
		b.Skip("MAPSRV_BENCH_DB is not set: give it a database from mapsrv synth")
	}
	store, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	if err := store.Preload(context.Background()); err != nil { // as serve does at start
		b.Fatal(err)
	}
	h := web.NewServer(web.Config{Store: store})
	for name, url := range map[string]string{
		"items/small":       "/api/collections/incidents/items?bbox=36.58,35.88,36.68,35.98&limit=100",
		"items/medium":      "/api/collections/incidents/items?bbox=36.2,35.4,37.2,36.4&limit=1000",
		"items/country":     "/api/collections/incidents/items?bbox=35.5,32.3,42.4,37.4&limit=10000",
		"aggregate/country": "/api/collections/incidents/aggregate?bbox=35.5,32.3,42.4,37.4&zoom=7",
		"tile/z12":          "/tiles/incidents/12/2460/1642.mvt",
	} {
		b.Run(name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, url, nil)
			req.Header.Set("Cache-Control", "no-cache")
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s = %d %s", url, rec.Code, rec.Body)
				}
			}
		})
	}
}

// BenchmarkServer_Boxes asks, fresh, for pages of 1,000 from 200 different
// 0.1° boxes in turn, around incidents spread evenly by ID, as the first
// view of make bench-load does: the whole request but the socket.
func BenchmarkServer_Boxes(b *testing.B) {
	path := os.Getenv("MAPSRV_BENCH_DB")
	if path == "" {
		b.Skip("MAPSRV_BENCH_DB is not set: give it a database from mapsrv synth")
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	if err := store.Preload(ctx); err != nil {
		b.Fatal(err)
	}
	total, err := store.Count(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var reqs []*http.Request
	for k := 1; k <= 200; k++ {
		inc, err := store.Get(ctx, int64(k*total/200))
		if err != nil {
			b.Fatal(err)
		}
		lon, lat := inc.Location.Lon(), inc.Location.Lat()
		req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/api/collections/incidents/items?bbox=%.4f,%.4f,%.4f,%.4f&limit=1000",
			lon-0.05, lat-0.05, lon+0.05, lat+0.05), nil)
		req.Header.Set("Cache-Control", "no-cache")
		reqs = append(reqs, req)
	}
	h := web.NewServer(web.Config{Store: store})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, reqs[i%len(reqs)])
		if rec.Code != http.StatusOK {
			b.Fatalf("%s = %d %s", reqs[i%len(reqs)].URL, rec.Code, rec.Body)
		}
		i++
	}
}
