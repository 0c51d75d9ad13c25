package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/web"
)

// clientFrom is an HTTP client whose connections come from the loopback
// address local (127.0.0.1, 127.0.0.2, ...): another client to the server.
func clientFrom(local string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, DisableKeepAlives: true}}
}

// openStream opens GET /api/events from c; a 200's body is left open (the
// stream) and closed when the test ends.
func openStream(t *testing.T, ctx context.Context, c *http.Client, url string) *http.Response {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/api/events", nil)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// TestEvents_StreamsPerClient: one client could hold every one of the 512
// live-update streams (520 connections from one address took them all, and
// every other page fell back to polling). A client may now hold
// StreamsPerClient; one more is a 429 problem with Retry-After naming the
// limit, while other clients are served and a stream closed frees its place.
func TestEvents_StreamsPerClient(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv := httptest.NewServer(web.NewServer(web.Config{Store: store, StreamsPerClient: 3}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	one := clientFrom("127.0.0.1")
	var held []*http.Response
	for i := 0; i < 3; i++ {
		resp := openStream(t, ctx, one, srv.URL)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("stream %d of 3 from one client: %d, want 200", i+1, resp.StatusCode)
		}
		held = append(held, resp)
	}
	resp := openStream(t, ctx, one, srv.URL)
	body, _ := io.ReadAll(resp.Body)
	var p struct {
		Status int
		Detail string
	}
	json.Unmarshal(body, &p)
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" ||
		resp.Header.Get("Content-Type") != "application/problem+json" || !strings.Contains(p.Detail, "3 live-update streams") {
		t.Fatalf("a 4th stream from one client: %d Retry-After %q %s; want a 429 problem with Retry-After naming the limit of 3",
			resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	if other := openStream(t, ctx, clientFrom("127.0.0.2"), srv.URL); other.StatusCode != http.StatusOK {
		t.Fatalf("a stream from another client: %d, want 200", other.StatusCode)
	}
	held[0].Body.Close()
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp := openStream(t, ctx, one, srv.URL)
		if resp.StatusCode == http.StatusOK {
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatalf("a stream closed did not free its place: still %d", resp.StatusCode)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestEvents_StreamsPerClientDefault: without a setting, one client holds
// at most web.DefaultStreamsPerClient streams.
func TestEvents_StreamsPerClientDefault(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv := httptest.NewServer(web.NewServer(web.Config{Store: store}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := clientFrom("127.0.0.1")
	ok := 0
	for i := 0; i < web.DefaultStreamsPerClient+5; i++ {
		if openStream(t, ctx, c, srv.URL).StatusCode == http.StatusOK {
			ok++
		}
	}
	if ok != web.DefaultStreamsPerClient {
		t.Errorf("%d streams opened from one client, want %d", ok, web.DefaultStreamsPerClient)
	}
}
