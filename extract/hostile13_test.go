package extract

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// allocatedBy returns the bytes f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestNearRange checks that anyNear visits only positions among the
// tokens, whatever end its caller gives: retold gave 1<<20 for "to the
// sentence's end", and the loop stepped through every position up to it.
func TestNearRange(t *testing.T) {
	for n := 0; n <= 6; n++ {
		for i := -1; i <= n; i++ {
			for _, from := range []int{math.MinInt, -1 << 20, -7, -3, -1, 0, 1, 3, 7, 1 << 20, math.MaxInt} {
				for _, to := range []int{math.MinInt, -1 << 20, -7, -3, -1, 0, 1, 3, 7, 1 << 20, math.MaxInt} {
					lo, hi := nearRange(n, i, from, to)
					if visits := max(0, hi-lo+1); visits > n {
						t.Fatalf("nearRange(%d, %d, %d, %d) = %d..%d: %d positions among %d tokens", n, i, from, to, lo, hi, visits, n)
					}
					// the positions the loop meant: i+from..i+to among the tokens
					for j := 0; j < n; j++ {
						clamp := func(v int) int { return min(max(v, -1<<40), 1<<40) }
						want := j >= i+clamp(from) && j <= i+clamp(to)
						if got := j >= lo && j <= hi; got != want {
							t.Fatalf("nearRange(%d, %d, %d, %d) = %d..%d: position %d in it %v, want %v", n, i, from, to, lo, hi, j, got, want)
						}
					}
				}
			}
		}
	}
}

// TestExtract_ProvinceLeadsBoundedWork checks what reports of short
// sentences each naming an event by its governorate alone cost. Each such
// draft was weighed against every other draft (is it the lead of an event
// told at a finer place inside its governorate?), reading the places' names
// again each time, and each next sentence's source words were looked for
// through a million positions: 50 KB cost 4 s of CPU and 390 MB allocated.
func TestExtract_ProvinceLeadsBoundedWork(t *testing.T) {
	if raceEnabled {
		t.Skip("counts allocations, which the race detector changes")
	}
	if testing.Short() {
		t.Skip("reads reports of 50 KB")
	}
	x := New(mustGazetteer(t))
	const limit = 80 << 20
	for lang, govs := range map[string][]string{
		"en": {"Shelling hit Idlib. ", "Shelling hit Hama. ", "Shelling hit Homs. ", "Shelling hit Daraa. "},
		"ar": {"قصف إدلب. ", "قصف حماة. ", "قصف حمص. ", "قصف درعا. "},
	} {
		var b strings.Builder
		for i := 0; b.Len() < 50_000; i++ {
			b.WriteString(govs[i%len(govs)])
		}
		var n int
		got := allocatedBy(func() {
			n = len(x.ExtractLang(b.String(), time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC), lang))
		})
		if got > limit {
			t.Errorf("%s: %d bytes of governorates told: %d MB allocated, want at most %d", lang, b.Len(), got>>20, limit>>20)
		}
		if n == 0 {
			t.Errorf("%s: no candidates; want the events told", lang)
		}
	}
}

// TestLineLabel_AsTheLineReads checks lineLabel, which now reads back only
// the marks before a place, against reading back the whole line as it did:
// that cost each place the length of the text before it when the text had
// no line break.
func TestLineLabel_AsTheLineReads(t *testing.T) {
	byLine := func(text string, m gazetteer.Mention) bool {
		before := text[:m.Start]
		nl := strings.LastIndexByte(before, '\n')
		if nl < 0 || strings.TrimLeft(before[nl+1:], " \t•·*-–—") != "" {
			return false
		}
		return strings.HasPrefix(strings.TrimLeft(text[m.End:], " \t"), ":")
	}
	heads := []string{"", "\n", "\n\n", "x\n", "x", "x ", "\n• ", "\n - ", "\n—\t", "\nx • ", "• ", "\n·*", "\n–", "\r\n"}
	tails := []string{": y", " : y", ":", " y", "", "\t:"}
	for _, h := range heads {
		for _, tl := range tails {
			text := h + "Aleppo" + tl
			m := gazetteer.Mention{Start: len(h), End: len(h) + len("Aleppo")}
			if got, want := lineLabel(text, m), byLine(text, m); got != want {
				t.Errorf("lineLabel(%q) = %v, want %v", text, got, want)
			}
		}
	}
}

// TestExtract_LeadPassesLinearWork counts the drafts the passes over leads
// look at. A lead by an area stood for the events told right after it, and
// each lead read the whole run of such events after it; a lead by a
// governorate was weighed against every draft. A report of such sentences
// cost the square of its drafts: 40 KB of strikes on the villages of one
// countryside, each on its own day (938 sentences), looked at 441,329
// drafts, and 40 KB of "Shelling hit Idlib." (2,052) at 4,001,999.
func TestExtract_LeadPassesLinearWork(t *testing.T) {
	if testing.Short() {
		t.Skip("reads reports of 25-50 KB")
	}
	gaz := mustGazetteer(t)
	published := time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		lang string
		unit func(i int) string
	}{
		"area run":           {"ar", func(i int) string { return fmt.Sprintf("وفي %d أيار قصف قرى بريف إدلب. ", i%28+1) }},
		"governorates en":    {"en", func(i int) string { return []string{"Shelling hit Idlib. ", "Shelling hit Hama. "}[i%2] }},
		"governorates ar":    {"ar", func(i int) string { return []string{"قصف إدلب. ", "قصف حماة. "}[i%2] }},
		"governorates dated": {"en", func(i int) string { return fmt.Sprintf("On %d May, shelling hit Idlib governorate. ", i%28+1) }},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var b strings.Builder
			for i := 0; b.Len() < 40_000; i++ {
				b.WriteString(tc.unit(i))
			}
			p := newPassage(b.String(), tc.lang, published, published, gaz)
			p.candidates()
			t.Logf("%d sentences, %d drafts looked at", len(p.sents), p.leadLooks)
			if most := 4 * len(p.sents); p.leadLooks > most {
				t.Errorf("%d sentences: the lead passes looked at %d drafts, want at most %d", len(p.sents), p.leadLooks, most)
			}
		})
	}
}

// TestQuotedTitle_AsTheRestReads checks quotedTitle, which now looks for a
// closing mark in the 34 bytes after a name, against looking through all the
// rest of the text as it did: every name after an opening mark that was never
// closed cost the rest of the text.
func TestQuotedTitle_AsTheRestReads(t *testing.T) {
	byRest := func(text string, m mention) bool {
		open := strings.TrimRight(text[max(0, m.Start-4):m.Start], " ")
		if !strings.HasSuffix(open, "«") && !strings.HasSuffix(open, "\"") && !strings.HasSuffix(open, "“") {
			return false
		}
		rest := text[m.End:]
		end := strings.IndexAny(rest, "»\"”")
		return end > 0 && end <= 30 && strings.TrimSpace(rest[:end]) != ""
	}
	opens := []string{"", "«", "« ", "\"", "“", "x", "»"}
	for _, o := range opens {
		for gap := 0; gap <= 36; gap++ {
			for _, fill := range []string{"a", " ", "ب", "ـ"} {
				for _, cl := range []string{"»", "\"", "”", "x", ""} {
					after := strings.Repeat(fill, gap)
					for len(after) > gap { // a whole number of characters, about gap bytes
						after = after[:len(after)-len(fill)]
					}
					text := "in " + o + "Aleppo" + after + cl + " more"
					start := len("in " + o)
					m := mention{}
					m.Start, m.End = start, start+len("Aleppo")
					if got, want := quotedTitle(text, m), byRest(text, m); got != want {
						t.Errorf("quotedTitle(%q) = %v, want %v", text, got, want)
					}
				}
			}
		}
	}
}
