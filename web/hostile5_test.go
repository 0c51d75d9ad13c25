package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/web"
)

// connServer serves web.NewServer behind a ConnLimit of max connections,
// perClient for one client, on loopback, as `mapsrv serve` does; active
// counts the connections serving a request.
func connServer(t *testing.T, max, perClient int) (addr string, conns *web.ConnLimit, active *atomic.Int64) {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "conns.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tokens, err := web.ParseTokens("editor:" + editorToken)
	if err != nil {
		t.Fatal(err)
	}
	conns = web.NewConnLimit(max, perClient)
	active = &atomic.Int64{}
	states := map[net.Conn]http.ConnState{}
	mu := make(chan struct{}, 1)
	srv := &http.Server{
		Handler:     web.NewServer(web.Config{Store: store, Tokens: tokens}),
		ConnContext: conns.ConnContext,
		ConnState: func(c net.Conn, s http.ConnState) {
			conns.ConnState(c, s)
			mu <- struct{}{}
			if states[c] == http.StateActive {
				active.Add(-1)
			}
			if s == http.StateActive {
				active.Add(1)
			}
			states[c] = s
			<-mu
		},
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(conns.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String(), conns, active
}

// dialFrom opens a connection to addr from the loopback address local.
func dialFrom(t *testing.T, local, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// slowBody sends on c a write with a token whose declared body is begun and
// never finished: the connection stays busy until the read timeout.
func slowBody(c net.Conn) {
	fmt.Fprintf(c, "POST /api/collections/drafts/items HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"+
		"Content-Type: application/geo+json\r\nContent-Length: 100000\r\n\r\n{", editorToken)
}

// getOn sends a GET of path on c and reads its answer.
func getOn(t *testing.T, c net.Conn, br *bufio.Reader, path string) (*http.Response, []byte) {
	t.Helper()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", path)
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, body
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	// Generous: on a loaded 2-core machine filling a slow reader's socket
	// buffers with answers took more than 10 s now and then.
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("after 30 s: %s", what)
		}
	}
}

// TestConnLimit_PerClient: a client holding a write token kept every
// connection busy sending bodies a byte a second, and others waited for the
// 30 s read timeout. A client now holds at most its cap: one more while all
// of its connections are busy is answered a 429 problem with Retry-After
// naming the cap, and closed; another address is served meanwhile; a
// client's connections closing free its room; at its cap a client's idle
// connection is closed to make room for its new one; a client already
// waiting for as many 429s as it may gets further connections closed at
// once.
func TestConnLimit_PerClient(t *testing.T) {
	addr, conns, active := connServer(t, 50, 3)
	var slow []net.Conn
	for range 3 {
		c := dialFrom(t, "127.0.0.1", addr)
		slowBody(c)
		slow = append(slow, c)
	}
	waitFor(t, "3 slow bodies busy", func() bool { return active.Load() == 3 })

	c := dialFrom(t, "127.0.0.1", addr)
	resp, body := getOn(t, c, bufio.NewReader(c), "/api/collections")
	var p struct {
		Status int
		Detail string
	}
	json.Unmarshal(body, &p)
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Content-Type") != "application/problem+json" ||
		resp.Header.Get("Retry-After") == "" || !resp.Close || !strings.Contains(p.Detail, "127.0.0.1") || !strings.Contains(p.Detail, "3 connections") {
		t.Fatalf("a 4th connection from a client with 3 busy: %d Retry-After %q close %v %s; "+
			"want a 429 problem with Retry-After naming the client and its cap of 3, closing the connection",
			resp.StatusCode, resp.Header.Get("Retry-After"), resp.Close, body)
	}

	other := dialFrom(t, "127.0.0.2", addr)
	if resp, body := getOn(t, other, bufio.NewReader(other), "/api/collections"); resp.StatusCode != http.StatusOK {
		t.Fatalf("another address meanwhile: %d %s, want 200", resp.StatusCode, body)
	}

	// Refused connections waiting for their request: beyond the few a
	// client may have waiting, a further one is closed with no answer. The
	// refused connection above is closed first, and its close counted: while
	// the server had not yet seen it close, it was one of the four waiting, and
	// the fourth below was closed at once instead (1 run in 15 failed so).
	c.Close()
	waitFor(t, "the 429 connection's close counted", func() bool { open, _, _, _ := conns.Stats(); return open == 4 })
	for range 4 {
		dialFrom(t, "127.0.0.1", addr)
	}
	waitFor(t, "4 refused connections taken", func() bool { _, _, refused, _ := conns.Stats(); return refused >= 5 })
	extra := dialFrom(t, "127.0.0.1", addr)
	extra.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := extra.Read(make([]byte, 1))
	if _, _, _, dropped := conns.Stats(); n != 0 || err == nil || dropped != 1 {
		t.Errorf("a client waiting for 4 refusals opened one more: read %d, %v, %d closed at once; want it closed at once", n, err, dropped)
	}

	// The slow bodies ending free the client's room.
	for _, c := range slow {
		c.Close()
	}
	waitFor(t, "the slow connections closed", func() bool { return active.Load() == 0 })
	waitFor(t, "the client served again", func() bool {
		c := dialFrom(t, "127.0.0.1", addr)
		resp, _ := getOn(t, c, bufio.NewReader(c), "/api/collections")
		c.Close()
		return resp.StatusCode == http.StatusOK
	})

	// At its cap, a client's idle keep-alive connection makes room.
	for range 3 {
		c := dialFrom(t, "127.0.0.3", addr)
		if resp, _ := getOn(t, c, bufio.NewReader(c), "/api/conformance"); resp.StatusCode != http.StatusOK || resp.Close {
			t.Fatalf("keep-alive request: %d, closing %v", resp.StatusCode, resp.Close)
		}
	}
	waitFor(t, "the keep-alive connections idle", func() bool { return active.Load() == 0 })
	_, shedBefore, _, _ := conns.Stats()
	fourth := dialFrom(t, "127.0.0.3", addr)
	if resp, body := getOn(t, fourth, bufio.NewReader(fourth), "/api/conformance"); resp.StatusCode != http.StatusOK {
		t.Fatalf("a 4th connection from a client whose 3 are idle: %d %s, want 200 (an idle one closed)", resp.StatusCode, body)
	}
	if _, shed, _, _ := conns.Stats(); shed != shedBefore+1 {
		t.Errorf("%d connections closed to make room for a client's 4th, want one of its 3 idle ones", shed-shedBefore)
	}
}

// TestFilter_TextNoStoreHolds: a CQL2 string holding a NUL or bytes that
// are not UTF-8 can match no stored text (writes refuse both). PostGIS
// refused it as a query parameter, a 500 on every incident endpoint (20 of
// them made /readyz answer 503), and SQLite's LIKE took the NUL for the
// pattern's end, so '%<NUL>%' matched every incident. Each is now a 400
// naming the filter and what is wrong, on every endpoint taking filters.
func TestFilter_TextNoStoreHolds(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, filter := range []string{
		"summary_en LIKE '%\x00%'",
		"place_name_en = 'Sara\x00qib'",
		"place_name_en LIKE 'Sara\xffqib'",
		`{"op":"like","args":[{"property":"summary_en"},"%\u0000%"]}`,
		`{"op":"=","args":[{"property":"place_name_en"},"Sara\u0000qib"]}`,
		"{\"op\":\"=\",\"args\":[{\"property\":\"place_name_en\"},\"Sara\xffqib\"]}",
	} {
		q := url.Values{"filter": {filter}}
		if strings.HasPrefix(filter, "{") {
			q.Set("filter-lang", "cql2-json")
		}
		for _, path := range []string{"/api/collections/incidents/items", "/api/collections/incidents/counts",
			"/api/collections/incidents/histogram", "/api/collections/incidents/export", "/tiles/incidents/7/78/50.mvt"} {
			u := srv.URL + path + "?" + q.Encode()
			var p struct{ Detail string }
			getJSON(t, u, http.StatusBadRequest, &p)
			if !strings.Contains(p.Detail, "filter") || !strings.Contains(p.Detail, "NUL") && !strings.Contains(p.Detail, "UTF-8") {
				t.Errorf("GET %s?filter=%q: detail %q, want it to name the filter and the NUL or the bytes that are not UTF-8", path, filter, p.Detail)
			}
		}
	}
}

// TestWrites_MembersEqualButForCase: encoding/json sets a field from a
// member whatever the case of its name, and the last of several wins:
// {"killed":1,...,"KILLED":90} stored 90, a second "Geometry" moved the
// point, a "TEXT" after "text" replaced the report, and a merge patch of
// {"properties":{"KILLED":90}} answered 200 and changed nothing. Each is now
// a 400 naming both spellings, and nothing is stored.
func TestWrites_MembersEqualButForCase(t *testing.T) {
	srv, store, items, item := serverWithDraft(t)
	before, _ := store.Count(t.Context())
	killedTwice := strings.Replace(newFeature, `"properties":{`, `"properties":{"KILLED":90,`, 1)
	moved := strings.Replace(newFeature, `{"type":"Feature",`, `{"type":"Feature","Geometry":{"type":"Point","coordinates":[37.1,36.2]},`, 1)
	for _, tc := range []struct{ method, url, ct, body, names string }{
		{"POST", items, "application/geo+json", killedTwice, `"killed\" given twice in properties (as \"KILLED\"`},
		{"PUT", item, "application/geo+json", killedTwice, `"killed\" given twice in properties (as \"KILLED\"`},
		{"POST", items, "application/geo+json", moved, `"geometry\" given twice (as \"Geometry\"`},
		{"PATCH", item, "application/merge-patch+json", `{"properties":{"KILLED":90}}`, `"KILLED\" in properties is \"killed\"`},
		{"PATCH", item, "application/merge-patch+json", `{"properties":{"Killed":null}}`, `"Killed\" in properties is \"killed\"`},
		{"PATCH", item, "application/merge-patch+json", `{"Properties":{"killed":90}}`, `"Properties\" is \"properties\"`},
		{"POST", srv.URL + "/api/ingest", "application/json",
			`{"text":"Shelling killed three people in Saraqib on 3 December 2025.","TEXT":"nothing","source":{"url":"https://news.example/case"}}`,
			`"TEXT\" given twice (as \"text\"`},
	} {
		resp, body := do(t, tc.method, tc.url, editorToken, tc.ct, tc.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, tc.names) {
			t.Errorf("%s %s %s = %d %s; want 400 naming both spellings (%s)", tc.method, tc.url, tc.body, resp.StatusCode, body, tc.names)
		}
	}
	if after, _ := store.Count(t.Context()); after != before {
		t.Errorf("refused writes changed the store: %d incidents, was %d", after, before)
	}
	var f struct{ Properties struct{ Killed *int } }
	_, body := do(t, "GET", item, editorToken, "", "")
	json.Unmarshal([]byte(body), &f)
	if f.Properties.Killed == nil || *f.Properties.Killed != 1 {
		t.Errorf("the draft's killed after refused patches: %v, want 1", f.Properties.Killed)
	}
}

// lockedBuffer is a log destination several handlers may write at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) lines() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Split(strings.TrimSpace(l.b.String()), "\n")
}

// TestLog_LongPathAndMethodBounded: the access log cut a request's query at
// 2 KiB but wrote its path and method whole, and a problem named the whole
// path as its instance: a 1 MiB path (under the header limit) made a 1 MiB
// log line and a 1 MiB answer per request. Both are now cut, whatever the
// route: an unknown one, an incident, a proposal, a method.
func TestLog_LongPathAndMethodBounded(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "log.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	tokens, _ := web.ParseTokens("editor:" + editorToken)
	logs := &lockedBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, nil))
	srv := httptest.NewServer(web.NewServer(web.Config{Store: store, Tokens: tokens, Log: log}))
	t.Cleanup(srv.Close)
	long := strings.Repeat("1", 500_000)
	for _, tc := range []struct{ method, path string }{
		{"GET", "/api/" + long},
		{"GET", "/api/collections/incidents/items/" + long},
		{"POST", "/api/proposals/" + long + "/accept"},
		{"GET", "/tiles/incidents/7/78/" + long + ".mvt"},
		{"GET", "/" + long},
		{strings.Repeat("X", 500_000), "/api/collections"},
	} {
		resp, body := do(t, tc.method, srv.URL+tc.path, editorToken, "", "")
		if resp.StatusCode < 400 || resp.StatusCode >= 500 || len(body) > 8<<10 {
			t.Errorf("%.10s… %.40s…: %d, %d bytes; want a 4xx of a few KB", tc.method, tc.path, resp.StatusCode, len(body))
		}
	}
	for _, line := range logs.lines() {
		if len(line) > 8<<10 {
			t.Errorf("a log line of %d bytes: %.200s…", len(line), line)
		}
	}
}

// TestParams_UnknownRefusedEverywhere: OGC API – Features Part 1 asks a
// 400 for a query parameter the API definition does not name
// (/req/core/query-param-unknown). Listings did; the landing page,
// conformance, the collections, schemas, queryables, the API definition and
// every write ignored them, so that POST /api/ingest?dry_run=1 stored its
// drafts. Every route of the API now answers a 400 problem naming the
// parameter, and stores nothing; a document takes f naming its one format.
func TestParams_UnknownRefusedEverywhere(t *testing.T) {
	srv, store, items, item := serverWithDraft(t)
	before, _ := store.Count(t.Context())
	api := srv.URL + "/api"
	for _, path := range []string{"", "/", "/conformance", "/openapi", "/docs", "/collections", "/collections/incidents",
		"/collections/incidents/schema", "/collections/incidents/feature-schema", "/collections/incidents/queryables",
		"/collections/governorates", "/collections/governorates/items", "/collections/districts/items",
		"/collections/incidents/items", "/collections/incidents/items/1", "/collections/incidents/aggregate",
		"/collections/incidents/histogram", "/collections/incidents/counts", "/collections/incidents/export",
		"/geocode", "/places", "/reverse", "/places/labels", "/events"} {
		checkProblem(t, api+path+"?dry_run=1", `"dry_run"`)
	}
	for _, path := range []string{"/collections/drafts/items", "/proposals"} {
		resp, body := do(t, "GET", api+path+"?dry_run=1", editorToken, "", "")
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `\"dry_run\"`) {
			t.Errorf("GET %s?dry_run=1 = %d %s; want a 400 naming it", path, resp.StatusCode, body)
		}
	}
	report := `{"text":"Shelling killed three people in Saraqib on 3 December 2025.","source":{"url":"https://news.example/dry"}}`
	for _, tc := range []struct{ method, url, ct, body string }{
		{"POST", items + "?dry_run=1", "application/geo+json", newFeature},
		{"PUT", item + "?dry_run=1", "application/geo+json", newFeature},
		{"PATCH", item + "?dry_run=1", "application/merge-patch+json", `{"properties":{"killed":5}}`},
		{"DELETE", item + "?dry_run=1", "", ""},
		{"POST", api + "/proposals/1/accept?dry_run=1", "", ""},
		{"POST", api + "/proposals/1/reject?dry_run=1", "", ""},
		{"POST", api + "/ingest?dry_run=1", "application/json", report},
	} {
		resp, body := do(t, tc.method, tc.url, editorToken, tc.ct, tc.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `\"dry_run\"`) {
			t.Errorf("%s %s = %d %s; want a 400 naming it", tc.method, tc.url, resp.StatusCode, body)
		}
	}
	if after, _ := store.Count(t.Context()); after != before {
		t.Errorf("refused writes changed the store: %d incidents, was %d", after, before)
	}
	// f naming the one format is taken; another format is a 400 naming f
	for path, format := range map[string]string{"": "json", "/conformance": "json", "/collections": "json", "/docs": "html"} {
		resp, body := do(t, "GET", api+path+"?f="+format, "", "", "")
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /api%s?f=%s = %d %s, want 200", path, format, resp.StatusCode, body)
		}
		checkProblem(t, api+path+"?f=xml", "f:")
	}
}

// TestWrites_CharsetNotUTF8: a JSON body is UTF-8 (RFC 8259), but one said
// to be in another charset was read as UTF-8 whatever it said: Latin-1
// bytes that happen to be valid UTF-8 ("Ã©" sent, "é" stored) were stored
// as other text. Such a body is now a 415 naming the charset, and nothing
// is stored; UTF-8, said or not, is read as before.
func TestWrites_CharsetNotUTF8(t *testing.T) {
	srv, store, items, item := serverWithDraft(t)
	before, _ := store.Count(t.Context())
	for _, tc := range []struct{ method, url, ct, body string }{
		{"POST", items, "application/geo+json; charset=iso-8859-1", newFeature},
		{"PUT", item, "application/geo+json; charset=latin1", newFeature},
		{"PATCH", item, "application/merge-patch+json; charset=windows-1256", `{"properties":{"killed":5}}`},
		{"POST", srv.URL + "/api/ingest", "application/json; charset=utf-16",
			`{"text":"Shelling killed three people in Saraqib on 3 December 2025.","source":{"url":"https://news.example/cs"}}`},
	} {
		resp, body := do(t, tc.method, tc.url, editorToken, tc.ct, tc.body)
		if resp.StatusCode != http.StatusUnsupportedMediaType || !strings.Contains(body, "charset") {
			t.Errorf("%s %s as %s = %d %s; want a 415 naming the charset", tc.method, tc.url, tc.ct, resp.StatusCode, body)
		}
	}
	if after, _ := store.Count(t.Context()); after != before {
		t.Errorf("refused writes changed the store: %d incidents, was %d", after, before)
	}
	for _, ct := range []string{"application/geo+json; charset=utf-8", "application/geo+json; charset=UTF-8", "application/json;charset=utf8"} {
		if resp, body := do(t, "POST", items, editorToken, ct, newFeature); resp.StatusCode != http.StatusCreated {
			t.Errorf("POST as %s = %d %s, want 201", ct, resp.StatusCode, body)
		}
	}
}

// TestHost_LongerThanAnyHostRefused: every link of an API answer begins
// with the request's Host, which net/http takes up to its 1 MiB header
// limit: a 500 KB Host made the collections a 5 MB answer (ten links) and a
// page of items 1.5 MB. A Host longer than a host name and a port is now a
// 400 saying so; a long real one is served.
func TestHost_LongerThanAnyHostRefused(t *testing.T) {
	srv, _ := newTestServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	for _, path := range []string{"/api", "/api/collections", "/api/collections/incidents/items?limit=5", "/api/collections/governorates/items"} {
		for host, want := range map[string]int{
			strings.Repeat("a", 500_000):                http.StatusBadRequest,
			strings.Repeat("a", 300):                    http.StatusBadRequest,
			strings.Repeat("a.", 123) + "example:65535": http.StatusOK, // a name of 253 and a port
			"[2001:db8::1]:8080":                        http.StatusOK,
		} {
			req, _ := http.NewRequest(http.MethodGet, "http://"+addr+path, nil)
			req.Host = host
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != want || want != http.StatusOK && len(body) > 4<<10 {
				t.Errorf("GET %s with a Host of %d bytes: %d, %d bytes; want %d", path, len(host), resp.StatusCode, len(body), want)
			}
		}
	}
}
