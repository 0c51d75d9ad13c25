package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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

// TestWrites_BodiesBoundedInFlight: the request bodies being read at once
// hold at most 64 MiB, whoever sends them; a write beyond waits for its
// share. 100 writes of 1 MiB bodies, each sent but for its last byte, held
// every body (and io.ReadAll's slack): 100 × 1 MiB and more, as many as
// the connection cap let in.
func TestWrites_BodiesBoundedInFlight(t *testing.T) {
	const token = editorToken
	onBothStores(t, func(t *testing.T, store incidentStore) {
		srv := editorServer(t, store)
		const size = 1 << 20
		body := `{"type":"Feature","properties":{"summary_en":"` + strings.Repeat("a", size)
		before := liveHeap()
		var conns []net.Conn
		for range 100 {
			c, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
			fmt.Fprintf(c, "POST /api/collections/incidents/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/geo+json\r\nContent-Length: %d\r\n\r\n", token, size)
			go c.Write([]byte(body[:size-1])) // its last byte never comes
		}
		time.Sleep(2 * time.Second) // the bodies read as far as they came
		grown := int64(liveHeap()) - int64(before)
		t.Logf("100 bodies of 1 MiB, but their last byte, being read: %.1f MB of heap", float64(grown)/1e6)
		if grown > 72<<20 {
			t.Errorf("100 bodies of 1 MiB being read hold %.1f MB of heap, over 64 MiB", float64(grown)/1e6)
		}
		for _, c := range conns {
			c.Close()
		}
		// Their shares given back, a write is read and answered.
		f := `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.2,33.5]},"properties":{"incident_type":"shelling",
			"date_from":"2025-12-03","admin1_pcode":"SY01","geo_precision":"governorate","status":"draft"}}`
		var code int
		for range 50 {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/collections/incidents/items", strings.NewReader(f))
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", "application/geo+json")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if code = res.StatusCode; code == http.StatusCreated {
				break
			}
			t.Logf("%d %s", code, b)
			time.Sleep(200 * time.Millisecond)
		}
		if code != http.StatusCreated {
			t.Errorf("a write after the slow bodies left: %d, want 201", code)
		}
	})
}
