package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"
)

// Live updates: GET /api/events is a Server-Sent Events stream that tells
// open map pages when the public data changed, so that a published incident
// shows within seconds without a reload. One goroutine per server watches the
// public version (moved by writes to published incidents, also by other
// processes sharing the database, never by drafts alone) while anyone
// listens; each stream is bounded in number and in life.
const (
	// maxEventStreams is how many pages may listen at once; more are answered
	// 503 and fall back to polling.
	maxEventStreams = 512
	// DefaultStreamsPerClient is how many of them one client (an IPv4
	// address, an IPv6 /64) may hold when Config.StreamsPerClient is not
	// set: a few browsers' worth of open tabs. One client could otherwise
	// hold all maxEventStreams and leave every other page polling.
	DefaultStreamsPerClient = 16
	// eventStreamLife ends each stream: the browser reconnects by itself
	// (after eventRetry), so a connection is never held forever.
	eventStreamLife = 10 * time.Minute
	eventRetry      = 3 * time.Second
	// eventPing keeps proxies from closing a quiet stream.
	eventPing = 25 * time.Second
	// versionPoll is how often the watcher reads the data version.
	versionPoll = time.Second
	// siteStreams and networkStreams are the most streams the clients of
	// one site (an IPv6 /48, an IPv4 /24) and of one network (an IPv6 /32,
	// an IPv4 /16) may hold together: an eighth and a quarter of
	// maxEventStreams. The per-client cap alone let one holder of many
	// addresses hold them all (an IPv6 /48 holds 65,536 /64s, each its own
	// client), leaving every other page polling; now that takes addresses
	// in four networks, what a block from one provider does not give.
	siteStreams    = maxEventStreams / 8
	networkStreams = maxEventStreams / 4
)

// versionHub fans the data version out to the streams listening.
type versionHub struct {
	store incidentStore
	log   *slog.Logger
	poll  time.Duration
	mu    sync.Mutex
	subs  map[chan int64]*listener
	// perClient is the most streams one client may hold; byClient counts
	// them by client (clientOf), site and network (streamHolders).
	perClient int
	byClient  map[string]int
	running   bool
	closed    chan struct{} // closed when the server shuts down: every stream ends
	once      sync.Once
}

func newVersionHub(store incidentStore, log *slog.Logger, perClient int) *versionHub {
	if perClient <= 0 {
		perClient = DefaultStreamsPerClient
	}
	return &versionHub{store: store, log: log, poll: versionPoll, subs: map[chan int64]*listener{}, closed: make(chan struct{}),
		perClient: perClient, byClient: map[string]int{}}
}

// close ends every stream, for a graceful shutdown: otherwise the server
// would wait on them until its drain timeout.
func (h *versionHub) close() { h.once.Do(func() { close(h.closed) }) }

// Why a listener was refused.
var (
	errStreamsFull      = errors.New("server full")
	errClientHasStreams = errors.New("client full")
)

// streamHolder is a client, site or network holding streams, and the most
// it may hold.
type streamHolder struct {
	name  string // a client as clientOf names it, or a prefix ("2001:db8::/48")
	kind  string // "client", "site" or "network", for the 429's detail
	limit int
}

// streamHolders are the holders a stream from remoteAddr counts against:
// its client with perClient, then its site and network (siteStreams,
// networkStreams; never below perClient, so that raising it behind a
// reverse proxy, whose address every stream then has, raises them too).
// An address that does not parse is its own client only.
func streamHolders(remoteAddr string, perClient int) []streamHolder {
	holders := []streamHolder{{clientOf(remoteAddr), "client", perClient}}
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return holders
	}
	ip = ip.Unmap()
	site, network := 48, 32
	if ip.Is4() {
		site, network = 24, 16
	}
	for _, n := range []struct {
		bits  int
		kind  string
		limit int
	}{{site, "site", siteStreams}, {network, "network", networkStreams}} {
		p, _ := ip.Prefix(n.bits)
		holders = append(holders, streamHolder{p.String(), n.kind, max(n.limit, perClient)})
	}
	return holders
}

// listener is one stream listening: the holders it counts against, and
// ended, closed when the hub ends it to make room (evict).
type listener struct {
	holders []streamHolder
	since   time.Time
	ended   chan struct{}
}

// subscribe adds a listener for the holders, starting the watcher if it is
// the first. It refuses one when one of holders holds its share
// (errClientHasStreams, with the holder), or when maxEventStreams listen
// already and the newcomer's network holds as many as any other
// (errStreamsFull). A newcomer from a network holding fewer than the one
// holding most takes the place of that network's oldest stream, which
// ends: holders of addresses in four networks (/32, IPv4 /16) held all 512
// and every page elsewhere was refused; now each network keeps an equal
// share of a full server, whoever came first.
func (h *versionHub) subscribe(holders []streamHolder) (chan int64, *listener, streamHolder, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, o := range holders {
		if h.byClient[o.name] >= o.limit {
			return nil, nil, o, errClientHasStreams
		}
	}
	if len(h.subs) >= maxEventStreams && !h.evict(holders[len(holders)-1].name) {
		return nil, nil, streamHolder{}, errStreamsFull
	}
	ch := make(chan int64, 1)
	l := &listener{holders: holders, since: time.Now(), ended: make(chan struct{})}
	h.subs[ch] = l
	for _, o := range holders {
		h.byClient[o.name]++
	}
	if !h.running {
		h.running = true
		go h.watch()
	}
	return ch, l, streamHolder{}, nil
}

// evict ends the oldest stream of the networks holding most, when network
// (the newcomer's, its last holder) would still hold fewer with one more,
// and reports whether it did. An address that does not parse has no
// network: its client stands for one.
func (h *versionHub) evict(network string) bool {
	netOf := func(l *listener) string { return l.holders[len(l.holders)-1].name }
	var oldest chan int64
	for ch, l := range h.subs {
		if oldest == nil {
			oldest = ch
			continue
		}
		o := h.subs[oldest]
		if n, m := h.byClient[netOf(l)], h.byClient[netOf(o)]; n > m || n == m && l.since.Before(o.since) {
			oldest = ch
		}
	}
	if oldest == nil || h.byClient[network]+1 >= h.byClient[netOf(h.subs[oldest])] {
		return false
	}
	close(h.subs[oldest].ended)
	h.drop(oldest)
	delete(h.subs, oldest)
	return true
}

// drop takes ch's holders' counts back; the caller holds h.mu.
func (h *versionHub) drop(ch chan int64) {
	for _, o := range h.subs[ch].holders {
		if h.byClient[o.name]--; h.byClient[o.name] <= 0 {
			delete(h.byClient, o.name)
		}
	}
}

// unsubscribe takes ch out, unless evict did already.
func (h *versionHub) unsubscribe(ch chan int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[ch]; ok {
		h.drop(ch)
		delete(h.subs, ch)
	}
}

// watch reads the version every poll and tells every listener when it moves.
// It ends when no one listens, so an idle server runs no watcher.
func (h *versionHub) watch() {
	t := time.NewTicker(h.poll)
	defer t.Stop()
	var last int64
	for range t.C {
		v, err := h.store.PublicVersion(context.Background())
		if err != nil {
			h.log.Warn("live updates: data version unavailable", "err", err)
			continue
		}
		h.mu.Lock()
		if len(h.subs) == 0 {
			h.running = false
			h.mu.Unlock()
			return
		}
		if v != last {
			for ch := range h.subs {
				select {
				case <-ch: // a listener that has not read the last one gets the newest only
				default:
				}
				ch <- v
			}
			last = v
		}
		h.mu.Unlock()
	}
}

// handleEvents serves GET /api/events: "version" events with the data
// version, the first at once, then on every change; a comment line now and
// then while nothing changes.
func handleEvents(h *versionHub, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkParams(r.URL.Query(), nil); err != nil {
			writeError(w, r, log, err)
			return
		}
		ch, l, full, err := h.subscribe(streamHolders(r.RemoteAddr, h.perClient))
		switch {
		case errors.Is(err, errStreamsFull):
			w.Header().Set("Retry-After", "60")
			writeProblem(w, http.StatusServiceUnavailable,
				fmt.Sprintf("%d pages already listen for live updates: poll the items' ETag instead", maxEventStreams))
			return
		case errors.Is(err, errClientHasStreams):
			w.Header().Set("Retry-After", "60")
			who := fmt.Sprintf("this client (%s) already holds", full.name)
			if full.kind != "client" {
				who = fmt.Sprintf("the clients of this %s (%s) already hold", full.kind, full.name)
			}
			writeProblem(w, http.StatusTooManyRequests,
				fmt.Sprintf("%s %d live-update streams, the most one %s may: close other pages, or poll the items' ETag instead", who, full.limit, full.kind))
			return
		}
		defer h.unsubscribe(ch)
		v, err := h.store.PublicVersion(r.Context())
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		hd := w.Header()
		hd.Set("Content-Type", "text/event-stream")
		hd.Set("Cache-Control", "no-cache")
		hd.Set("X-Accel-Buffering", "no") // nginx: pass events on as they come
		if r.Method == http.MethodHead {
			// The stream's headers and no more: a HEAD has no body to
			// stream, and held open it kept the connection and a stream
			// place for eventStreamLife.
			w.WriteHeader(http.StatusOK)
			return
		}
		stream(r.Context(), h.closed, l.ended, w, ch, v)
	})
}

// stream writes events to w until the client leaves, eventStreamLife ends,
// the server shuts down (closed) or the stream gives its place up (ended).
func stream(ctx context.Context, closed, ended <-chan struct{}, w http.ResponseWriter, ch <-chan int64, v int64) {
	rc := http.NewResponseController(w)
	send := func(s string) bool {
		rc.SetWriteDeadline(time.Now().Add(eventPing + 10*time.Second))
		if _, err := w.Write([]byte(s)); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	event := func(v int64) string {
		return "event: version\nid: " + strconv.FormatInt(v, 10) + "\ndata: {\"version\":" + strconv.FormatInt(v, 10) + "}\n\n"
	}
	if !send("retry: " + strconv.FormatInt(eventRetry.Milliseconds(), 10) + "\n" + event(v)) {
		return
	}
	ping := time.NewTicker(eventPing)
	defer ping.Stop()
	end := time.NewTimer(eventStreamLife)
	defer end.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-end.C:
			return
		case <-closed:
			return
		case <-ended:
			return
		case <-ping.C:
			if !send(": ping\n\n") {
				return
			}
		case nv := <-ch:
			if nv != v && !send(event(nv)) {
				return
			}
			v = nv
		}
	}
}
