package mapsrv

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The news passages and seed reports beside the repository are third-party
// text: tests may read them at run time, but not one sentence of them may be
// copied into the repository. TestNoThirdPartyText holds us to that by looking
// for any run of runLen consecutive words of theirs in a tracked file.
const (
	sharedDir = "../shared"
	runLen    = 6
)

// word is a token as a regular expression's \w reads Unicode text: letters,
// digits and the underscore (Arabic diacritics split words, as they do there).
var word = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// runs returns every run of runLen consecutive words of text.
func runs(text string, into map[string]bool) {
	w := word.FindAllString(text, -1)
	for i := 0; i+runLen <= len(w); i++ {
		into[strings.Join(w[i:i+runLen], " ")] = true
	}
}

// thirdPartyRuns reads the news texts beside the repository (and the files of
// real passages named in MAPSRV_NEWS_EXTRA) and returns their
// word runs, less those the facts file given to us quotes (source titles, a
// place as the reports write it). It skips the test when they are absent.
func thirdPartyRuns(t *testing.T) map[string]bool {
	t.Helper()
	dev := filepath.Join(sharedDir, "news-dev", "dev.jsonl")
	seeds, _ := filepath.Glob(filepath.Join(sharedDir, "seeds", "*"))
	if _, err := os.Stat(dev); err != nil || len(seeds) == 0 {
		t.Skipf("third-party news text not present beside the repository (%s, %s/seeds): nothing to compare with",
			dev, sharedDir)
	}
	forbidden := map[string]bool{}
	for _, text := range devTexts(t, dev) {
		runs(text, forbidden)
	}
	for _, name := range seeds {
		runs(string(mustRead(t, name)), forbidden)
	}
	// further real passages measured beside them (see extract's TestNewsDev) are third-party too
	for _, name := range filepath.SplitList(os.Getenv("MAPSRV_NEWS_EXTRA")) {
		for _, text := range devTexts(t, name) {
			runs(text, forbidden)
		}
	}
	quoted := map[string]bool{}
	if b, err := os.ReadFile(filepath.Join(sharedDir, "seed-incidents.md")); err == nil {
		runs(string(b), quoted)
	}
	for r := range quoted {
		delete(forbidden, r)
	}
	return forbidden
}

func devTexts(t *testing.T, name string) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(mustRead(t, name)))
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var p struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, p.Text)
	}
	return out
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// trackedTextFiles lists the files git tracks that people write: binaries
// (PNG, anything with a NUL byte) and generated data (a header saying "do not
// edit") are left out.
func trackedTextFiles(t *testing.T) map[string][]byte {
	t.Helper()
	out, err := exec.Command("git", "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("not a git checkout, so no list of tracked files: %v", err)
	}
	files := map[string][]byte{}
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if strings.HasSuffix(name, ".png") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil || bytes.IndexByte(b, 0) >= 0 || generated(b) {
			continue
		}
		files[name] = b
	}
	return files
}

// generated reports a file whose header says a program wrote it.
func generated(b []byte) bool {
	head := b[:min(len(b), 600)]
	return bytes.Contains(head, []byte("do not edit")) || bytes.Contains(head, []byte("DO NOT EDIT"))
}

// leaks returns the runs of text that forbidden holds.
func leaks(forbidden map[string]bool, text string) []string {
	found := map[string]bool{}
	runs(text, found)
	var hits []string
	for r := range found {
		if forbidden[r] {
			hits = append(hits, r)
		}
	}
	return hits
}

func TestNoThirdPartyText(t *testing.T) {
	forbidden := thirdPartyRuns(t)
	for name, b := range trackedTextFiles(t) {
		if hits := leaks(forbidden, string(b)); len(hits) > 0 {
			t.Errorf("%s repeats %d runs of %d words of the third-party news text, e.g. %q: write it in our own words",
				name, len(hits), runLen, hits[:min(len(hits), 3)])
		}
	}
}

// TestLeaks: a copied run is found whatever the punctuation and line breaks
// around it, a run of five words is not, and Arabic reads word by word.
func TestLeaks(t *testing.T) {
	forbidden := map[string]bool{}
	runs("قال مصدر محلي إن دورية للشرطة تعرضت لإطلاق نار قرب السوق. The patrol came under fire near the old market, a source said.", forbidden)
	for text, want := range map[string]int{
		"في الخبر: دورية للشرطة تعرضت، لإطلاق نار قرب المدينة": 1,
		"دورية للشرطة تعرضت لإطلاق نار":                        0,
		"// the patrol came\nunder fire near the old market":   3,
		"the patrol came under attack near the old market":     0,
	} {
		if got := len(leaks(forbidden, text)); got != want {
			t.Errorf("leaks(%q) = %d runs, want %d", text, got, want)
		}
	}
}
