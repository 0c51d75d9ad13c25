package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/extract"
)

// TestExtract_OnePartFailingKeepsTheOthers: a text is read as reports of at
// most extract.PartBytes, and a report the extractor panics on (a list of
// 310 town names separated by commas did, in extract's road rules) ended
// the command with a stack trace, none of the later reports read. Now that
// report is named on standard error, by its bytes, the others are printed,
// and the command ends in an error saying so.
func TestExtract_OnePartFailingKeepsTheOthers(t *testing.T) {
	real := readPart
	t.Cleanup(func() { readPart = real })
	readPart = func(x *extract.Extractor, part string, pub time.Time, lang string, emit func(extract.Candidate) error) error {
		if strings.Contains(part, "BOOM") {
			var s []int
			_ = s[len(part)] // what the extractor's index out of range did
		}
		return real(x, part, pub, lang, emit)
	}
	report := "Shelling hit Saraqib on 3 December 2025, killing two people.\n\n"
	filler := strings.Repeat("Nothing else happened in the area that week, residents said. ", extract.PartBytes/40)
	// three parts: a report, the failing one, a report
	text := report + filler[:extract.PartBytes-len(report)-200] + "\n\n" +
		"BOOM " + filler[:extract.PartBytes-30] + "\n\n" +
		strings.ReplaceAll(report, "Saraqib", "Douma")
	if n := len(extract.SplitParts(text, extract.PartBytes)); n != 3 {
		t.Fatalf("the text is %d parts, want 3", n)
	}
	path := filepath.Join(t.TempDir(), "reports.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCmd(t, "", "extract", "--lang", "en", "--published", "2025-12-04", path)
	if !strings.Contains(out, "Saraqib") || !strings.Contains(out, "Douma") {
		t.Errorf("extract printed %q, want the first and the last reports' incidents (Saraqib, Douma)", out)
	}
	if err == nil || !strings.Contains(err.Error(), "failed on 1 of") {
		t.Errorf("extract: error %v, want one saying the extractor failed on 1 report", err)
	}
	if !strings.Contains(stderr, "reports.txt: bytes ") || !strings.Contains(stderr, "index out of range") {
		t.Errorf("stderr %q, want the failing report named by file and bytes, with the failure", stderr)
	}
}
