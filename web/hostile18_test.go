package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/bothstores"
	"github.com/mapsrv/mapsrv/web"
)

// TestEvents_HeadEndsAtOnce: a HEAD of /api/events answered the stream's
// headers and then held the connection and a stream place for the stream's
// life (10 minutes), writing events nobody could receive: a client's next
// request on that kept-alive connection went unanswered, and 16 HEADs from
// one address took every stream place it may hold (a GET then a 429). A
// HEAD now answers the headers a GET would and ends.
func TestEvents_HeadEndsAtOnce(t *testing.T) {
	srv := eventsServer(t, 3)

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

// TestFilter_LikesBounded: a filter may hold 64 LIKE comparisons; one more
// is a 400 naming the limit, on every route taking a filter and on both
// stores alike. No index answers a LIKE over text, so each one read every
// incident's text the rest of the filter left: 300 distinct LIKEs ORed
// took 2.0 s of the server's CPU at 200,000 incidents on SQLite (2.8 s of
// PostgreSQL's), anonymous, bounded only by --query-timeout.
func TestFilter_LikesBounded(t *testing.T) {
	bothstores.Run(t, func(t *testing.T, store incidents.Store) {
		srv := httptest.NewServer(web.NewServer(web.Config{Store: store}))
		t.Cleanup(srv.Close)
		likes := func(n int) string {
			terms := make([]string, n)
			for i := range terms {
				terms[i] = "summary_en LIKE '%farm" + strings.Repeat("s", i%7) + "%'"
			}
			return strings.Join(terms, " OR ")
		}
		likesJSON := func(n int) string {
			args := make([]any, n)
			for i := range args {
				args[i] = map[string]any{"op": "like", "args": []any{map[string]string{"property": "place_name_en"}, "%a%"}}
			}
			b, _ := json.Marshal(map[string]any{"op": "or", "args": args})
			return string(b)
		}
		routes := []string{"/api/collections/incidents/items", "/api/collections/incidents/export",
			"/api/collections/incidents/aggregate?zoom=7&", "/api/collections/incidents/histogram",
			"/api/collections/incidents/counts", "/tiles/incidents/7/78/50.mvt"}
		for _, route := range routes {
			sep := "?"
			if strings.HasSuffix(route, "&") {
				route, sep = strings.TrimSuffix(route, "&"), "&"
			}
			for _, tc := range []struct {
				lang, filter string
				want         int
			}{
				{"cql2-text", likes(64), http.StatusOK},
				{"cql2-text", likes(65), http.StatusBadRequest},
				{"cql2-json", likesJSON(64), http.StatusOK},
				{"cql2-json", likesJSON(65), http.StatusBadRequest},
			} {
				q := url.Values{"filter": {tc.filter}, "filter-lang": {tc.lang}}
				resp, err := http.Get(srv.URL + route + sep + q.Encode())
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != tc.want {
					t.Errorf("%s with %d bytes of %s: %d %.300s; want %d", route, len(tc.filter), tc.lang, resp.StatusCode, body, tc.want)
				}
				if tc.want == http.StatusBadRequest && !strings.Contains(string(body), "more than 64 LIKE comparisons") {
					t.Errorf("%s, 65 LIKEs in %s: %.300s; want a detail naming the limit of 64", route, tc.lang, body)
				}
			}
		}
	})
}
