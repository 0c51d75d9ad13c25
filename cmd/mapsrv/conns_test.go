package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe_IdleConnectionFlood runs a real mapsrv (a child process) with a
// cap of 50 connections, then holds 500 idle keep-alive connections and 200
// that never send a request: fresh requests are still answered, and the
// server's open files stay within the cap (they grew by one per connection,
// up to "too many open files").
func TestServe_IdleConnectionFlood(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("needs /proc to count the server's open files")
	}
	addr, pid := startChildServer(t, "--max-conns", "50")
	base := "http://" + addr
	fds := func() int {
		entries, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
		if err != nil {
			t.Fatal(err)
		}
		return len(entries)
	}
	before := fds()
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for range 500 { // each answered once, then left idle
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: %s\r\n\r\n", addr)
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("idle connection %d: %v", len(held), err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	idle := fds()
	for range 200 { // connected, silent
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	time.Sleep(200 * time.Millisecond) // let the server take them all
	silent := fds()
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	answered := 0
	start := time.Now()
	for range 50 {
		resp, err := client.Get(base + "/api/collections/incidents/items?limit=1")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				answered++
			}
		}
	}
	t.Logf("server open files: %d at start, %d with 500 idle connections, %d with 200 silent ones more; "+
		"%d of 50 fresh requests answered in %v", before, idle, silent, answered, time.Since(start).Round(time.Millisecond))
	if answered != 50 {
		t.Errorf("%d of 50 fresh requests answered, want all", answered)
	}
	if idle-before > 50 || silent-before > 50 {
		t.Errorf("open files grew from %d to %d, then %d, with a cap of 50 connections", before, idle, silent)
	}
}

// startChildServer runs `mapsrv serve` with args as a child process on a
// free loopback port, over a fresh database, and returns its address and
// pid; it is stopped when t ends.
func startChildServer(t *testing.T, args ...string) (addr string, pid int) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	addr = freeAddr(t)
	all := append([]string{"serve", "--addr", addr, "--db", filepath.Join(t.TempDir(), "conns.db")}, args...)
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), "MAPSRV_CHILD_ARGS="+strings.Join(all, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	waitUp(t, "http://"+addr+"/healthz")
	return addr, cmd.Process.Pid
}
