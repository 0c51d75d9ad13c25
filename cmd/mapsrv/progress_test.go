package main

import (
	"bytes"
	"strings"
	"testing"
)

// Off a terminal (a log file, a pipe), progress is a few whole lines: one
// at each tenth of a known total, one at each progressStep of an unknown
// one, and never a carriage return.
func TestProgress_OffTerminal(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, "migrate:", "incidents", 1_000_000)
	for done := 2000; done <= 1_000_000; done += 2000 {
		p.update(done)
	}
	p.done()
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 10 || strings.Contains(out.String(), "\r") || lines[9] != "migrate: 1000000 of 1000000 incidents (100%)" {
		t.Errorf("%d lines:\n%s", len(lines), out.String())
	}
	out.Reset()
	p = newProgress(&out, "imported", "incidents", 0)
	for done := 500; done <= 35_000; done += 500 {
		p.update(done)
	}
	p.done()
	if got := out.String(); got != "imported 10000 incidents\nimported 20000 incidents\nimported 30000 incidents\n" {
		t.Errorf("unknown total:\n%q", got)
	}
}
