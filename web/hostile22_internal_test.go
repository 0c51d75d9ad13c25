package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/incidents"
)

// failingExtractor panics on every report, as the extractor did on one of
// 310 town names separated by commas (an index out of range in its road
// rules).
type failingExtractor struct{}

func (failingExtractor) ExtractLang(string, time.Time, string) []extract.Candidate {
	var toks []int
	return []extract.Candidate{{Evidence: string(rune(toks[len(toks)]))}}
}

// TestIngest_ExtractorFailureSaysSo: a report the extractor fails on was
// answered a 500 without a word, and logged as "panic" without where it
// happened. Now the answer says the extractor failed, that nothing was stored
// and that sending it again fails the same way, and the log holds the stack;
// nothing is stored, and the next report is read as before.
func TestIngest_ExtractorFailureSaysSo(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		const ingester = "ingest-token-0123456789"
		tokens, err := ParseTokens("ingest:" + ingester)
		if err != nil {
			t.Fatal(err)
		}
		var logged bytes.Buffer
		srv := httptest.NewServer(NewServer(Config{Store: store, Tokens: tokens, Extractor: failingExtractor{},
			Log: slog.New(slog.NewJSONHandler(&logged, nil))}))
		t.Cleanup(srv.Close)
		for i := range 2 {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/ingest",
				strings.NewReader(`{"text":"سراقب، الدانا، معرة النعمان، أريحا","lang":"ar","source":{"title":"towns"}}`))
			req.Header.Set("Authorization", "Bearer "+ingester)
			req.Header.Set("Content-Type", "application/json")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			var p problem
			json.Unmarshal(body, &p)
			if res.StatusCode != http.StatusInternalServerError || !strings.Contains(p.Detail, "extractor failed") ||
				!strings.Contains(p.Detail, "nothing was stored") {
				t.Errorf("try %d: %d %s, want a 500 saying the extractor failed and nothing was stored", i, res.StatusCode, body)
			}
		}
		if !strings.Contains(logged.String(), "failingExtractor.ExtractLang") {
			t.Errorf("the log does not say where the extractor failed:\n%.2000s", logged.String())
		}
		drafts, err := store.Find(context.Background(), incidents.Filter{Status: incidents.StatusDraft, Limit: 10})
		if err != nil || len(drafts) != 0 {
			t.Errorf("drafts stored: %d, %v; want none", len(drafts), err)
		}
	})
}

// TestSearch_InvisibleMarksInTheQuery: text copied from a news site or a
// message carries invisible format characters (right-to-left and
// left-to-right marks, the Arabic letter mark, bidi isolates, a zero-width
// non-joiner, a soft hyphen) around and inside words. A word pasted with
// one found nothing: a 200 with no incident, where the word typed finds
// them. Now the marks are left out of the words, on both stores, on every
// endpoint taking q.
func TestSearch_InvisibleMarksInTheQuery(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		if _, err := store.Add(context.Background(), seedIncidents(t)); err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(NewServer(Config{Store: store}))
		t.Cleanup(srv.Close)
		count := func(q string) int {
			t.Helper()
			res, err := http.Get(srv.URL + "/api/collections/incidents/items?" + url.Values{"q": {q}}.Encode())
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var fc struct {
				Features []json.RawMessage `json:"features"`
			}
			if err := json.NewDecoder(res.Body).Decode(&fc); err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("q=%+q: %d, %v", q, res.StatusCode, err)
			}
			return len(fc.Features)
		}
		for _, word := range []string{"سراقب", "Saraqib"} {
			want := count(word)
			if want == 0 {
				t.Fatalf("q=%s finds nothing in the seed", word)
			}
			r := []rune(word)
			mid := func(mark string) string { return string(r[:2]) + mark + string(r[2:]) }
			for _, q := range []string{"\u200f" + word, word + "\u200e", "\u061c" + word, "\u2067" + word + "\u2069",
				"\u202b" + word + "\u202c", "\ufeff" + word, mid("\u200c"), mid("\u200d"), mid("\u00ad")} {
				if got := count(q); got != want {
					t.Errorf("q=%+q: %d incidents, want %d as for %s", q, got, want, word)
				}
			}
		}
	})
}
