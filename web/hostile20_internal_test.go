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

	"github.com/mapsrv/mapsrv/incidents"
)

// heldFilters holds every read with a CQL2 filter, min_killed, words (q) or a district
// until release is closed, counting how many are inside the store at once; reads
// without either pass through. Embedding hides the stores' own page finders, so a
// listing reads through Find.
type heldFilters struct {
	incidentStore
	release chan struct{}
	mu      sync.Mutex
	in, top int
}

func (h *heldFilters) hold(f incidents.Filter) {
	if f.Where == nil && f.MinKilled == 0 && f.Text == "" && f.Admin2PCode == "" {
		return
	}
	h.mu.Lock()
	h.in++
	h.top = max(h.top, h.in)
	h.mu.Unlock()
	<-h.release
	h.mu.Lock()
	h.in--
	h.mu.Unlock()
}

func (h *heldFilters) inside() (in, top int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.in, h.top
}

func (h *heldFilters) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	h.hold(f)
	return h.incidentStore.Find(ctx, f)
}

func (h *heldFilters) Aggregate(ctx context.Context, f incidents.Filter, g incidents.Grid) ([]incidents.Cell, error) {
	h.hold(f)
	return h.incidentStore.Aggregate(ctx, f, g)
}

func (h *heldFilters) Histogram(ctx context.Context, f incidents.Filter, unit incidents.BinUnit) (incidents.Histogram, error) {
	h.hold(f)
	return h.incidentStore.Histogram(ctx, f, unit)
}

func (h *heldFilters) CountByAdmin(ctx context.Context, f incidents.Filter, level int) ([]incidents.AdminCount, error) {
	h.hold(f)
	return h.incidentStore.CountByAdmin(ctx, f, level)
}

// TestFilter_OneClientWaitsForItsTurns: one client sending many requests
// with a costly filter at once (64 LIKEs, each reading every summary), or a
// min_killed no incident reaches, ran them all at once: at 200,000
// incidents, 64 connections of one client took both cores and every
// database connection, the summaries' four slots were its aggregates', and
// the map's own listings and aggregates waited 5-13 s. Now a client runs
// two such requests at once and the server two, and a request without
// either from another client is answered while they are held.
func TestFilter_OneClientWaitsForItsTurns(t *testing.T) {
	filter := url.QueryEscape("summary_en LIKE '%shell%' OR summary_ar LIKE '%قصف%'")
	heldTurns(t, "a filter", func(path string, i int) string {
		// Each its own dates, so that no two share a run or a cached
		// answer; every other one a min_killed instead of a filter.
		if i%3 == 1 {
			return fmt.Sprintf("/api/collections/incidents/%sdatetime=19%02d-01-01/..&min_killed=900000", path, i)
		}
		return fmt.Sprintf("/api/collections/incidents/%sdatetime=19%02d-01-01/..&filter=%s", path, i, filter)
	})
}

// heldTurns sends twelve of one client's requests that take a turn (urlOf
// gives the i-th for a path), holds them in the store, and checks that at
// most filterTurnsPerClient run at once while another client's listing and
// aggregate without what (a filter, q) are answered.
func heldTurns(t *testing.T, what string, urlOf func(path string, i int) string) {
	t.Helper()
	onBothStores(t, func(t *testing.T, store incidentStore) {
		held := &heldFilters{incidentStore: store, release: make(chan struct{})}
		released := sync.OnceFunc(func() { close(held.release) })
		defer released()
		srv := NewServer(Config{Store: held})
		var wg sync.WaitGroup
		for i := range 12 {
			u := urlOf([]string{"items?", "aggregate?zoom=6&bbox=35,32,43,38&", "histogram?", "counts?"}[i%4], i)
			wg.Add(1)
			go func() {
				defer wg.Done()
				req := httptest.NewRequest(http.MethodGet, u, nil)
				req.RemoteAddr = "192.0.2.7:40000"
				srv.ServeHTTP(httptest.NewRecorder(), req)
			}()
		}
		// Wait until the store holds two, then give the rest the time to
		// come in if they could.
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if in, _ := held.inside(); in >= 2 || time.Now().After(deadline) {
				break
			}
		}
		time.Sleep(300 * time.Millisecond)
		// The map's view from another client: a listing and an aggregate
		// without either, while the first client's are held.
		done := make(chan int, 2)
		for _, u := range []string{"/api/collections/incidents/items?limit=5", "/api/collections/incidents/aggregate?zoom=6&bbox=35,32,43,38"} {
			go func() {
				req := httptest.NewRequest(http.MethodGet, u, nil)
				req.RemoteAddr = "198.51.100.9:50000"
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, req)
				done <- w.Code
			}()
		}
		for range 2 {
			select {
			case code := <-done:
				if code != http.StatusOK {
					t.Errorf("another client's request without %s: %d, want 200", what, code)
				}
			case <-time.After(10 * time.Second):
				t.Errorf("another client's request without %s waited behind the first client's requests with it", what)
			}
		}
		if _, top := held.inside(); top > filterTurnsPerClient {
			t.Errorf("%d of one client's requests with %s ran at once; want at most %d", top, what, filterTurnsPerClient)
		}
		released()
		wg.Wait()
	})
}

// statusWriter tells its status, once, as it is written: a stream's 200
// comes with its first event, and the handler then runs on. done closes
// when the handler returns, so a refusal's body is read whole: the status
// is told before the body is written.
type statusWriter struct {
	header http.Header
	status chan int
	done   chan struct{}
	once   sync.Once
	body   strings.Builder
	mu     sync.Mutex
}

func newStatusWriter() *statusWriter {
	return &statusWriter{header: http.Header{}, status: make(chan int, 1), done: make(chan struct{})}
}

func (w *statusWriter) Header() http.Header { return w.header }
func (w *statusWriter) WriteHeader(code int) {
	w.once.Do(func() { w.status <- code })
}
func (w *statusWriter) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.body.Write(p)
}
func (w *statusWriter) Flush() {}

func (w *statusWriter) text() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.body.String()
}

// TestEvents_OneNetworkCannotHoldEveryStream: the cap on live-update
// streams was per client (an IPv4 address, an IPv6 /64), so one holder of
// many addresses held all 512 (an IPv6 /48 holds 65,536 /64s), leaving
// every other page polling. Now the clients of one site (a /48, an IPv4
// /24) hold at most 64 together and those of one network (a /32, a /16)
// 128, each a 429 naming the prefix, while a client elsewhere still opens
// one.
func TestEvents_OneNetworkCannotHoldEveryStream(t *testing.T) {
	srv := NewServer(Config{Store: versionOnly{}})
	defer srv.CloseStreams()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	open := func(addr string) (int, *statusWriter) { return openStream(ctx, t, srv, addr) }
	opened := func(addrOf func(i int) string, n int) (ok int, last *statusWriter) {
		for i := range n {
			code, w := open(addrOf(i))
			if code == http.StatusOK {
				ok++
			} else {
				last = w
			}
		}
		return ok, last
	}
	// 100 /64s of one /48: 64 streams, then 429s naming the /48.
	ok, last := opened(func(i int) string { return fmt.Sprintf("[2001:db8:1:%x::1]:4000", i) }, 100)
	if ok != siteStreams || last == nil || !strings.Contains(last.text(), "2001:db8:1::/48") {
		t.Errorf("100 clients of one IPv6 /48: %d streams opened; want %d, then a 429 naming the /48 (%q)", ok, siteStreams, text(last))
	}
	// Other /48s of the same /32: up to 128 in all, then 429s naming the /32.
	ok, last = opened(func(i int) string { return fmt.Sprintf("[2001:db8:%x::1]:4000", 2+i) }, 100)
	if ok != networkStreams-siteStreams || last == nil || !strings.Contains(last.text(), "2001:db8::/32") {
		t.Errorf("100 more /48s of that /32: %d streams opened; want %d, then a 429 naming the /32 (%q)", ok, networkStreams-siteStreams, text(last))
	}
	// IPv4: one /24's addresses hold 64.
	ok, _ = opened(func(i int) string { return fmt.Sprintf("192.0.2.%d:4000", i+1) }, 80)
	if ok != siteStreams {
		t.Errorf("80 addresses of one IPv4 /24: %d streams opened; want %d", ok, siteStreams)
	}
	// Anyone elsewhere is still served.
	for _, addr := range []string{"[2001:db9::1]:4000", "198.51.100.1:4000"} {
		if code, w := open(addr); code != http.StatusOK {
			t.Errorf("a client of another network (%s): %d %q; want 200", addr, code, w.text())
		}
	}
}

// openStream opens a live-update stream for a client at addr, returning
// the status it is answered with and its writer; a refusal's handler is
// waited for, so that its body is whole.
func openStream(ctx context.Context, t *testing.T, srv http.Handler, addr string) (int, *statusWriter) {
	t.Helper()
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/api/events", nil)
	req.RemoteAddr = addr
	w := newStatusWriter()
	go func() {
		defer close(w.done)
		srv.ServeHTTP(w, req)
	}()
	select {
	case code := <-w.status:
		if code != http.StatusOK {
			select {
			case <-w.done:
			case <-time.After(10 * time.Second):
				t.Fatalf("GET /api/events from %s: %d, and its handler did not return", addr, code)
			}
		}
		return code, w
	case <-time.After(10 * time.Second):
		t.Fatalf("GET /api/events from %s: no answer", addr)
		return 0, nil
	}
}

func text(w *statusWriter) string {
	if w == nil {
		return ""
	}
	return w.text()
}

// TestParams_SameDetailEachTime: a query with several unknown or repeated
// parameters was answered naming whichever one a map gave first, another
// on each request (10,000 unknown names: "x2506", then "x5585"), so that
// two stores, or two tries, told the same request apart. The first name in
// order is named now, every time.
func TestParams_SameDetailEachTime(t *testing.T) {
	srv := NewServer(Config{Store: versionOnly{}})
	details := map[string]bool{}
	for range 30 {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/api/collections/incidents/items?zz=1&mm=2&limit=1&limit=2&bb=3&yy=4", nil))
		details[w.Body.String()] = true
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), `\"bb\"`) {
			t.Fatalf("unknown bb, mm, yy, zz and a repeated limit: %d %s; want a 400 naming bb", w.Code, w.Body)
		}
	}
	if len(details) != 1 {
		t.Errorf("one request answered %d ways in 30 tries", len(details))
	}
}

// stuckWriter is a client that never reads: every write of its answer
// blocks until the test ends.
type stuckWriter struct {
	header http.Header
	stuck  chan struct{}
}

func (w *stuckWriter) Header() http.Header { return w.header }
func (w *stuckWriter) WriteHeader(int)     {}
func (w *stuckWriter) Write(p []byte) (int, error) {
	<-w.stuck
	return len(p), nil
}

// TestFilter_TurnNotHeldWhileSending: a request with a filter held its
// turn while its answer was written, so a client that asked for two pages
// and read neither held both of the server's turns until the write
// timeout, and every other client's filter waited out its query time: 503.
// A turn is given back as the answer starts.
func TestFilter_TurnNotHeldWhileSending(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		srv := NewServer(Config{Store: store, QueryTimeout: 3 * time.Second})
		stuck := make(chan struct{})
		var wg sync.WaitGroup
		defer wg.Wait()
		defer close(stuck)
		for i := range filterTurnsAtOnce {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/api/collections/incidents/items?limit=%d&filter=killed%%20IS%%20NULL", 10+i), nil)
				req.RemoteAddr = fmt.Sprintf("192.0.2.%d:40000", 10+i) // clients of their own, as many as there are turns
				srv.ServeHTTP(&stuckWriter{header: http.Header{}, stuck: stuck}, req)
			}()
		}
		time.Sleep(300 * time.Millisecond) // they take their turns and start their answers
		w := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/api/collections/incidents/items?limit=3&filter=killed%20IS%20NULL", nil)
		req.RemoteAddr = "198.51.100.9:50000"
		srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			t.Errorf("a filter while %d clients do not read theirs: %d %s; want 200", filterTurnsAtOnce, w.Code, w.Body)
		}
	})
}
