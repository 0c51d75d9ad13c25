package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// loadResult is what benchload reads from a load generator's summary.
type loadResult struct {
	rps, p50, p99 float64 // requests per second; latencies in seconds
	requests      int     // answered in all
}

// drive drives base+paths for d with conc concurrent connections using
// client (wrk or hey), without asking for compression (so that the server
// and the ceiling send the same bytes), and fails unless every answer was
// 200. Several paths are asked for in turn (wrk only). With fresh, requests
// say Cache-Control: no-cache, which makes mapsrv skip its response cache.
func drive(client, base string, paths []string, d time.Duration, conc int, fresh bool) (loadResult, error) {
	var args []string
	parse := parseWrk
	switch client {
	case "wrk":
		// One thread, as the figures were taken: the server shares
		// the machine's two cores with it.
		args = []string{"-t", "1", "-c", strconv.Itoa(conc), "-d", d.String(), "--latency"}
		if len(paths) > 1 {
			script, err := rotateScript(paths)
			if err != nil {
				return loadResult{}, err
			}
			defer os.Remove(script)
			args = append(args, "-s", script)
		}
	case "hey":
		if len(paths) > 1 {
			return loadResult{}, errors.New("hey asks for one URL: drive a view of several paths with wrk")
		}
		args, parse = []string{"-z", d.String(), "-c", strconv.Itoa(conc), "-disable-compression"}, parseHey
	default:
		return loadResult{}, fmt.Errorf("unknown load generator %q: want wrk or hey", client)
	}
	if fresh {
		args = append(args, "-H", "Cache-Control: no-cache")
	}
	out, err := exec.Command(client, append(args, base+paths[0])...).Output()
	if err != nil {
		return loadResult{}, fmt.Errorf("%s %s: %w", client, base+paths[0], err)
	}
	return parse(out)
}

// rotateScript writes a wrk script asking for paths in turn, and returns
// its name.
func rotateScript(paths []string) (string, error) {
	f, err := os.CreateTemp("", "benchload-*.lua")
	if err != nil {
		return "", err
	}
	defer f.Close()
	fmt.Fprintln(f, "local paths = {")
	for _, p := range paths {
		fmt.Fprintf(f, "  %q,\n", p)
	}
	fmt.Fprintln(f, "}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend")
	return f.Name(), f.Close()
}

// parseWrk reads wrk's summary with --latency.
func parseWrk(out []byte) (loadResult, error) {
	var r loadResult
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			r.rps, _ = strconv.ParseFloat(f[1], 64)
		case len(f) > 2 && f[1] == "requests" && f[2] == "in":
			r.requests, _ = strconv.Atoi(f[0])
		case len(f) == 2 && f[0] == "50%":
			r.p50 = wrkDuration(f[1])
		case len(f) == 2 && f[0] == "99%":
			r.p99 = wrkDuration(f[1])
		case len(f) > 0 && (f[0] == "Non-2xx" || f[0] == "Socket"):
			return r, fmt.Errorf("wrk: want only 200s and no socket errors, got %q in:\n%s", sc.Text(), out)
		}
	}
	if r.rps == 0 || r.p50 == 0 {
		return r, fmt.Errorf("wrk: no rate or latency distribution in:\n%s", out)
	}
	return r, nil
}

// wrkDuration reads wrk's "156.00us", "8.25ms" or "1.02s" as seconds.
func wrkDuration(s string) float64 {
	for _, u := range []struct {
		suffix string
		scale  float64
	}{{"us", 1e-6}, {"ms", 1e-3}, {"s", 1}} {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f * u.scale
		}
	}
	return 0
}

// parseHey reads hey's default text summary.
func parseHey(out []byte) (loadResult, error) {
	var r loadResult
	var codes []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	inCodes := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "Requests/sec:"):
			r.rps, _ = strconv.ParseFloat(strings.TrimSpace(strings.TrimPrefix(line, "Requests/sec:")), 64)
		case strings.HasPrefix(line, "50% in "):
			r.p50 = seconds(line)
		case strings.HasPrefix(line, "99% in "):
			r.p99 = seconds(line)
		case strings.HasPrefix(line, "Status code distribution:"):
			inCodes = true
		case inCodes && strings.HasPrefix(line, "["):
			codes = append(codes, line)
			if f := strings.Fields(line); len(f) > 1 && f[0] == "[200]" {
				r.requests, _ = strconv.Atoi(f[1])
			}
		case inCodes && line != "":
			inCodes = false
		}
	}
	if r.rps == 0 || len(codes) != 1 || !strings.HasPrefix(codes[0], "[200]") {
		return r, fmt.Errorf("hey: want only 200s, got %q in:\n%s", codes, out)
	}
	return r, nil
}

// seconds reads "50% in 0.0012 secs".
func seconds(line string) float64 {
	f := strings.Fields(line)
	if len(f) < 3 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[2], 64)
	return v
}
