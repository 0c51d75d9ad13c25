package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
)

// health keeps the outcome of the latest requests that read the store (the
// API and the tiles): a store that opens but cannot answer (a corrupt page
// deep in a table) shows there first. It is safe for concurrent use.
type health struct {
	mu     sync.Mutex
	failed [healthWindow]bool // server errors among the latest answers, a ring
	n, at  int
}

// healthWindow is how many of the latest answers are kept; the server is
// failing when at least healthFailures of them, and half, were server errors.
const (
	healthWindow   = 32
	healthFailures = 4
)

// record keeps the outcome of a request to path.
func (h *health) record(path string, status int) {
	if !strings.HasPrefix(path, "/api") && !strings.HasPrefix(path, "/tiles/") {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.failed[h.at] = status >= 500 && status != http.StatusServiceUnavailable
	h.at = (h.at + 1) % healthWindow
	h.n = min(h.n+1, healthWindow)
}

// failing reports whether most of the latest answers were server errors.
func (h *health) failing() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	bad := 0
	for _, f := range h.failed[:h.n] {
		if f {
			bad++
		}
	}
	return bad >= healthFailures && 2*bad >= h.n
}

// readyStore is a store that can check it answers cheaply.
type readyStore interface {
	Ready(ctx context.Context) error
}

// handleReady answers 200 when the store passes its cheap check (a read of
// every table) and most recent API requests did not fail with a server
// error, 503 otherwise: a store that opens but cannot answer queries is not
// ready.
func handleReady(store incidentStore, h *health, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var err error
		if rs, ok := store.(readyStore); ok {
			err = rs.Ready(r.Context())
		} else {
			_, err = store.Version(r.Context())
		}
		switch {
		case err != nil:
			log.Error("not ready: the store failed its check", "err", err)
			writeProblem(w, http.StatusServiceUnavailable, "the store cannot be read: see the log, and run mapsrv check")
			return
		case h.failing():
			writeProblem(w, http.StatusServiceUnavailable, "most recent requests failed with a server error: see the log, and run mapsrv check")
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ready\n"))
	})
}
