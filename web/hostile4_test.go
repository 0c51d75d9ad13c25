package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
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
	srv := eventsServer(t, 3)
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

// TestBodyNotRead_AnswerNotHeld: a request declaring a body the handler does
// not read (a GET given one, a write without a token) was answered only
// after net/http had read up to 256 KiB of that body, at the client's pace:
// one sending a byte a second held a busy connection for the read timeout,
// and 400 such clients kept every other request waiting for a connection.
// The answer now comes at once, closing the connection; a body read whole
// keeps it open.
func TestBodyNotRead_AnswerNotHeld(t *testing.T) {
	srv, _ := newTestServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, req := range []string{
		"GET /api/collections HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{",
		"POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{",
		"POST /api/collections/incidents/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/geo+json\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n",
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.Write([]byte(req))
		conn.SetReadDeadline(time.Now().Add(3 * time.Second))
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		line, _, _ := strings.Cut(req, "\r\n")
		if err != nil {
			conn.Close()
			t.Errorf("%s with a body it never finishes: no answer within 3 s (%v)", line, err)
			continue
		}
		io.Copy(io.Discard, resp.Body)
		// The server must let the connection go, not wait on the body.
		if _, err := br.ReadByte(); err != nil && errors.Is(err, os.ErrDeadlineExceeded) {
			t.Errorf("%s with a body it never finishes: the connection still held 3 s after the answer", line)
		}
		conn.Close()
		if resp.StatusCode >= 500 || !resp.Close {
			t.Errorf("%s with a body it never finishes: %d, closing the connection: %v; want an answer that closes it", line, resp.StatusCode, resp.Close)
		}
	}
	// A body read to its end keeps the connection for the next request.
	body := `{"text":"x","source":{"url":"https://news.example/a"}}`
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/ingest", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+ingestToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.Close {
		t.Errorf("an ingest whose body was read (%d) closed its connection", resp.StatusCode)
	}
}

// eventsServer serves an empty SQLite store on loopback, a client holding at
// most perClient live-update streams.
func eventsServer(t *testing.T, perClient int) *httptest.Server {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv := httptest.NewServer(web.NewServer(web.Config{Store: store, StreamsPerClient: perClient}))
	t.Cleanup(srv.Close)
	return srv
}
