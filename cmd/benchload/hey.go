package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// heyResult is what benchload reads from hey's summary.
type heyResult struct {
	rps, p50, p99 float64 // requests per second; latencies in seconds
}

// hey drives url for d with conc concurrent requests, without asking for
// compression (so that the server and the ceiling send the same bytes), and
// fails unless every answer was 200. With fresh, requests say
// Cache-Control: no-cache, which makes mapsrv skip its response cache.
func hey(url string, d time.Duration, conc int, fresh bool) (heyResult, error) {
	args := []string{"-z", d.String(), "-c", strconv.Itoa(conc), "-disable-compression"}
	if fresh {
		args = append(args, "-H", "Cache-Control: no-cache")
	}
	out, err := exec.Command("hey", append(args, url)...).Output()
	if err != nil {
		return heyResult{}, fmt.Errorf("hey %s: %w", url, err)
	}
	return parseHey(out)
}

// parseHey reads hey's default text summary.
func parseHey(out []byte) (heyResult, error) {
	var r heyResult
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
