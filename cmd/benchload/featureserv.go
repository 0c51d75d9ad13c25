package main

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// pg_featureserv (-featureserv PATH) serves the same PostGIS table as the
// PostGIS mapsrv, in the same run, so that the comparison is taken
// on one machine at one time: the table incidents, with its primary key and
// its geometry column geom, published as the collection public.incidents.
// It is a program the bench runs, found wherever the user installed it.

// featureservCollection is the items path of mapsrv's table in pg_featureserv.
const featureservCollection = "/collections/public.incidents/items.json?"

// featureservPaths are a view's requests as pg_featureserv takes them: the
// same boxes, limits and type, the period as a CQL filter on date_to (it has
// no datetime parameter), in its default order. ok is false for views it has
// no counterpart of (aggregates, tiles).
func featureservPaths(paths []string) (out []string, ok bool) {
	for _, p := range paths {
		q, isItems := strings.CutPrefix(p, itemsPath)
		if !isItems {
			return nil, false
		}
		vals, err := url.ParseQuery(q)
		if err != nil {
			return nil, false
		}
		if dt := vals.Get("datetime"); dt != "" {
			start, end, _ := strings.Cut(dt, "/")
			if end != ".." && end != "" {
				return nil, false
			}
			vals.Del("datetime")
			vals.Set("filter", fmt.Sprintf("date_to >= '%s'", start))
		}
		out = append(out, featureservCollection+vals.Encode())
	}
	return out, true
}

// startFeatureserv starts pg_featureserv at path on a free loopback port
// against the database of dsn, with pages of up to 10,000 features (the
// country view), and waits until it serves the table.
func startFeatureserv(path, dsn, dir string) (server, error) {
	addr, err := freeAddr()
	if err != nil {
		return server{}, err
	}
	host, port, _ := strings.Cut(addr, ":")
	logDir := filepath.Join(dir, "pg_featureserv")
	if err := os.Mkdir(logDir, 0o755); err != nil {
		return server{}, err
	}
	logf, err := os.Create(filepath.Join(logDir, "serve.log"))
	if err != nil {
		return server{}, err
	}
	start := time.Now()
	cmd := exec.Command(path)
	cmd.Dir = logDir // no ./config there: its defaults, and the settings below
	cmd.Env = append(os.Environ(), "DATABASE_URL="+dsn, "PGFS_SERVER_HTTPHOST="+host, "PGFS_SERVER_HTTPPORT="+port,
		"PGFS_PAGING_LIMITMAX=10000")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return server{}, fmt.Errorf("pg_featureserv: %w", err)
	}
	s := server{name: "pg_fs", cmd: cmd, base: "http://" + addr, db: dsn, pids: []int{cmd.Process.Pid}, featureserv: true}
	ready := s.base + strings.TrimSuffix(featureservCollection, "/items.json?") + ".json"
	if err := waitServing(cmd, ready, start); err != nil {
		return server{}, fmt.Errorf("pg_featureserv serving public.incidents %w; see %s", err, logf.Name())
	}
	fmt.Printf("pg_featureserv on the PostGIS database: serving after %s\n", time.Since(start).Round(time.Millisecond))
	return s, nil
}

// warmFeatureserv drives each view on pg_featureserv for a moment, as warm
// does for mapsrv, then counts the PostgreSQL backends it opened (those not
// already counted as mapsrv's) as its own.
func warmFeatureserv(s *server, views []view, conc int, counted []int) error {
	for _, v := range views {
		if paths, ok := featureservPaths(v.paths); ok {
			drive(client, s.base, paths, 2*time.Second, conc, true) // best effort, as warm
		}
	}
	pids, err := backends(s.db)
	if err != nil {
		return fmt.Errorf("PostgreSQL backends of pg_featureserv: %w", err)
	}
	for _, pid := range pids {
		if !slices.Contains(counted, pid) {
			s.pids = append(s.pids, pid)
		}
	}
	return nil
}
