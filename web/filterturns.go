package web

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

// A CQL2 filter can cost every row: no index answers a LIKE over the
// summaries or a polygon of many vertices, so each is tested against every
// incident the rest of the filter leaves (0.8 s of a core for 64 LIKEs at
// 200,000 incidents). So can min_killed: no index holds the counts, and a
// value few incidents reach reads every row for them (0.5 s at 200,000).
// So can words (q): the full-text index finds them, but a word most
// incidents hold matches most of them, and a summary reads every match (an
// aggregate of q=Synthetic, 2 s at 200,000); words few incidents hold, a
// town's name, cost milliseconds and take no turn (fewWordsOnly).
// GDAL, QGIS and scripts send filters a request or two at a time; the map
// page sends min_killed and q only when its reader sets them. Such requests
// therefore take a turn (filterTurns) before they run: a client (clientOf),
// and the clients of one site or network together, run at most
// filterTurnsPerClient of them at once and the server filterTurnsAtOnce,
// the rest waiting within their query time. One client
// sending 64 at once took both cores and every database connection, and
// kept the map's own listings waiting 5-13 s (the summaries' four slots,
// first come first served, held by its aggregates); now they wait for each
// other and the map's other requests do not wait behind them.
const (
	// filterTurnsPerClient is how many filtered requests one client runs at
	// once: a QGIS layer and its count, or two of a script's pages.
	filterTurnsPerClient = 2
)

// filterTurnsAtOnce is how many filtered requests the server runs at once:
// half the summaries' slots (summariesAtOnce), so that those always keep
// two for the map's requests, and a core each on the 2-core machine
// the figures in docs/RELIABILITY.md come from.
const filterTurnsAtOnce = summariesAtOnce / 2

// filterTurns hands out the turns: a line for each client, site and
// network holding or waiting for one (turnLines), then one for the server.
// A request waits in its client's line first, then its site's and its
// network's, so the server's holds at most filterTurnsPerClient of one
// network's requests and other networks' filters wait behind those only.
type filterTurns struct {
	all       *semaphore.Weighted
	perClient int64
	mu        sync.Mutex
	clients   map[string]*clientTurns
}

type clientTurns struct {
	sem  *semaphore.Weighted
	refs int // requests holding or waiting for one of sem
}

func newFilterTurns(atOnce, perClient int) *filterTurns {
	return &filterTurns{all: semaphore.NewWeighted(int64(atOnce)), perClient: int64(perClient), clients: map[string]*clientTurns{}}
}

// line returns client's line, counting the caller in it; done gives it back.
func (t *filterTurns) line(client string) *clientTurns {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := t.clients[client]
	if c == nil {
		c = &clientTurns{sem: semaphore.NewWeighted(t.perClient)}
		t.clients[client] = c
	}
	c.refs++
	return c
}

// done counts the caller out of client's line, forgetting a line no one is in.
func (t *filterTurns) done(client string, c *clientTurns) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if c.refs--; c.refs == 0 {
		delete(t.clients, client)
	}
}

// readsEveryRow reports whether a request may read every row for its
// answer: it gives a CQL2 filter, or one of the filters the in-memory index
// cannot answer (the stores' moreTerms): min_killed, a district
// (admin2_pcode) or words (q) that many incidents hold (see fewWordsOnly).
// A district took no turn: one that few incidents or none lie in read every
// row for a page (1.1-1.5 s at 200,000 incidents), and an aggregate of any
// district 1.4 s.
func readsEveryRow(r *http.Request, store incidentStore) bool {
	q := r.URL.Query()
	if q.Get("filter") != "" || q.Get("min_killed") != "" || q.Get("admin2_pcode") != "" {
		return true
	}
	return q.Get("q") != "" && !fewWordsOnly(r.Context(), store, q.Get("q"))
}

// textProbe is a store that tells whether a search's words are held by
// few incidents, from its text index (both stores are).
type textProbe interface {
	TextMatchesFewer(ctx context.Context, text string, most int) (bool, error)
}

// fewWords is how many incidents a search's words may match and still take
// no turn; fewWordsWait is the longest the store is asked. Words few
// incidents hold (a town's name) are read from the stores' text indexes,
// match by match, so a search of them costs milliseconds whatever the
// number of incidents; every q took a turn since round 21, so that a
// reader's search for a town waited behind other networks' costly filters
// (round 23: 0.36 s p50 and 1.2 s at most with 64 addresses flooding, a
// 503 once more networks did). Words many hold, or a store slower to say
// than fewWordsWait (two common words seldom together), still take one.
var (
	fewWords     = 1000
	fewWordsWait = 25 * time.Millisecond
)

// fewWordsOnly reports whether text's words are held by fewer than fewWords
// incidents, as store's text index says within fewWordsWait. A query
// incidents.SearchTerms refuses holds none: its handler answers 400.
func fewWordsOnly(ctx context.Context, store incidentStore, text string) bool {
	probe, ok := store.(textProbe)
	if !ok {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, fewWordsWait)
	defer cancel()
	few, err := probe.TextMatchesFewer(ctx, text, fewWords)
	return err == nil && few
}

// turnLines names the lines a request from remoteAddr waits in before the
// server's: its client's (clientOf), then its site's and its network's (an
// IPv4 /24 and /16, an IPv6 /48 and /32, as live-update streams are counted,
// streamHolders). An address that does not parse is its own client only.
func turnLines(remoteAddr string) []string {
	var lines []string
	for _, h := range streamHolders(remoteAddr, 0) {
		lines = append(lines, h.name)
	}
	return lines
}

// take waits within ctx for a turn in each of lines in order (turnLines),
// each holding perClient at once, then in the server's. release gives them
// back; when the wait fails, whose names the line it was waiting in, empty
// for the server's. A site's and a network's lines were missing: once a
// request had its client's turn it waited in the server's line, first come
// first served, so 64 addresses of one network, two requests each, held
// 126 places ahead of any other client's filter (a 15 s wait, then a 503,
// at 200,000 incidents). Now one network holds at most perClient places
// there, as one client does, and another network's request waits behind
// the turns' holders and perClient of each other network's.
func (t *filterTurns) take(ctx context.Context, lines []string) (release func(), whose string, err error) {
	var held []*clientTurns
	giveBack := func() {
		for i := len(held) - 1; i >= 0; i-- {
			held[i].sem.Release(1)
			t.done(lines[i], held[i])
		}
	}
	for _, name := range lines {
		c := t.line(name)
		if err := c.sem.Acquire(ctx, 1); err != nil {
			t.done(name, c)
			giveBack()
			return nil, name, err
		}
		held = append(held, c)
	}
	if err := t.all.Acquire(ctx, 1); err != nil {
		giveBack()
		return nil, "", err
	}
	return sync.OnceFunc(func() {
		t.all.Release(1)
		giveBack()
	}), "", nil
}

// withFilterTurn runs next once a request that may read every row
// (readsEveryRow) holds its turn (filterTurns), waiting for it within the
// request's time; a request whose time runs out waiting is answered 503
// with Retry-After, as one waiting for any other turn. Other requests pass
// straight through.
func withFilterTurn(t *filterTurns, store incidentStore, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !readsEveryRow(r, store) {
			next.ServeHTTP(w, r)
			return
		}
		release, whose, err := t.take(r.Context(), turnLines(r.RemoteAddr))
		if err != nil {
			what := "requests with a filter, min_killed, admin2_pcode or q"
			switch {
			case whose == clientOf(r.RemoteAddr):
				what += " from this client"
			case whose != "":
				what += " from the clients of " + whose
			}
			writeBusy(w, r, log, what, err)
			return
		}
		tw := &turnWriter{ResponseWriter: w, release: release}
		defer tw.release()
		next.ServeHTTP(tw, r)
	})
}

// turnWriter gives its turn back as the answer starts, once it is worked
// out: held while it was written, a client that asked for two pages of
// 10,000 and read neither held the server's two turns until the write
// timeout (60 s), and every other filter waited out its query time (503).
// Sending is bounded by the connection caps and write deadlines, as for
// any answer.
type turnWriter struct {
	http.ResponseWriter
	release func()
}

func (w *turnWriter) WriteHeader(code int) {
	w.release()
	w.ResponseWriter.WriteHeader(code)
}

func (w *turnWriter) Write(p []byte) (int, error) {
	w.release()
	return w.ResponseWriter.Write(p)
}

func (w *turnWriter) Flush() {
	w.release()
	http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the connection's writer (write
// deadlines).
func (w *turnWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
