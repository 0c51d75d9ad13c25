package main

import (
	"os"
	"strings"
	"testing"
)

// heyOutput is hey 0.1.4's summary, trimmed.
const heyOutput = `
Summary:
  Total:	5.0012 secs
  Requests/sec:	17179.2714

Latency distribution:
  10% in 0.0001 secs
  50% in 0.0003 secs
  99% in 0.0034 secs

Status code distribution:
  [200]	85916 responses
`

func TestParseHey(t *testing.T) {
	got, err := parseHey([]byte(heyOutput))
	if err != nil || got.rps != 17179.2714 || got.p50 != 0.0003 || got.p99 != 0.0034 || got.requests != 85916 {
		t.Errorf("parseHey = %+v, %v", got, err)
	}
	mixed := heyOutput + "  [500]\t3 responses\n"
	if _, err := parseHey([]byte(mixed)); err == nil {
		t.Error("parseHey accepted 500s among the answers")
	}
}

// wrkOutput is wrk 4.1's summary with --latency, from a run against mapsrv.
const wrkOutput = `Running 2s test @ http://127.0.0.1:8093/api/collections/incidents/items?limit=100
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   818.50us    1.76ms  21.97ms   89.57%
    Req/Sec    17.29k     3.05k   31.48k    82.93%
  Latency Distribution
     50%  156.00us
     75%  461.00us
     90%    2.68ms
     99%    1.25s
  70505 requests in 2.10s, 4.01GB read
Requests/sec:  33608.19
Transfer/sec:      1.91GB
`

func TestParseWrk(t *testing.T) {
	got, err := parseWrk([]byte(wrkOutput))
	if err != nil || got.rps != 33608.19 || got.p50 != 156e-6 || got.p99 != 1.25 || got.requests != 70505 {
		t.Errorf("parseWrk = %+v, %v", got, err)
	}
	for name, extra := range map[string]string{
		"errors":        "  Non-2xx or 3xx responses: 63083\n",
		"socket errors": "  Socket errors: connect 0, read 2, write 0, timeout 0\n",
	} {
		if _, err := parseWrk([]byte(wrkOutput + extra)); err == nil {
			t.Errorf("parseWrk accepted a run with %s", name)
		}
	}
	if _, err := parseWrk([]byte("Running 2s test\n")); err == nil {
		t.Error("parseWrk accepted output without a rate")
	}
}

// TestRotateScript: the wrk script asks for every path, in turn.
func TestRotateScript(t *testing.T) {
	paths := []string{"/a?bbox=1,2,3,4&limit=1000", "/b"}
	name, err := rotateScript(paths)
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(name)
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if !strings.Contains(string(b), `"`+p+`",`) {
			t.Errorf("script lacks %q:\n%s", p, b)
		}
	}
	if !strings.Contains(string(b), "i % #paths + 1") {
		t.Errorf("script does not take the paths in turn:\n%s", b)
	}
}
