package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestServe_SlowBodiesOfOneClient: a client holding an ingest token could
// keep every connection busy by sending its bodies a byte a second (each
// held for the 30 s read timeout): with 120 such requests against a cap of
// 100, a listing from another address waited for a connection until the
// first of them timed out. One client now holds at most its own cap (the
// default, 64); its connections beyond it are refused, and others are
// served at once.
func TestServe_SlowBodiesOfOneClient(t *testing.T) {
	const token = "ingest-token-for-the-slow-bodies"
	t.Setenv("MAPSRV_TOKENS", "ingest:"+token)
	addr, _ := startChildServer(t, "--max-conns", "100")
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for range 120 {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.1")}}
		c, err := d.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
		// A body declared and begun, never finished.
		fmt.Fprintf(c, "POST /api/ingest HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n"+
			"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{", addr, token)
	}
	time.Sleep(time.Second) // let the server take them all (sooner, some may still be in its backlog)
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.2")}}
	// A generous deadline, well under the read timeout the old server
	// waited out before the listing found a connection.
	other := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: d.DialContext, DisableKeepAlives: true}}
	for i := range 5 {
		start := time.Now()
		resp, err := other.Get("http://" + addr + "/api/collections/incidents/items?limit=1")
		if err != nil {
			t.Fatalf("listing %d from another address while one holds 120 slow bodies: %v (after %v)", i+1, err, time.Since(start).Round(time.Millisecond))
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("listing %d from another address: %d, want 200", i+1, resp.StatusCode)
		}
	}
}
