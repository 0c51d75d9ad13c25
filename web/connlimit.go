package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultConnsPerClient is how many connections one client (an IPv4
// address, an IPv6 /64) may hold open when NewConnLimit is given none: a
// few browsers' six each and their live-update streams. Without it, a
// client holding a write token could keep every connection busy sending
// bodies a byte a second, and every other client waited.
const DefaultConnsPerClient = 64

// ConnLimit caps the connections a server holds open, so that idle
// keep-alive connections cannot use up its file descriptors: 20,000 of them,
// each held for the idle timeout, left new requests unanswered and the log
// full of "too many open files". Near the cap, the connection idle the
// longest is closed to make room (a client reopens one when it needs it, as
// after an idle timeout); at the cap, then the one that has waited longest
// without sending a request; connections serving a request are never
// closed, and while all are busy a new one waits to be served.
//
// It caps the connections of each client too (clientOf: an IPv4 address,
// an IPv6 /64), so that one client cannot hold everyone's: a client holding
// a write token kept every connection busy sending bodies a byte a second,
// and other clients waited 18 s. At its cap, the client's own longest-idle
// connection, else its longest-silent new one, is closed to make room; when
// all of its connections are busy, the new one is refused: its first
// request is answered 429 (ConnContext marks it) and it is closed. A client
// already waiting for refusalsOpen such answers has a further one closed at
// once, so that reconnecting as fast as it can costs the server an accept
// and holds nothing.
//
// At the cap, when no connection is idle or new, the one whose client has
// taken none of its answer's bytes for the longest, at least stallAfter, is
// closed to make room: a client not reading (a slow reader) holds its
// connection busy, and clients from many addresses, each under its own
// cap, reading nothing of an export kept every connection busy for the 60 s
// write timeout, no token needed, while others' connections waited unserved.
//
// Use all three: Listener wraps the server's listener, ConnState is its
// http.Server.ConnState hook and ConnContext its ConnContext hook. It is
// safe for concurrent use.
type ConnLimit struct {
	max, soft int
	perClient int
	mu        sync.Mutex
	room      *sync.Cond // signalled when a connection closes
	open      int        // accepted and not closed, shed ones excluded
	conns     map[net.Conn]*connInfo
	byClient  map[string]*clientConns
	closed    bool
	// In all, since the start: connections closed to make room, refused
	// with a 429, closed at once for their client's cap; of the shed, those
	// whose client had stopped reading.
	shed, refused, dropped, stalled int
}

// stallAfter is how long a write to a connection may wait on its client
// (the kernel's buffers full, the client reading nothing) before the
// connection may be closed to make room at the cap: a client that cannot
// take writePiece bytes in that time reads below some 100 kbit/s, and is
// cut only while others wait for a connection.
const stallAfter = 5 * time.Second

// writePiece is the most written to a connection in one call, so that a
// large answer sent to a client reading steadily is seen making progress
// rather than as one long write.
const writePiece = 64 << 10

// newGrace is how long a new connection is given to have its request read
// before it may be closed to make room at the cap.
const newGrace = 50 * time.Millisecond

// stallCheck is how often a connection waiting for room looks again for a
// new one silent for newGrace or a stalled one.
const stallCheck = newGrace

// limitConn is a connection the limit admitted; it notes when the write to
// it now waiting on its client began.
type limitConn struct {
	net.Conn
	writing atomic.Int64 // UnixNano when the pending write began; 0 when none
}

// Write writes p in pieces of at most writePiece bytes, noting when each
// began.
func (c *limitConn) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		k := min(len(p), writePiece)
		c.writing.Store(time.Now().UnixNano())
		m, err := c.Conn.Write(p[:k])
		c.writing.Store(0)
		n += m
		if err != nil {
			return n, err
		}
		p = p[k:]
	}
	return n, nil
}

// CloseWrite half-closes the connection as net/http does before closing a
// connection whose request body is left unread.
func (c *limitConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// stalledFor is how long the pending write has waited on the client, or 0.
func (c *limitConn) stalledFor(now time.Time) time.Duration {
	if at := c.writing.Load(); at != 0 {
		return now.Sub(time.Unix(0, at))
	}
	return 0
}

type connInfo struct {
	state   http.ConnState
	since   time.Time // when it entered state
	client  *clientConns
	shed    bool // closed by the limit: already uncounted
	refused bool // over its client's cap: answered 429, not in client.conns
}

// clientConns are one client's open connections.
type clientConns struct {
	key     string
	conns   map[net.Conn]*connInfo // counted against the cap: neither shed nor refused
	refused int                    // refused connections open
}

// refusalsOpen is how many refused connections of one client may wait for
// their 429 at once; more are closed without an answer.
const refusalsOpen = 4

// NewConnLimit returns a limit of n open connections (at least 2), and of
// perClient for one client (DefaultConnsPerClient when 0 or less); idle
// ones are closed first once nine tenths of n are open.
func NewConnLimit(n, perClient int) *ConnLimit {
	n = max(n, 2)
	if perClient <= 0 {
		perClient = DefaultConnsPerClient
	}
	c := &ConnLimit{max: n, soft: max(n*9/10, 1), perClient: perClient,
		conns: map[net.Conn]*connInfo{}, byClient: map[string]*clientConns{}}
	c.room = sync.NewCond(&c.mu)
	return c
}

// Max is the cap.
func (c *ConnLimit) Max() int { return c.max }

// PerClient is the cap of one client.
func (c *ConnLimit) PerClient() int { return c.perClient }

// Stats returns how many connections are open, and since the start how
// many were closed to make room, refused with a 429 for their client's cap,
// and closed at once for it.
func (c *ConnLimit) Stats() (open, shed, refused, dropped int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.open, c.shed, c.refused, c.dropped
}

// Stalled returns how many connections, since the start, were closed to make
// room because their client had read nothing of the answer for stallAfter
// (they are counted by Stats' shed too).
func (c *ConnLimit) Stalled() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stalled
}

// Listener wraps ln so that Accept keeps to the limit.
func (c *ConnLimit) Listener(ln net.Listener) net.Listener { return &limitListener{ln, c} }

type limitListener struct {
	net.Listener
	c *ConnLimit
}

// Accept takes the next connection off the backlog that the limit admits.
func (l *limitListener) Accept() (net.Conn, error) {
	for {
		raw, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		conn := &limitConn{Conn: raw}
		ok, err := l.c.admit(conn)
		if err != nil {
			return nil, err
		}
		if ok {
			return conn, nil
		}
	}
}

// admit makes room for conn. When its client is at its own cap, that
// client's longest-idle connection, else its longest-silent new one, is
// closed; failing both conn is refused, or closed at once (false) when
// refusalsOpen of the client's are open already or the server is at its cap.
// Then near the cap it closes the longest-idle connection; at the cap,
// failing that, the longest-silent new one once silent for newGrace, then
// the one whose client has read nothing of its answer for the longest, at
// least stallAfter; failing all, it waits for one to close, to be silent
// for newGrace or to stall (an error when the listener closes meanwhile).
func (c *ConnLimit) admit(conn *limitConn) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := clientOf(conn.RemoteAddr().String())
	cl := c.byClient[key]
	if cl == nil {
		cl = &clientConns{key: key, conns: map[net.Conn]*connInfo{}}
		c.byClient[key] = cl
	}
	info := &connInfo{state: http.StateNew, client: cl}
	for len(cl.conns) >= c.perClient && !info.refused {
		if !c.shedOldest(cl.conns, http.StateIdle, time.Time{}) && !c.shedOldest(cl.conns, http.StateNew, time.Time{}) {
			info.refused = true
		}
	}
	if info.refused && cl.refused >= refusalsOpen {
		c.dropped++
		conn.Close()
		return false, nil
	}
	for c.open >= c.soft {
		if c.shedOldest(c.conns, http.StateIdle, time.Time{}) {
			continue
		}
		if c.open < c.max {
			break
		}
		// A new connection is shed once silent for newGrace: one admitted a
		// moment ago has not had its request read yet, and while stalled
		// connections were shed to admit others, the one admitted was shed
		// by the next.
		now := time.Now()
		if c.shedOldest(c.conns, http.StateNew, now.Add(-newGrace)) || c.shedStalled(now) {
			continue
		}
		if c.closed {
			c.forget(cl)
			conn.Close()
			return false, net.ErrClosed
		}
		if info.refused {
			c.dropped++
			conn.Close()
			return false, nil
		}
		// Woken when a connection closes, and every stallCheck to look
		// for one whose client stopped reading since.
		wake := time.AfterFunc(stallCheck, func() {
			c.mu.Lock()
			c.room.Broadcast()
			c.mu.Unlock()
		})
		c.room.Wait()
		wake.Stop()
	}
	if info.refused {
		cl.refused++
		c.refused++
	} else {
		cl.conns[conn] = info
	}
	info.since = time.Now()
	c.open++
	c.conns[conn] = info
	return true, nil
}

// Close closes the listener and wakes an Accept waiting for room.
func (l *limitListener) Close() error {
	l.c.mu.Lock()
	l.c.closed = true
	l.c.room.Broadcast()
	l.c.mu.Unlock()
	return l.Listener.Close()
}

// shedOldest closes the connection of among in state that entered it
// first, if any, and if before notAfter (unless that is zero). c.mu is held.
func (c *ConnLimit) shedOldest(among map[net.Conn]*connInfo, state http.ConnState, notAfter time.Time) bool {
	var oldest net.Conn
	var at time.Time
	for conn, info := range among {
		if !notAfter.IsZero() && info.since.After(notAfter) {
			continue
		}
		if info.state == state && !info.shed && (oldest == nil || info.since.Before(at)) {
			oldest, at = conn, info.since
		}
	}
	if oldest == nil {
		return false
	}
	c.shedConn(oldest)
	return true
}

// shedConn closes conn to make room and counts it shed. c.mu is held.
func (c *ConnLimit) shedConn(conn net.Conn) {
	info := c.conns[conn]
	info.shed = true
	c.uncount(conn, info)
	c.open--
	c.shed++
	conn.Close()
}

// shedStalled closes the busy connection whose pending write has waited on
// its client the longest, if at least stallAfter. c.mu is held.
func (c *ConnLimit) shedStalled(now time.Time) bool {
	var stalled net.Conn
	var longest time.Duration
	for conn, info := range c.conns {
		lc, ok := conn.(*limitConn)
		if !ok || info.shed || info.state != http.StateActive {
			continue
		}
		if d := lc.stalledFor(now); d >= stallAfter && d > longest {
			stalled, longest = conn, d
		}
	}
	if stalled == nil {
		return false
	}
	c.stalled++
	c.shedConn(stalled)
	return true
}

// uncount takes conn off its client's count. c.mu is held.
func (c *ConnLimit) uncount(conn net.Conn, info *connInfo) {
	if info.refused {
		info.client.refused--
	} else {
		delete(info.client.conns, conn)
	}
	c.forget(info.client)
}

// forget drops a client without connections. c.mu is held.
func (c *ConnLimit) forget(cl *clientConns) {
	if len(cl.conns) == 0 && cl.refused == 0 {
		delete(c.byClient, cl.key)
	}
}

// ConnState is the http.Server.ConnState hook keeping track of each
// connection's state.
func (c *ConnLimit) ConnState(conn net.Conn, state http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	info, ok := c.conns[conn]
	if !ok {
		return // not accepted through the listener
	}
	switch state {
	case http.StateClosed, http.StateHijacked:
		delete(c.conns, conn)
		if !info.shed {
			c.open--
			c.uncount(conn, info)
		}
		c.room.Signal()
	default:
		info.state, info.since = state, time.Now()
	}
}

// ConnContext is the http.Server.ConnContext hook: a connection refused
// for its client's cap carries the refusal in its requests' context, for
// the server to answer (withConnRefusal).
func (c *ConnLimit) ConnContext(ctx context.Context, conn net.Conn) context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	if info, ok := c.conns[conn]; ok && info.refused {
		return context.WithValue(ctx, connRefusalKey{}, connRefusal{client: info.client.key, limit: c.perClient})
	}
	return ctx
}

type connRefusalKey struct{}

// connRefusal is why a connection was refused: its client held limit busy
// connections.
type connRefusal struct {
	client string
	limit  int
}

// connRetryAfter is the Retry-After of a refused connection's 429, in
// seconds: a slow request of the client's may need that long to end.
const connRetryAfter = 5

// withConnRefusal answers each request of a connection ConnLimit refused
// with a 429 problem naming the client and its cap, and closes the
// connection (its body is not read: see statusRecorder.closeIfBodyLeft).
func withConnRefusal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		why, refused := r.Context().Value(connRefusalKey{}).(connRefusal)
		if !refused {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Connection", "close")
		w.Header().Set("Retry-After", strconv.Itoa(connRetryAfter))
		writeProblem(w, http.StatusTooManyRequests, fmt.Sprintf(
			"this client (%s) already has %d connections open, each serving a request: the most one client may; "+
				"send this request when one of them is answered", why.client, why.limit))
	})
}

// clientOf names the client of a connection by its remote address (host
// and port, as net.Conn and http.Request give it): an IPv4 address, or the
// /64 network of an IPv6 one (what one subscriber is commonly given).
// Behind a reverse proxy every client has the proxy's address: raise the
// per-client caps there (--max-conns-per-client, --max-streams-per-client).
func clientOf(remoteAddr string) string {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}
