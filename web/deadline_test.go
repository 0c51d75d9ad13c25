package web_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/web"
)

// stallWord in a text filter makes stallStore's queries run until their
// context ends, as a query too costly for the data would.
const stallWord = "stallword"

// stallStore is a real store whose reads stall on stallWord, and whose
// pages after the first fail when failPages is set (a disk going away in
// the middle of an export).
type stallStore struct {
	*sqlite.Store
	failPages bool
}

func (s stallStore) wait(ctx context.Context, f incidents.Filter) error {
	if s.failPages && f.After != nil {
		return errors.New("stall: the disk went away")
	}
	if strings.Contains(f.Text, stallWord) {
		<-ctx.Done()
		return fmt.Errorf("stall: %w", ctx.Err())
	}
	return nil
}

func (s stallStore) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	if err := s.wait(ctx, f); err != nil {
		return nil, err
	}
	return s.Store.Find(ctx, f)
}

func (s stallStore) FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error) {
	if err := s.wait(ctx, f); err != nil {
		return nil, err
	}
	return s.Store.FindFeatures(ctx, f)
}

func (s stallStore) FindFeaturesWithin(ctx context.Context, f incidents.Filter, maxBytes int64) ([]feature.Encoded, bool, error) {
	if err := s.wait(ctx, f); err != nil {
		return nil, false, err
	}
	return s.Store.FindFeaturesWithin(ctx, f, maxBytes)
}

func (s stallStore) FindWithin(ctx context.Context, f incidents.Filter, maxBytes int64) ([]incidents.Incident, bool, error) {
	if err := s.wait(ctx, f); err != nil {
		return nil, false, err
	}
	return s.Store.FindWithin(ctx, f, maxBytes)
}

// stallIncident is an incident ID whose proposed sources stallStore reads
// until the context ends.
const stallIncident = 987654

func (s stallStore) Proposals(ctx context.Context, incidentID, after int64, limit int) ([]incidents.Proposal, error) {
	if incidentID == stallIncident {
		<-ctx.Done()
		return nil, fmt.Errorf("stall: %w", ctx.Err())
	}
	return s.Store.Proposals(ctx, incidentID, after, limit)
}

func newStallServer(t *testing.T, failPages bool, timeout time.Duration) *httptest.Server {
	t.Helper()
	_, store := newTestServer(t)
	tokens, err := web.ParseTokens("editor:" + editorToken)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.NewServer(web.Config{Store: stallStore{store, failPages}, QueryTimeout: timeout, Tokens: tokens}))
	t.Cleanup(srv.Close)
	return srv
}

// TestQueryTimeout: a read whose query runs past the query timeout answers
// 503 problem+json naming the limit, items, export and the editors' reads
// alike, instead of running on after its client has given up (there was no
// bound at all; the proposed sources had none until the editors' routes got
// it in one place).
func TestQueryTimeout(t *testing.T) {
	srv := newStallServer(t, false, 200*time.Millisecond)
	client := &http.Client{Timeout: 20 * time.Second}
	for _, path := range []string{"/api/collections/incidents/items?q=" + stallWord, "/api/collections/incidents/export?q=" + stallWord,
		"/api/collections/incidents/export?f=csv&q=" + stallWord, "/api/collections/drafts/items?q=" + stallWord,
		fmt.Sprintf("/api/proposals?incident_id=%d", stallIncident)} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+editorToken)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s: %v (no answer within the client's 20 s)", path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var p struct{ Status int }
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Content-Type") != "application/problem+json" ||
			json.Unmarshal(body, &p) != nil || !strings.Contains(string(body), "200ms") {
			t.Errorf("%s = %d %s %s, want a 503 problem naming the 200ms limit", path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
}

// TestReady_ClientsLeaving: requests whose clients leave before the answer
// are not server errors. Anyone could once take a server out of its load
// balancer by starting 32 costly requests and closing them: /readyz
// counted each as a failure and answered 503.
func TestReady_ClientsLeaving(t *testing.T) {
	srv := newStallServer(t, false, time.Minute)
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/api/collections/incidents/items?limit=%d&q=%s", srv.URL, i+1, stallWord), nil)
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
				t.Errorf("a stalled request answered %d", resp.StatusCode)
			}
		}()
	}
	wg.Wait()
	// The server notices each client leaving as its connection closes.
	var status int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if status = resp.StatusCode; status != http.StatusOK {
			break
		}
	}
	if status != http.StatusOK {
		t.Errorf("/readyz = %d after 40 clients left their requests, want 200", status)
	}
}

// TestExport_FailurePartWayCutsTheConnection: an export whose store fails
// after the first page must not end as a whole document. The connection
// was meant to be cut, but the request logger recovered the abort and the
// server closed the chunked body cleanly: a CSV client got the first 1,000
// rows as if they were every match.
func TestExport_FailurePartWayCutsTheConnection(t *testing.T) {
	_, store := newTestServer(t)
	addMany(t, store, 2500)
	srv := httptest.NewServer(web.NewServer(web.Config{Store: stallStore{store, true}}))
	t.Cleanup(srv.Close)
	for _, format := range []string{"csv", "geojson"} {
		resp, err := http.Get(srv.URL + "/api/collections/incidents/export?admin1_pcode=SY05&f=" + format)
		if err != nil {
			t.Fatal(err)
		}
		var readErr error
		if format == "csv" {
			var rows [][]string
			rows, readErr = csv.NewReader(resp.Body).ReadAll()
			if readErr == nil {
				t.Errorf("CSV export failing after its first page: %d rows read as a whole file, want a cut connection", len(rows))
			}
		} else {
			_, readErr = io.ReadAll(resp.Body)
			if readErr == nil {
				t.Errorf("GeoJSON export failing after its first page ended cleanly, want a cut connection")
			}
		}
		resp.Body.Close()
		if readErr != nil && !errors.Is(readErr, io.ErrUnexpectedEOF) {
			t.Logf("%s: %v", format, readErr)
		}
	}
}

// smallSendBuffers makes every accepted connection's send buffer small, so
// that a page blocks on a client that does not read, as a large one does
// over a real network.
type smallSendBuffers struct{ net.Listener }

func (l smallSendBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(4096)
	}
	return c, err
}

// TestItems_ClientsNotReading: listing pages are made under a shared budget
// of features; a client that asks for a page and never reads it must not
// keep that budget while the server waits to send. Two such clients asking
// for pages of 10,000 once held all of it, and every other listing waited
// on them (15 s and more on a real server).
func TestItems_ClientsNotReading(t *testing.T) {
	_, store := newTestServer(t)
	addMany(t, store, 2500)
	srv := httptest.NewUnstartedServer(web.NewServer(web.Config{Store: store}))
	srv.Listener = smallSendBuffers{srv.Listener}
	srv.Start()
	t.Cleanup(srv.Close)
	for i := range 3 {
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		c.(*net.TCPConn).SetReadBuffer(4096)
		fmt.Fprintf(c, "GET /api/collections/incidents/items?limit=10000&min_killed=%d HTTP/1.1\r\nHost: x\r\n\r\n", i)
	}
	time.Sleep(500 * time.Millisecond) // the three pages are made and stuck in sending
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(srv.URL + "/api/collections/incidents/items?limit=5")
	if err != nil {
		t.Fatalf("a small page while three clients do not read theirs: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("a small page while three clients do not read theirs: %d", resp.StatusCode)
	}
}

// TestExport_ManyAtOnce: exports read their pages apart from the map's
// listings. Export pages took their share of the listings' budget, so 21
// exports whose page reads were slow (a costly filter) left every listing
// waiting behind them: 40 such exports kept listings waiting up to 11 s.
func TestExport_ManyAtOnce(t *testing.T) {
	srv := newStallServer(t, false, time.Minute)
	for i := range 25 {
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/api/collections/incidents/export?min_killed=%d&q=%s", srv.URL, i, stallWord), nil)
		go func() {
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
	}
	time.Sleep(500 * time.Millisecond) // the exports wait on their first pages
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(srv.URL + "/api/collections/incidents/items?limit=100")
	if err != nil {
		t.Fatalf("a listing while 25 exports read slow pages: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("a listing while 25 exports read slow pages: %d", resp.StatusCode)
	}
}

// TestExport_ClientsNotReading: an export whose client does not read keeps
// no other export waiting while the server waits to send to it.
func TestExport_ClientsNotReading(t *testing.T) {
	_, store := newTestServer(t)
	addMany(t, store, 2500)
	srv := httptest.NewUnstartedServer(web.NewServer(web.Config{Store: store}))
	srv.Listener = smallSendBuffers{srv.Listener}
	srv.Start()
	t.Cleanup(srv.Close)
	for i := range 3 {
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		c.(*net.TCPConn).SetReadBuffer(4096)
		fmt.Fprintf(c, "GET /api/collections/incidents/export?min_killed=%d HTTP/1.1\r\nHost: x\r\n\r\n", i)
	}
	time.Sleep(500 * time.Millisecond) // the three first pages are stuck in sending
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(srv.URL + "/api/collections/incidents/export?f=csv&min_killed=2")
	if err != nil {
		t.Fatalf("an export while three clients do not read theirs: %v", err)
	}
	defer resp.Body.Close()
	rows, err := csv.NewReader(resp.Body).ReadAll()
	if err != nil || len(rows) != 1+836 {
		t.Errorf("an export while three clients do not read theirs: %d rows, %v; want a header and 836", len(rows), err)
	}
}
