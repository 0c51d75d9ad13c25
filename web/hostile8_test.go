package web_test

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowReader opens a connection from local that asks for the API
// definition (80 KB) many times over, pipelined, and reads none of it: the
// server's writes to it wait once the kernel's buffers are full.
func slowReader(t *testing.T, local, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second,
		Control: func(_, _ string, rc syscall.RawConn) error {
			return rc.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
		}}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	go c.Write([]byte(strings.Repeat("GET /api/openapi HTTP/1.1\r\nHost: x\r\n\r\n", 2000)))
	return c
}

// TestConnLimit_SlowReadersOfManyAddresses: clients that ask and then read
// nothing of the answer keep their connections busy (a busy connection was
// never closed to make room), for the 60 s write timeout of `mapsrv serve`.
// Clients from many addresses, each under its own cap, filled the server's
// cap so, no token needed: a request from anyone else got no answer. At the
// cap a connection whose client has read nothing for a while is now closed
// to make room, and the other client is served.
func TestConnLimit_SlowReadersOfManyAddresses(t *testing.T) {
	addr, conns, active := connServer(t, 4, 64)
	for i := range 4 {
		// Each reader is let fill its socket's buffers before the next comes:
		// until then its connection turns idle between answers, and near the
		// cap an idle connection is closed to make room, as it should be.
		slowReader(t, "127.0.0."+string(rune('2'+i)), addr)
		want := int64(i + 1)
		waitSteady(t, "slow readers busy", func() bool { return active.Load() == want })
	}

	c := dialFrom(t, "127.0.0.1", addr)
	br := bufio.NewReader(c)
	c.Write([]byte("GET /api/conformance HTTP/1.1\r\nHost: x\r\n\r\n"))
	// A deadline only so that the old code fails rather than hangs: the
	// answer waits for a reader to be seen stalled (stallAfter).
	c.SetReadDeadline(time.Now().Add(60 * time.Second))
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("another client, while slow readers of 4 addresses hold the server's 4 connections: %v; want it served", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("another client: %d, want 200", resp.StatusCode)
	}
	if n := conns.Stalled(); n < 1 {
		t.Errorf("%d connections closed for a client not reading, want at least 1", n)
	}
}

// waitSteady waits until cond has held for 300 ms on end.
func waitSteady(t *testing.T, what string, cond func() bool) {
	t.Helper()
	var since time.Time
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		switch {
		case !cond():
			since = time.Time{}
		case since.IsZero():
			since = time.Now()
		case time.Since(since) >= 300*time.Millisecond:
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 30 s: %s", what)
		}
	}
}
