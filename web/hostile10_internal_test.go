package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// pageRecorder is a store that notes the bytes of text of the largest page
// each limit read (features' JSON, or incidents' text and sources).
type pageRecorder struct {
	incidentStore
	mu   sync.Mutex
	most map[int]int64 // by the filter's limit
}

func (p *pageRecorder) note(limit int, n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.most[limit] = max(p.most[limit], n)
}

func featureText(page []feature.Encoded) (n int64) {
	for _, e := range page {
		n += int64(len(e.JSON))
	}
	return n
}

func incidentsText(found []incidents.Incident) (n int64) {
	for i := range found {
		n += incidentText(&found[i])
	}
	return n
}

func (p *pageRecorder) FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error) {
	page, err := findFeatures(ctx, p.incidentStore, f)
	p.note(f.Limit, featureText(page))
	return page, err
}

func (p *pageRecorder) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	found, err := p.incidentStore.Find(ctx, f)
	p.note(f.Limit, incidentsText(found))
	return found, err
}

func (p *pageRecorder) FindFeaturesWithin(ctx context.Context, f incidents.Filter, maxBytes int64) ([]feature.Encoded, bool, error) {
	page, more, err := p.incidentStore.(interface {
		FindFeaturesWithin(context.Context, incidents.Filter, int64) ([]feature.Encoded, bool, error)
	}).FindFeaturesWithin(ctx, f, maxBytes)
	p.note(f.Limit, featureText(page))
	return page, more, err
}

func (p *pageRecorder) FindWithin(ctx context.Context, f incidents.Filter, maxBytes int64) ([]incidents.Incident, bool, error) {
	found, more, err := p.incidentStore.(interface {
		FindWithin(context.Context, incidents.Filter, int64) ([]incidents.Incident, bool, error)
	}).FindWithin(ctx, f, maxBytes)
	p.note(f.Limit, incidentsText(found))
	return found, more, err
}

// pageIDs follows a listing's or an export's pages from path and returns
// the IDs of every incident served, in order, and how many pages.
func pageIDs(t *testing.T, base, path string) (ids []int64, pages int) {
	t.Helper()
	for next := base + path; next != ""; pages++ {
		res, err := http.Get(next)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %s", next, res.StatusCode, body)
		}
		next = ""
		if strings.Contains(res.Header.Get("Content-Type"), "csv") {
			rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows[1:] {
				id, _ := strconv.ParseInt(row[0], 10, 64)
				ids = append(ids, id)
			}
			if l := res.Header.Get("Link"); l != "" {
				next = l[1:strings.Index(l, ">")]
			}
			continue
		}
		var fc struct {
			Features []struct{ ID int64 }
			Links    []link
		}
		if err := json.Unmarshal(body, &fc); err != nil {
			t.Fatal(err)
		}
		for _, f := range fc.Features {
			ids = append(ids, f.ID)
		}
		for _, l := range fc.Links {
			if l.Rel == "next" {
				next = l.Href
			}
		}
	}
	return ids, pages
}

// TestPages_BoundedByBytes: a page ends, with a next link, before its
// incidents' stored text passes 8 KiB for each incident its limit asks for
// (32 MiB at most), and an export reads its pages so. Pages were bounded by
// their number of incidents alone: a listing of 10,000 incidents of 30 KB
// summaries read and held 238 MB, an export page of 1,000 some 60 MB,
// whatever their limit. Paging through the links serves every incident once,
// in order, as before.
func TestPages_BoundedByBytes(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		addIncidents(t, store, 40, 40)
		addIncidents(t, store, 160, 30_000) // some 9.6 MB of features, the newest
		addIncidents(t, store, 10, 40)
		rec := &pageRecorder{incidentStore: store, most: map[int]int64{}}
		srv := httptest.NewServer(NewServer(Config{Store: rec}))
		defer srv.Close()
		want, _ := pageIDs(t, srv.URL, "/api/collections/incidents/items?limit=10000")
		if len(want) != 210 {
			t.Fatalf("a page of 10,000: %d incidents, want 210", len(want))
		}
		for _, path := range []string{
			"/api/collections/incidents/items?limit=100",
			"/api/collections/incidents/items?limit=100&f=csv",
			"/api/collections/incidents/items?limit=1000",
			"/api/collections/incidents/items?limit=1000&f=csv",
			"/api/collections/incidents/export",
			"/api/collections/incidents/export?f=csv",
			"/api/collections/incidents/items?limit=100&filter=" + strings.ReplaceAll("summary_en LIKE '%25farms%25'", " ", "%20"),
		} {
			rec.most = map[int]int64{}
			got, pages := pageIDs(t, srv.URL, path)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %d incidents in %d pages, want the %d of one page in its order", path, len(got), pages, len(want))
			}
			for limit, most := range rec.most {
				if bound := int64(limit) * 8 << 10; limit < 10_001 && most > bound {
					t.Errorf("%s: a page of limit %d held %d bytes of text, over %d", path, limit, most, bound)
				}
			}
			t.Log(path, fmt.Sprintf("%d pages; largest page read by limit: %v", pages, rec.most))
		}
	})
}
