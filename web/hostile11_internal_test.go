package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestProposals_Paged: GET /api/proposals answered every pending proposal
// at once, each with its incident as it stands, and an ingest token
// proposes without end: 1,500 reports restating one incident at its text
// limits made an answer of 570 MB (2.1 GB of server memory). It is paged
// now, by number (?limit, 100 by default) and by bytes, and the next links
// give every proposal once, in order; bad paging parameters are 400s
// naming them. SQLite and PostGIS.
func TestProposals_Paged(t *testing.T) {
	const token = editorToken
	onBothStores(t, func(t *testing.T, store incidentStore) {
		ctx := context.Background()
		big := seedIncidents(t)[0]
		big.SummaryEN = strings.Repeat("A summary written long for this test. ", 800)[:30000]
		big.Sources = nil
		for i := range 100 {
			big.Sources = append(big.Sources, incidents.Source{Title: fmt.Sprintf("source %d", i),
				URL: fmt.Sprintf("https://long.example/%d/%s", i, strings.Repeat("p", 1900))})
		}
		ids, err := store.Add(ctx, []incidents.Incident{big})
		if err != nil {
			t.Fatal(err)
		}
		const reports = 200
		for i := range reports {
			src := incidents.Source{Title: "restated", URL: fmt.Sprintf("https://restating.example/%d", i)}
			if _, err := store.AddReport(ctx, incidents.Report{Source: src, Proposals: []int64{ids[0]}}); err != nil {
				t.Fatal(err)
			}
		}
		srv := editorServer(t, store)
		get := func(url string) (int, []byte) {
			req, _ := http.NewRequest(http.MethodGet, url, nil)
			req.Header.Set("Authorization", "Bearer "+token)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			return res.StatusCode, b
		}
		type page struct {
			Proposals []struct{ ID, IncidentID int64 }
			Links     []struct{ Href, Rel string }
		}
		for _, start := range []string{"/api/proposals", "/api/proposals?limit=7", "/api/proposals?incident_id=" + fmt.Sprint(ids[0])} {
			var seen []int64
			next, pages := srv.URL+start, 0
			for next != "" && pages < 1000 {
				code, b := get(next)
				if code != http.StatusOK {
					t.Fatalf("%s: %d %s", next, code, b)
				}
				if len(b) > 9<<20 { // 8 MiB of proposals, and one more
					t.Fatalf("%s: an answer of %.1f MB, over 9 MiB", next, float64(len(b))/1e6)
				}
				var p page
				if err := json.Unmarshal(b, &p); err != nil {
					t.Fatal(err)
				}
				for _, pr := range p.Proposals {
					seen = append(seen, pr.ID)
				}
				next, pages = "", pages+1
				for _, l := range p.Links {
					if l.Rel == "next" {
						next = l.Href
					}
				}
			}
			if len(seen) != reports {
				t.Errorf("%s: %d proposals through %d pages, want %d", start, len(seen), pages, reports)
			}
			for i := 1; i < len(seen); i++ {
				if seen[i] <= seen[i-1] {
					t.Fatalf("%s: proposal %d after %d: not each once in order", start, seen[i], seen[i-1])
				}
			}
		}
		if code, b := get(srv.URL + "/api/proposals?limit=7"); code == http.StatusOK {
			var p page
			json.Unmarshal(b, &p)
			if len(p.Proposals) != 7 {
				t.Errorf("limit=7 gave %d proposals", len(p.Proposals))
			}
		}
		for q, name := range map[string]string{"after=-1": "after", "after=x": "after", "after=0": "after",
			"limit=0": "limit", "limit=x": "limit", "incident_id=0": "incident_id"} {
			if code, b := get(srv.URL + "/api/proposals?" + q); code != http.StatusBadRequest || !strings.Contains(string(b), name) {
				t.Errorf("?%s: %d %s, want a 400 naming %s", q, code, b, name)
			}
		}
	})
}

// TestWrites_SilentBodiesHoldNoTurn: a body's share of the bytes read at
// once was its whole Content-Length, taken before its first byte came, so
// that 64 connections declaring 1 MiB bodies and sending nothing held all
// of it, and every other write waited 10 s for a 503 while they stayed. A
// body holds room for what it has sent now: a write is answered at once.
// SQLite and PostGIS.
func TestWrites_SilentBodiesHoldNoTurn(t *testing.T) {
	const token = editorToken
	onBothStores(t, func(t *testing.T, store incidentStore) {
		srv := editorServer(t, store)
		for range 80 {
			c, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			fmt.Fprintf(c, "POST /api/collections/drafts/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/geo+json\r\nContent-Length: %d\r\n\r\n{", token, 1<<20)
		}
		time.Sleep(500 * time.Millisecond) // their handlers waiting for their bodies
		f := `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.2,33.5]},"properties":{"incident_type":"shelling",
			"date_from":"2025-12-03","admin1_pcode":"SY01","geo_precision":"governorate","status":"draft"}}`
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/collections/drafts/items", strings.NewReader(f))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/geo+json")
		start := time.Now()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		took := time.Since(start)
		t.Logf("a write beside 80 silent bodies of 1 MiB: %d in %s", res.StatusCode, took.Round(time.Millisecond))
		if res.StatusCode != http.StatusCreated || took > 3*time.Second {
			t.Errorf("a write beside 80 silent bodies of 1 MiB: %d in %s (%s), want 201 at once", res.StatusCode, took.Round(time.Millisecond), b)
		}
	})
}
