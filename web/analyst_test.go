package web_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// addMany stores n published incidents around Hama, one a day back from
// 2025-06-30, every third reporting 2 killed.
func addMany(t *testing.T, store incidents.Store, n int) {
	t.Helper()
	incs := make([]incidents.Incident, n)
	for i := range incs {
		d := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i%400).Format(incidents.DateLayout)
		incs[i] = storetest.Incident(incidents.TypeClash, 36.7+float64(i%100)/1000, 35.1, d, d)
		incs[i].Admin1PCode, incs[i].SummaryEN = "SY05", fmt.Sprintf("clash number %d", i)
		if i%3 == 0 {
			incs[i].Killed = new(int)
			*incs[i].Killed = 2
		}
	}
	if _, err := store.Add(context.Background(), incs); err != nil {
		t.Fatal(err)
	}
}

func TestHistogram(t *testing.T) {
	srv, store := newTestServer(t)
	addMany(t, store, 300)
	var h struct {
		Bin           string `json:"bin"`
		NumberMatched int    `json:"numberMatched"`
		Bins          []struct {
			Start, End string
			Count      int
			Spread     float64
		} `json:"bins"`
	}
	getJSON(t, srv.URL+"/api/collections/incidents/histogram?admin1_pcode=SY05&bin=month", http.StatusOK, &h)
	total := 0
	for _, b := range h.Bins {
		total += b.Count
	}
	if h.Bin != "month" || h.NumberMatched != 300 || total != 300 || h.Bins[len(h.Bins)-1].Start != "2025-06-01" {
		t.Errorf("monthly histogram of Hama = %s, %d matched, %d in bins, last %+v; want 300 up to June 2025",
			h.Bin, h.NumberMatched, total, h.Bins[len(h.Bins)-1])
	}
	getJSON(t, srv.URL+"/api/collections/incidents/histogram?q=clash&min_killed=1&datetime=2025-06-01/2025-06-30", http.StatusOK, &h)
	if h.Bin != "week" || h.NumberMatched != 10 {
		t.Errorf("histogram of June's clashes with killed = %s, %d; want weekly bins of 10", h.Bin, h.NumberMatched)
	}
	for _, q := range []string{"bin=fortnight", "q=a", "min_killed=-1", "admin2_pcode=SY07", "zoom=3"} {
		getJSON(t, srv.URL+"/api/collections/incidents/histogram?"+q, http.StatusBadRequest, nil)
	}
}

func TestCounts(t *testing.T) {
	srv, store := newTestServer(t)
	addMany(t, store, 30)
	var c struct {
		By            string `json:"by"`
		NumberMatched int    `json:"numberMatched"`
		Areas         []struct {
			PCode  string `json:"pcode"`
			Count  int    `json:"count"`
			Killed int    `json:"killed"`
		} `json:"areas"`
	}
	getJSON(t, srv.URL+"/api/collections/incidents/counts?incident_type=clash", http.StatusOK, &c)
	var hama *struct {
		PCode  string `json:"pcode"`
		Count  int    `json:"count"`
		Killed int    `json:"killed"`
	}
	for i := range c.Areas {
		if c.Areas[i].PCode == "SY05" {
			hama = &c.Areas[i]
		}
	}
	if c.By != "governorate" || hama == nil || hama.Count != 30 || hama.Killed != 20 {
		t.Errorf("counts of clashes = %+v; want Hama (SY05) with 30 and 20 killed", c)
	}
	getJSON(t, srv.URL+"/api/collections/incidents/counts?by=district", http.StatusOK, &c)
	if c.By != "district" {
		t.Errorf("by district answered by %q", c.By)
	}
	getJSON(t, srv.URL+"/api/collections/incidents/counts?by=village", http.StatusBadRequest, nil)
}

func TestFilters_New(t *testing.T) {
	srv, store := newTestServer(t)
	addMany(t, store, 30)
	var fc featureCollection
	getJSON(t, srv.URL+"/api/collections/incidents/items?q=CLASH+number&min_killed=2&limit=100", http.StatusOK, &fc)
	if len(fc.Features) != 10 {
		t.Errorf("items with q and min_killed: %d, want 10", len(fc.Features))
	}
	var agg struct {
		NumberMatched int `json:"numberMatched"`
	}
	getJSON(t, srv.URL+"/api/collections/incidents/aggregate?zoom=6&q=clash&min_killed=2", http.StatusOK, &agg)
	if agg.NumberMatched != 10 {
		t.Errorf("aggregate with q and min_killed: %d, want 10", agg.NumberMatched)
	}
	resp, err := http.Get(srv.URL + "/tiles/incidents/6/39/25.mvt?q=clash&admin2_pcode=SY0501")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("tile with the new filters: %v, %v", resp, err)
	}
	if resp != nil {
		resp.Body.Close()
	}
	for _, q := range []string{"admin2_pcode=SY1502", "min_killed=many", "q=" + url.QueryEscape(strings.Repeat("long ", 50))} {
		getJSON(t, srv.URL+"/api/collections/incidents/items?"+q, http.StatusBadRequest, nil)
	}
}

// TestExport_Everything: the export pages through the store and streams
// every match, past the items endpoint's 10,000 and its own pages.
func TestExport_Everything(t *testing.T) {
	srv, store := newTestServer(t)
	addMany(t, store, 2500)
	var fc featureCollection
	h := getJSON(t, srv.URL+"/api/collections/incidents/export?admin1_pcode=SY05", http.StatusOK, &fc)
	seen := map[int64]bool{}
	for _, f := range fc.Features {
		seen[f.ID] = true
	}
	if len(fc.Features) != 2500 || len(seen) != 2500 || !strings.Contains(h.Get("Content-Disposition"), "incidents.geojson") {
		t.Errorf("GeoJSON export: %d features, %d distinct, %q; want all 2500 as a download", len(fc.Features), len(seen), h.Get("Content-Disposition"))
	}
	resp, err := http.Get(srv.URL + "/api/collections/incidents/export?f=csv&admin1_pcode=SY05&min_killed=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	rows, err := csv.NewReader(resp.Body).ReadAll()
	if err != nil || len(rows) != 1+834 || rows[0][0] != "id" {
		t.Errorf("CSV export: %d rows, %v; want a header and 834", len(rows), err)
	}
	getJSON(t, srv.URL+"/api/collections/incidents/export?limit=5", http.StatusBadRequest, nil)
}

// TestEvents: a page listening on /api/events hears the version at once and
// again when an incident is written.
func TestEvents(t *testing.T) {
	srv, store := newTestServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("GET /api/events = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	events := readEvents(resp.Body)
	first := <-events
	if _, err := store.Add(context.Background(), []incidents.Incident{storetest.Incident(incidents.TypeArrest, 36.8, 35.8, "2025-12-01", "2025-12-01")}); err != nil {
		t.Fatal(err)
	}
	select {
	case next := <-events:
		if next <= first {
			t.Errorf("version after a write = %d, first %d", next, first)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no version event within 10 s of a write")
	}
}

// readEvents yields the versions of the "version" events of an SSE body.
func readEvents(body io.Reader) <-chan int64 {
	out := make(chan int64, 8)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var v struct{ Version int64 }
				if json.Unmarshal([]byte(data), &v) == nil {
					out <- v.Version
				}
			}
		}
	}()
	return out
}

// TestExport_Gzip: a gzip client gets a streamed export marked as gzip from
// its first byte; flushing a page must not send the headers before it.
func TestExport_Gzip(t *testing.T) {
	srv, store := newTestServer(t)
	addMany(t, store, 1500)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/collections/incidents/export", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding = %q, want gzip", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var fc featureCollection
	if err := json.NewDecoder(zr).Decode(&fc); err != nil || len(fc.Features) < 1500 {
		t.Errorf("gunzipped export: %d features, %v", len(fc.Features), err)
	}
}

// TestFilter_WithTheMapsFilters: a CQL2 filter and the map's own filters
// (q, min_killed, the district) narrow each other on every endpoint alike.
func TestFilter_WithTheMapsFilters(t *testing.T) {
	srv, store := newTestServer(t)
	addMany(t, store, 60)
	// June's incidents are the first 30, every third of them with 2 killed.
	q := "q=clash&filter=" + url.QueryEscape("killed >= 2 AND date_to >= DATE('2025-06-01')")
	var fc featureCollection
	getJSON(t, srv.URL+"/api/collections/incidents/items?limit=100&"+q, http.StatusOK, &fc)
	var matched struct {
		NumberMatched int `json:"numberMatched"`
	}
	counts := map[string]int{"items": len(fc.Features)}
	for _, path := range []string{"aggregate?zoom=6&", "histogram?", "counts?"} {
		getJSON(t, srv.URL+"/api/collections/incidents/"+path+q, http.StatusOK, &matched)
		counts[path] = matched.NumberMatched
	}
	resp, err := http.Get(srv.URL + "/api/collections/incidents/export?f=csv&" + q)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(resp.Body).ReadAll()
	resp.Body.Close()
	if err != nil || len(rows) == 0 || rows[0][len(rows[0])-1] != "admin2_pcode" {
		t.Fatalf("CSV export: %v, header %v; want admin2_pcode last", err, rows)
	}
	counts["export"] = len(rows) - 1
	for name, n := range counts {
		if n != 10 {
			t.Errorf("%s with q and a filter: %d, want 10 (%v)", name, n, counts)
		}
	}
	getJSON(t, srv.URL+"/api/collections/incidents/items?min_killed=2&filter="+url.QueryEscape("killed < 2"), http.StatusOK, &fc)
	if len(fc.Features) != 0 {
		t.Errorf("min_killed=2 and killed < 2: %d features, want none", len(fc.Features))
	}
	for _, path := range []string{"histogram?filter=", "counts?filter=kiled%3E1", "export?filter-lang=cql3&filter=killed%3E1"} {
		getJSON(t, srv.URL+"/api/collections/incidents/"+path, http.StatusBadRequest, nil)
	}
}
