package web_test

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/web"
)

// TestEvents_HeadEndsAtOnce: a HEAD of /api/events answered the stream's
// headers and then held the connection and a stream place for the stream's
// life (10 minutes), writing events nobody could receive: a client's next
// request on that kept-alive connection went unanswered, and 16 HEADs from
// one address took every stream place it may hold (a GET then a 429). A
// HEAD now answers the headers a GET would and ends.
func TestEvents_HeadEndsAtOnce(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	srv := httptest.NewServer(web.NewServer(web.Config{Store: store, StreamsPerClient: 3}))
	t.Cleanup(srv.Close)

	for i := range 3 {
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		c.SetDeadline(time.Now().Add(3 * time.Second))
		// A HEAD, then another request on the same connection.
		if _, err := c.Write([]byte("HEAD /api/events HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
			t.Fatal(err)
		}
		br := bufio.NewReader(c)
		head, err := http.ReadResponse(br, &http.Request{Method: http.MethodHead})
		if err != nil {
			t.Fatalf("HEAD %d: %v", i+1, err)
		}
		if head.StatusCode != http.StatusOK || head.Header.Get("Content-Type") != "text/event-stream" {
			t.Fatalf("HEAD %d: %d %q; want the stream's 200 text/event-stream", i+1, head.StatusCode, head.Header.Get("Content-Type"))
		}
		next, err := http.ReadResponse(br, &http.Request{Method: http.MethodGet})
		if err != nil {
			t.Fatalf("the request after HEAD %d on its connection: %v (the HEAD still held it)", i+1, err)
		}
		next.Body.Close()
		if next.StatusCode != http.StatusOK {
			t.Fatalf("the request after HEAD %d: %d", i+1, next.StatusCode)
		}
	}
	// The HEADs' connections are still open: they hold no stream place.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if resp := openStream(t, ctx, clientFrom("127.0.0.1"), srv.URL); resp.StatusCode != http.StatusOK {
		t.Fatalf("a stream after 3 HEADs from the client (3 allowed): %d, want 200", resp.StatusCode)
	}
}
