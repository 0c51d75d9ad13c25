package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestExport_OneClientCannotHoldEveryExport: the export slots were first
// come first served, page by page, and a page waited for one as long as
// its client stayed. One client looping 32 exports whose filter read every
// row (64 LIKEs, 0.9 s a page at 200,000 incidents) held both, and another
// client's export of one page waited 17-23 s, each further page as long
// again. Now a client reads one export page at once, so another client's
// export runs while the first one's are held, and an export that cannot
// start within the query time is a 503 with Retry-After, not a wait
// without end.
func TestExport_OneClientCannotHoldEveryExport(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		held := &heldFilters{incidentStore: store, release: make(chan struct{})}
		released := sync.OnceFunc(func() { close(held.release) })
		defer released()
		srv := NewServer(Config{Store: held, QueryTimeout: 2 * time.Second})
		filter := url.QueryEscape("summary_en LIKE '%shell%' OR summary_ar LIKE '%قصف%'")
		export := func(addr, query string) chan *httptest.ResponseRecorder {
			done := make(chan *httptest.ResponseRecorder, 1)
			go func() {
				req := httptest.NewRequest(http.MethodGet, "/api/collections/incidents/export?"+query, nil)
				req.RemoteAddr = addr
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, req)
				done <- w
			}()
			return done
		}
		waitAnswer := func(what string, done chan *httptest.ResponseRecorder) *httptest.ResponseRecorder {
			t.Helper()
			select {
			case w := <-done:
				return w
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: no answer in 10 s", what)
				return nil
			}
		}
		var attacker []chan *httptest.ResponseRecorder
		for i := range 6 {
			attacker = append(attacker, export("192.0.2.7:40000", fmt.Sprintf("datetime=19%02d-01-01/..&filter=%s", i, filter)))
		}
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if in, _ := held.inside(); in >= 1 || time.Now().After(deadline) {
				break
			}
		}
		time.Sleep(300 * time.Millisecond)

		// Another client's export without a filter runs while the first
		// client's are held.
		w := waitAnswer("another client's export while one client's exports are held", export("198.51.100.9:50000", "incident_type=arrest"))
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"numberMatched"`) {
			t.Errorf("another client's export: %d %.200s, want 200 and a whole collection", w.Code, w.Body.String())
		}
		if _, top := held.inside(); top > exportsPerClient {
			t.Errorf("%d of one client's exports read pages at once; want at most %d", top, exportsPerClient)
		}

		// A third client's held export takes the other slot; a fourth
		// client's export is then told the server is busy within its
		// query time.
		third := export("203.0.113.5:50000", "filter="+filter)
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if in, _ := held.inside(); in >= 2 || time.Now().After(deadline) {
				break
			}
		}
		w = waitAnswer("an export while every slot is held", export("233.252.0.1:50000", "incident_type=arrest"))
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "for its turn") {
			t.Errorf("an export while every slot is held: %d (Retry-After %q) %.300s; want 503 with Retry-After saying it waited for its turn",
				w.Code, w.Header().Get("Retry-After"), w.Body.String())
		}
		// The held ones end: those past their query time, and the first
		// client's that waited for its own turn as long, with a 503.
		released()
		for _, done := range append(attacker, third) {
			if w := waitAnswer("a held export once released", done); w.Code != http.StatusOK && w.Code != http.StatusServiceUnavailable {
				t.Errorf("a held export once released: %d %.200s", w.Code, w.Body.String())
			}
		}
	})
}
