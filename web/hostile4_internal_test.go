package web

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// TestItems_OutOfTimeWaitingIsA503: a page whose time ran out while it
// waited for its share of the listings' budget returned without a word, and
// net/http answered 200 with an empty body: a client (or a cache before it)
// took an empty answer for the data. It is now a 503 problem saying the
// server is busy, with Retry-After.
func TestItems_OutOfTimeWaitingIsA503(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "busy.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	budget := newPageBudget()
	if err := budget.small.Acquire(context.Background(), smallInFlight); err != nil { // every small page's share, held by others
		t.Fatal(err)
	}
	defer budget.small.Release(smallInFlight)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(withDeadline(100*time.Millisecond, handleIncidentItems(store, incidents.StatusPublished, budget, log)))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "?limit=10")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var p struct{ Detail string }
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" ||
		resp.Header.Get("Content-Type") != "application/problem+json" || json.Unmarshal(body, &p) != nil || p.Detail == "" {
		t.Fatalf("a page out of time waiting for its turn: %d Retry-After %q %q; want a 503 problem with Retry-After",
			resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
}
