package main

import "testing"

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
	if err != nil || got.rps != 17179.2714 || got.p50 != 0.0003 || got.p99 != 0.0034 {
		t.Errorf("parseHey = %+v, %v", got, err)
	}
	mixed := heyOutput + "  [500]\t3 responses\n"
	if _, err := parseHey([]byte(mixed)); err == nil {
		t.Error("parseHey accepted 500s among the answers")
	}
}
