// Command benchload is `make bench-load`: it synthesizes incidents into a
// temporary database with `mapsrv synth`, starts `mapsrv serve` on it, drives
// it with wrk (or hey; both Debian packages) over the views the map asks for, and
// serves the same bytes from memory with net/http as the ceiling. It prints
// requests/s, p50/p99 latency and peak RSS for each view, its ratio to the
// ceiling, and how long the server took to answer after starting.
//
// Usage:
//
//	benchload -mapsrv bin/mapsrv [-n 1000000] [-db PATH] [-pg DSN] [-duration 5s] [-c 8] [-client wrk|hey]
//
// With -db naming an existing database, synthesis is skipped. With -pg, the
// same data is migrated into that (empty) PostgreSQL/PostGIS database and a
// second server on it is measured view by view beside the SQLite one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"
)

// client is the load generator, wrk or hey (-client).
var client string

// view is one request the map makes, driven alone.
type view struct {
	name, path string
}

// views are a town (0.1°), a denser city centre (0.1°), a region (1°,
// limit 1000), the country (limit 10000), and tiles over Damascus.
func views() []view {
	tile := func(z maptile.Zoom) string {
		t := maptile.At(orb.Point{36.29, 33.51}, z)
		return fmt.Sprintf("/tiles/incidents/%d/%d/%d.mvt", t.Z, t.X, t.Y)
	}
	items := "/api/collections/incidents/items?"
	return []view{
		{"small 0.1° town (Saraqib), limit 100", items + "bbox=36.75,35.82,36.85,35.92&limit=100"},
		{"small 0.1° city (Idlib), limit 100", items + "bbox=36.58,35.88,36.68,35.98&limit=100"},
		{"small + date + type", items + "bbox=36.58,35.88,36.68,35.98&limit=100&datetime=2016-01-01/..&incident_type=shelling"},
		{"medium 1°, limit 1000", items + "bbox=36.2,35.4,37.2,36.4&limit=1000"},
		{"country, limit 10000", items + "bbox=35.5,32.3,42.4,37.4&limit=10000"},
		{"aggregate country, zoom 7", "/api/collections/incidents/aggregate?bbox=35.5,32.3,42.4,37.4&zoom=7"},
		{"tile z6 (Damascus)", tile(6)},
		{"tile z9 (Damascus)", tile(9)},
		{"tile z12 (Damascus)", tile(12)},
	}
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "benchload:", err)
		os.Exit(1)
	}
}

func run() error {
	bin := flag.String("mapsrv", "bin/mapsrv", "the mapsrv binary")
	n := flag.Int("n", 1_000_000, "incidents to synthesize")
	db := flag.String("db", "", "an existing database to serve instead of synthesizing one")
	duration := flag.Duration("duration", 5*time.Second, "how long each view is driven")
	conc := flag.Int("c", 8, "concurrent connections")
	pg := flag.String("pg", "", "an empty PostgreSQL/PostGIS database (DSN) to migrate the data into and measure beside SQLite")
	// wrk by default: written in C, it leaves more of the machine to the
	// server it measures than hey does (hey took a third of the 2 cores).
	flag.StringVar(&client, "client", "wrk", "the load generator: wrk or hey")
	flag.Parse()
	if _, err := exec.LookPath(client); err != nil {
		return fmt.Errorf("%s not found: apt-get install %s", client, client)
	}
	dir, err := os.MkdirTemp("", "mapsrv-bench-load")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if *db == "" {
		*db = filepath.Join(dir, "bench.db")
		start := time.Now()
		cmd := exec.Command(*bin, "synth", "--db", *db, "--n", fmt.Sprint(*n))
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		fmt.Printf("synth: %d incidents in %s\n", *n, time.Since(start).Round(time.Millisecond))
	}
	srv, base, err := startServer(*bin, *db, dir, views()[0].path)
	if err != nil {
		return err
	}
	defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
	var pgSrv *exec.Cmd
	var pgBase string
	if *pg != "" {
		if pgSrv, pgBase, err = startPostGIS(*bin, *db, *pg, dir); err != nil {
			return err
		}
		defer func() { pgSrv.Process.Signal(os.Interrupt); pgSrv.Wait() }()
	}
	fmt.Printf("\nEach view driven by %s for %s over %d connections; cached: mapsrv's response cache\n"+
		"answers (the same view, same data); fresh: Cache-Control: no-cache, every request queried.\n"+
		"ceiling: the same bytes from memory by net/http. RSS: VmHWM of mapsrv, reset before each view.\n\n", client, *duration, *conc)
	fmt.Printf("%-38s %8s | %8s %6s %6s | %8s %6s %6s | %6s | %8s %5s %5s\n", "view", "bytes", "cached/s", "p50ms", "p99ms",
		"fresh/s", "p50ms", "p99ms", "RSS MB", "ceil/s", "c/ce", "f/ce")
	for _, v := range views() {
		if err := measure(v, base, srv.Process.Pid, *duration, *conc); err != nil {
			return fmt.Errorf("%s: %w", v.name, err)
		}
		if pgSrv != nil {
			v.name = "  the same on PostGIS"
			if err := measure(v, pgBase, pgSrv.Process.Pid, *duration, *conc); err != nil {
				return fmt.Errorf("%s on PostGIS: %w", v.name, err)
			}
		}
	}
	fmt.Printf("\npeak RSS of mapsrv over the whole run: %d MB\n", peakRSS(srv.Process.Pid)/1024)
	return nil
}

// startPostGIS migrates the SQLite database at db into the PostGIS one at dsn
// and starts a second server on it.
func startPostGIS(bin, db, dsn, dir string) (*exec.Cmd, string, error) {
	start := time.Now()
	cmd := exec.Command(bin, "migrate", "--from", db, "--to", dsn)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, "", fmt.Errorf("migrate to PostGIS: %w", err)
	}
	fmt.Printf("migrated to PostGIS in %s\n", time.Since(start).Round(time.Millisecond))
	pgDir := filepath.Join(dir, "pg")
	if err := os.Mkdir(pgDir, 0o755); err != nil {
		return nil, "", err
	}
	return startServer(bin, dsn, pgDir, views()[0].path)
}

// startServer starts mapsrv serve on a free port and reports how long it took
// to answer /healthz and then the first query.
func startServer(bin, db, dir, first string) (*exec.Cmd, string, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	logf, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		return nil, "", err
	}
	start := time.Now()
	cmd := exec.Command(bin, "serve", "--addr", addr, "--db", db)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	base := "http://" + addr
	for {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Since(start) > 30*time.Second {
			cmd.Process.Kill()
			return nil, "", errors.New("mapsrv serve did not answer in 30 s; see its log")
		}
		time.Sleep(2 * time.Millisecond)
	}
	up := time.Since(start)
	if _, err := fetch(base + first); err != nil {
		return nil, "", err
	}
	fmt.Printf("cold start: listening after %s, first query answered after %s\n",
		up.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	return cmd, base, nil
}

// measure drives one view, then the same bytes from memory, and prints a row.
func measure(v view, base string, pid int, d time.Duration, conc int) error {
	body, err := fetch(base + v.path)
	if err != nil {
		return err
	}
	os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0) // reset VmHWM; best effort
	cached, err := drive(client, base+v.path, d, conc, false)
	if err != nil {
		return err
	}
	fresh, err := drive(client, base+v.path, d, conc, true)
	if err != nil {
		return err
	}
	rss := peakRSS(pid)
	ceiling, err := ceilingFor(body, d, conc)
	if err != nil {
		return err
	}
	fmt.Printf("%-38s %8d | %8.0f %6.2f %6.2f | %8.0f %6.2f %6.2f | %6d | %8.0f %4.0f%% %4.0f%%\n", v.name, len(body),
		cached.rps, cached.p50*1000, cached.p99*1000, fresh.rps, fresh.p50*1000, fresh.p99*1000,
		rss/1024, ceiling.rps, 100*cached.rps/ceiling.rps, 100*fresh.rps/ceiling.rps)
	return nil
}

// ceilingFor serves body from memory on a tiny net/http server and drives it
// as the view was driven: the most any server could do with these bytes here.
func ceilingFor(body []byte, d time.Duration, conc int) (loadResult, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return loadResult{}, err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(body)
	})}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	return drive(client, "http://"+ln.Addr().String()+"/static", d, conc, false)
}

func fetch(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: %s: %s", url, resp.Status, body)
	}
	return body, err
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// peakRSS reads VmHWM, in KiB, from /proc; 0 when unavailable.
func peakRSS(pid int) int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb)
			return kb
		}
	}
	return 0
}
