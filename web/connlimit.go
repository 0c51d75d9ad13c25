package web

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// ConnLimit caps the connections a server holds open, so that idle
// keep-alive connections cannot use up its file descriptors: 20,000 of them,
// each held for the idle timeout, left new requests unanswered and the log
// full of "too many open files". Near the cap, the connection idle the
// longest is closed to make room (a client reopens one when it needs it, as
// after an idle timeout); at the cap, then the one that has waited longest
// without sending a request; connections serving a request are never
// closed, and while all are busy a new one waits to be served.
//
// Use both halves: Listener wraps the server's listener and ConnState is its
// http.Server.ConnState hook. It is safe for concurrent use.
type ConnLimit struct {
	max, soft int
	mu        sync.Mutex
	room      *sync.Cond // signalled when a connection closes
	open      int        // accepted and not closed, shed ones excluded
	conns     map[net.Conn]*connInfo
	closed    bool
	shed      int // connections closed to make room, in all
}

type connInfo struct {
	state http.ConnState
	since time.Time // when it entered state
	shed  bool      // closed by the limit: already uncounted
}

// NewConnLimit returns a limit of n open connections (at least 2); idle
// ones are closed first once nine tenths of n are open.
func NewConnLimit(n int) *ConnLimit {
	n = max(n, 2)
	c := &ConnLimit{max: n, soft: max(n*9/10, 1), conns: map[net.Conn]*connInfo{}}
	c.room = sync.NewCond(&c.mu)
	return c
}

// Max is the cap.
func (c *ConnLimit) Max() int { return c.max }

// Stats returns how many connections are open and how many were closed to
// make room since the start.
func (c *ConnLimit) Stats() (open, shed int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.open, c.shed
}

// Listener wraps ln so that Accept keeps to the limit.
func (c *ConnLimit) Listener(ln net.Listener) net.Listener { return &limitListener{ln, c} }

type limitListener struct {
	net.Listener
	c *ConnLimit
}

// Accept takes the next connection off the backlog, then makes room for it:
// near the cap it closes the longest-idle connection; at the cap, failing
// that, the longest-silent new one; failing that, it waits for one to close.
func (l *limitListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	c := l.c
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.open >= c.soft {
		if c.shedOldest(http.StateIdle) {
			continue
		}
		if c.open < c.max {
			break
		}
		if c.shedOldest(http.StateNew) {
			continue
		}
		if c.closed {
			conn.Close()
			return nil, net.ErrClosed
		}
		c.room.Wait()
	}
	c.open++
	c.conns[conn] = &connInfo{state: http.StateNew, since: time.Now()}
	return conn, nil
}

// Close closes the listener and wakes an Accept waiting for room.
func (l *limitListener) Close() error {
	l.c.mu.Lock()
	l.c.closed = true
	l.c.room.Broadcast()
	l.c.mu.Unlock()
	return l.Listener.Close()
}

// shedOldest closes the connection in state that entered it first, if any.
// c.mu is held.
func (c *ConnLimit) shedOldest(state http.ConnState) bool {
	var oldest net.Conn
	var at time.Time
	for conn, info := range c.conns {
		if info.state == state && !info.shed && (oldest == nil || info.since.Before(at)) {
			oldest, at = conn, info.since
		}
	}
	if oldest == nil {
		return false
	}
	c.conns[oldest].shed = true
	c.open--
	c.shed++
	oldest.Close()
	return true
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
		}
		c.room.Signal()
	default:
		info.state, info.since = state, time.Now()
	}
}
