package web

import (
	"context"
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

// TestSearch_OneClientWaitsForItsTurns: words (q) are found through the
// full-text index, but a word most incidents hold matches most of them,
// and a summary of those reads every match: at 200,000 incidents an
// aggregate with q=Synthetic cost 2 s, a histogram 1-2 s. Requests with q
// took no turn, as filters and min_killed do since round 20, so 64 of one
// client's aggregates held the summaries' four slots and the map's own
// aggregates waited out their query time (14.8 s, then a 503). Now q takes
// a turn too, and another client's requests without one are answered
// while the first client's are held.
func TestSearch_OneClientWaitsForItsTurns(t *testing.T) {
	heldTurns(t, "q", func(path string, i int) string {
		return fmt.Sprintf("/api/collections/incidents/%sdatetime=19%02d-01-01/..&q=%s", path, i, url.QueryEscape("قصف shelling"))
	})
}

// TestEvents_FullServerSharedByNetwork: the caps by client, site and
// network (round 20) still let holders of addresses in four networks (IPv6
// /32s, IPv4 /16s) hold all 512 live-update streams, and every page
// elsewhere was refused (503) until they let go. Now a newcomer from a
// network holding fewer than the one holding most takes the place of that
// network's oldest stream, which ends; a network holding as many as any
// other is still refused when the server is full.
func TestEvents_FullServerSharedByNetwork(t *testing.T) {
	srv := NewServer(Config{Store: versionOnly{}})
	defer srv.CloseStreams()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	open := func(addr string) (int, *statusWriter) { return openStream(ctx, t, srv, addr) }
	// Four /32s, each two /48s of four /64s of 16 streams: 512 in all.
	var first []*statusWriter // the oldest streams, of the first /32
	for nw := range 4 {
		for site := range 2 {
			for client := range 4 {
				for range DefaultStreamsPerClient {
					addr := fmt.Sprintf("[2001:db%x:%x:%x::1]:4000", 8+nw, site, client)
					if code, w := open(addr); code != http.StatusOK {
						t.Fatalf("stream %s: %d %q; want 200 until the server is full", addr, code, w.text())
					} else if nw == 0 {
						first = append(first, w)
					}
				}
			}
		}
	}
	// Another network's page is served, and one stream of a network
	// holding most ends to make room for it.
	for _, addr := range []string{"198.51.100.1:4000", "[2001:dc0::1]:4000"} {
		if code, w := open(addr); code != http.StatusOK {
			t.Fatalf("a page of another network (%s) on a server that four networks fill: %d %q; want 200", addr, code, w.text())
		}
	}
	countEnded := func() (n int) {
		for _, w := range first {
			select {
			case <-w.done:
				n++
			default:
			}
		}
		return n
	}
	for deadline := time.Now().Add(5 * time.Second); countEnded() == 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	ended := countEnded()
	if ended != 1 {
		t.Errorf("%d of the first network's streams ended for the newcomers; want 1 (the other newcomer's place from another network)", ended)
	}
	// A network holding as many as any other is refused: the first network,
	// one stream down, may not take it back from the rest.
	if code, w := open("[2001:db8:0:7::1]:4000"); code != http.StatusServiceUnavailable {
		t.Errorf("the first network again, on a full server where it holds as many as the most: %d %q; want 503", code, w.text())
	}
}
