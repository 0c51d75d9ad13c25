// Command benchload is `make bench-load`: it synthesizes incidents into a
// temporary database with `mapsrv synth`, starts `mapsrv serve` on it (and,
// with -pg, migrates the same data into PostgreSQL/PostGIS and starts a
// second server there), times each server's cold start, and drives the
// views the map asks for with wrk (or hey), every request fresh
// (Cache-Control: no-cache, so that mapsrv's response cache answers none).
// It prints requests/s, p50/p99 latency and peak RSS for each view on each
// store, beside the same bytes served from memory by net/http (the
// ceiling) and, for the issue's four views, pg_featureserv's figures on the
// same data as the issue gave them. With -featureserv naming a
// pg_featureserv binary, it also serves the PostGIS database in the same
// run, and its column is measured (featureserv.go).
//
// Usage:
//
//	benchload -mapsrv bin/mapsrv [-n 1000000] [-db PATH] [-pg DSN [-pg-filled] [-featureserv PATH]] [-duration 5s] [-c 4] [-client wrk|hey] [-all]
//
// With -db naming an existing database, synthesis is skipped. -all adds the
// map's other views (a town's small page, aggregate, tiles) to the issue's
// four.
package main

import (
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
)

// client is the load generator, wrk or hey (-client).
var client string

// featureserv are pg_featureserv's fresh requests/s on the same 1,000,000
// incidents, as the issue measured them (wrk, 1 thread, 4 connections), for
// runs without -featureserv and to compare with.
var featureserv = map[string]float64{
	"200 different 0.1° boxes, limit 1000": 71,
	"1° box, limit 1000":                   78,
	"country, limit 10000":                 9.8,
	"1° box + type + since 2024":           34,
}

// server is a mapsrv serve process under measure.
type server struct {
	name string
	cmd  *exec.Cmd
	base string
	db   string // its --db
	pids []int  // the processes whose CPU its requests cost: it, and PostgreSQL's backends
	// featureserv: pg_featureserv, not mapsrv; views go through featureservPaths.
	featureserv bool
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
	conc := flag.Int("c", 4, "concurrent connections")
	pg := flag.String("pg", "", "an empty PostgreSQL/PostGIS database (DSN) to migrate the data into and measure beside SQLite")
	pgFilled := flag.Bool("pg-filled", false, "the -pg database already holds the data of -db: do not migrate")
	all := flag.Bool("all", false, "also drive the map's other views (a town's page, aggregate, tiles)")
	fsPath := flag.String("featureserv", "", "a pg_featureserv binary to serve the -pg database beside mapsrv and measure too")
	flag.StringVar(&client, "client", "wrk", "the load generator: wrk or hey")
	flag.Parse()
	if *fsPath != "" && *pg == "" {
		return errors.New("-featureserv serves the PostGIS database: give -pg too")
	}
	if _, err := exec.LookPath(client); err != nil {
		return fmt.Errorf("%s not found: apt-get install %s", client, client)
	}
	dir, err := os.MkdirTemp("", "mapsrv-bench-load")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if *db == "" {
		if *db, err = synthesize(*bin, *n, dir); err != nil {
			return err
		}
	}
	views, err := issueViews(*db)
	if err != nil {
		return err
	}
	if *all {
		views = append(views, mapViews()...)
	}
	if *pg != "" && !*pgFilled {
		if err := migrate(*bin, *db, *pg); err != nil {
			return err
		}
	}
	// The first answer a cold server gives: a town's page, as the map asks
	// for first.
	servers, err := startAll(*bin, *db, *pg, dir, mapViews()[0].paths[0])
	defer func() {
		for _, s := range servers {
			s.cmd.Process.Signal(os.Interrupt)
			s.cmd.Wait()
		}
	}()
	if err != nil {
		return err
	}
	if err := warm(servers, views, *conc); err != nil {
		return err
	}
	if *fsPath != "" {
		fs, err := startFeatureserv(*fsPath, *pg, dir)
		if err != nil {
			return err
		}
		servers = append(servers, fs)
		if err := warmFeatureserv(&servers[len(servers)-1], views, *conc, servers[len(servers)-2].pids); err != nil {
			return err
		}
	}
	fmt.Printf("\nload average at start: %s\n", loadAverage())
	fmt.Printf("Each view driven by %s for %s over %d connections, every request fresh (Cache-Control: no-cache).\n"+
		"ceiling: the same bytes from memory by net/http. RSS: VmHWM of the mapsrv process, reset before each view.\n"+
		"CPUms: CPU time a request took in mapsrv and, on PostGIS, PostgreSQL's backends (what bounds the rate on\n"+
		"an idle machine, whatever else this one runs).\n"+
		"pg_fs: pg_featureserv on the same PostGIS table (with -featureserv; CPUms with its backends);\n"+
		"issue's pg_fs: pg_featureserv's figures in the issue, on 1,000,000 incidents.\n\n", client, *duration, *conc)
	printHeader(servers)
	for _, v := range views {
		if err := measure(v, servers, *duration, *conc); err != nil {
			return fmt.Errorf("%s: %w", v.name, err)
		}
	}
	fmt.Printf("\nload average at end: %s\n", loadAverage())
	for _, s := range servers {
		what := "mapsrv on " + s.name
		if s.featureserv {
			what = "pg_featureserv"
		}
		fmt.Printf("peak RSS of %s over the whole run: %d MB\n", what, peakRSS(s.cmd.Process.Pid)/1024)
	}
	return nil
}

// synthesize runs mapsrv synth into a new database in dir.
func synthesize(bin string, n int, dir string) (string, error) {
	db := filepath.Join(dir, "bench.db")
	start := time.Now()
	cmd := exec.Command(bin, "synth", "--db", db, "--n", fmt.Sprint(n))
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("synth: %w", err)
	}
	fmt.Printf("synth: %d incidents in %s\n", n, time.Since(start).Round(time.Millisecond))
	return db, nil
}

// migrate copies the SQLite database at db into the PostGIS one at dsn.
func migrate(bin, db, dsn string) error {
	start := time.Now()
	cmd := exec.Command(bin, "migrate", "--from", db, "--to", dsn)
	cmd.Stdout, cmd.Stderr = os.Stdout, io.Discard // no progress bar in the report
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("migrate to PostGIS: %w", err)
	}
	fmt.Printf("migrated to PostGIS, features encoded, in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// startAll starts a server on the SQLite database and, with a DSN, one on
// PostGIS, each from a cold page cache.
func startAll(bin, db, pg, dir, first string) ([]server, error) {
	var servers []server
	for _, s := range []struct{ name, db string }{{"SQLite", db}, {"PostGIS", pg}} {
		if s.db == "" {
			continue
		}
		logDir := filepath.Join(dir, s.name)
		if err := os.Mkdir(logDir, 0o755); err != nil {
			return servers, err
		}
		srv, err := startServer(s.name, bin, s.db, logDir, first)
		if err != nil {
			return servers, err
		}
		servers = append(servers, srv)
	}
	return servers, nil
}

// startServer drops the page cache (when root may), starts mapsrv serve on
// a free port and reports how long it took to answer /healthz and then the
// first query.
func startServer(name, bin, db, dir, first string) (server, error) {
	addr, err := freeAddr()
	if err != nil {
		return server{}, err
	}
	logf, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		return server{}, err
	}
	cold := dropCaches()
	start := time.Now()
	cmd := exec.Command(bin, "serve", "--addr", addr, "--db", db)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return server{}, err
	}
	s := server{name: name, cmd: cmd, base: "http://" + addr, db: db, pids: []int{cmd.Process.Pid}}
	if err := waitServing(cmd, s.base+"/healthz", start); err != nil {
		return server{}, fmt.Errorf("mapsrv serve %w; see its log", err)
	}
	up := time.Since(start)
	if _, err := fetch(s.base + first); err != nil {
		return s, err
	}
	fmt.Printf("cold start on %s (%s): listening after %s, first query answered after %s\n", name, cold,
		up.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	return s, nil
}

// warm waits until each server has built its index (an aggregate waits
// for it) and drives each view on it for a moment, unmeasured: the figures
// are of a server running, not of one reading its database from disk for
// the first time, which the cold start measures.
func warm(servers []server, views []view, conc int) error {
	start := time.Now()
	for i, s := range servers {
		if _, err := fetch(s.base + "/api/collections/incidents/aggregate?bbox=35.5,32.3,42.4,37.4&zoom=7"); err != nil {
			return fmt.Errorf("warming %s: %w", s.name, err)
		}
		for _, v := range views {
			drive(client, s.base, v.paths, 2*time.Second, conc, true) // best effort: a slow view may finish none in 2 s
		}
		if strings.HasPrefix(s.db, "postgres") {
			pids, err := backends(s.db)
			if err != nil {
				return fmt.Errorf("PostgreSQL backends of %s: %w", s.name, err)
			}
			servers[i].pids = append(servers[i].pids, pids...)
		}
	}
	fmt.Printf("warmed up in %s (index built, each view driven for 2 s)\n", time.Since(start).Round(time.Second))
	return nil
}

// dropCaches empties the kernel's page cache, which root may do; it says
// what it did.
func dropCaches() string {
	exec.Command("sync").Run()
	if err := os.WriteFile("/proc/sys/vm/drop_caches", []byte("3"), 0); err != nil {
		return "page cache kept: not root"
	}
	return "page cache dropped"
}

func printHeader(servers []server) {
	fmt.Printf("%-38s %9s", "view", "bytes")
	for _, s := range servers {
		fmt.Printf(" | %-7s %7s %6s %6s %6s %6s", s.name, "req/s", "p50ms", "p99ms", "RSS MB", "CPUms")
	}
	fmt.Printf(" | %8s | %s\n", "ceil/s", "issue's pg_fs req/s")
}

// measure drives one view on each server, then the same bytes from memory,
// and prints a row. A view that fails on a server (an answer other than 200,
// or none within wrk's 2 s) is marked failed in the row.
func measure(v view, servers []server, d time.Duration, conc int) error {
	body, err := fetch(servers[0].base + v.paths[0])
	if err != nil {
		return err
	}
	fmt.Printf("%-38s %9d", v.name, len(body))
	for _, s := range servers {
		paths := v.paths
		if s.featureserv {
			var ok bool
			if paths, ok = featureservPaths(paths); !ok {
				fmt.Printf(" | %-7s %7s %6s %6s %6s %6s", "", "-", "-", "-", "-", "-")
				continue
			}
		}
		os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", s.cmd.Process.Pid), []byte("5"), 0) // reset VmHWM; best effort
		cpu := cpuOf(s.pids)
		fresh, err := drive(client, s.base, paths, d, conc, true)
		cpu = cpuOf(s.pids) - cpu
		if err != nil { // timeouts or errors: say so in the row, the detail on stderr
			fmt.Fprintf(os.Stderr, "%s on %s: %v\n", v.name, s.name, err)
			fmt.Printf(" | %-7s %7s %6s %6s %6d %6s", "", "failed", "-", "-", peakRSS(s.cmd.Process.Pid)/1024, "-")
			continue
		}
		fmt.Printf(" | %-7s %7.0f %6.2f %6.2f %6d %6.2f", "", fresh.rps, fresh.p50*1000, fresh.p99*1000,
			peakRSS(s.cmd.Process.Pid)/1024, cpu/float64(max(fresh.requests, 1)))
	}
	ceiling, err := ceilingFor(body, d, conc)
	if err != nil {
		return err
	}
	fmt.Printf(" | %8.0f |", ceiling.rps)
	if fs, ok := featureserv[v.name]; ok {
		fmt.Printf(" %.1f", fs)
	}
	fmt.Println()
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
	defer srv.Close()
	return drive(client, "http://"+ln.Addr().String(), []string{"/static"}, d, conc, false)
}

// waitClient asks a server whether it is up and fetches single answers: a
// server that takes a connection and never answers cannot stall the bench.
var waitClient = &http.Client{Timeout: 30 * time.Second}

// waitServing polls url until it answers 200, or kills cmd 30 s after start.
func waitServing(cmd *exec.Cmd, url string, start time.Time) error {
	for {
		if resp, err := waitClient.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Since(start) > 30*time.Second {
			cmd.Process.Kill()
			return errors.New("did not answer in 30 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func fetch(url string) ([]byte, error) {
	resp, err := waitClient.Get(url)
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

// loadAverage is the first line of /proc/loadavg, to tell a busy machine.
func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	return strings.TrimSpace(string(b))
}
