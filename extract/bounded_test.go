package extract

import (
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/internal/cputime"
)

// TestSplitSentences_LongCut checks that no sentence read is over
// maxSentence bytes, and that a long one is cut after a comma where it
// has one, else after a space, else on a character's boundary.
func TestSplitSentences_LongCut(t *testing.T) {
	tests := map[string]struct {
		text string
		last string // what every piece but the last ends with; "" for a whole word
	}{
		"commas":         {strings.Repeat("two were killed in a village, ", 1000), ","},
		"arabic commas":  {strings.Repeat("قتل مدنيان في قرية، ", 1000), "،"},
		"spaces":         {strings.Repeat("killed in a village and ", 1000), ""},
		"one long word":  {strings.Repeat("ب", 20000), "ب"},
		"ascii one word": {strings.Repeat("x", 20000), "x"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			spans := splitSentences(tc.text)
			if len(spans) < 2 {
				t.Fatalf("%d bytes without a full stop read as %d sentence(s)", len(tc.text), len(spans))
			}
			for i, sp := range spans {
				s := tc.text[sp.Start:sp.End]
				if len(s) > maxSentence {
					t.Errorf("sentence %d is %d bytes, over %d", i, len(s), maxSentence)
				}
				if !utf8.ValidString(s) {
					t.Errorf("sentence %d is cut inside a character", i)
				}
				if i == len(spans)-1 {
					continue
				}
				if tc.last == "" && tc.text[sp.End] != ' ' {
					t.Errorf("sentence %d ends %q, want it cut between words", i, s[max(0, len(s)-20):])
				}
				if tc.last != "" && !strings.HasSuffix(s, tc.last) {
					t.Errorf("sentence %d ends %q, want it cut after %q", i, s[max(0, len(s)-20):], tc.last)
				}
			}
		})
	}
}

// TestExtract_LongSentenceBoundedWork checks what a report of 200,000 bytes
// (ingestion's limit) with no full stop costs to read. Rules that weigh every
// word of a sentence against every other once made such a report cost 6-9 s
// of CPU and 650 MB allocated; reading it as sentences of at most
// maxSentence bytes keeps it to a few tens of MB.
func TestExtract_LongSentenceBoundedWork(t *testing.T) {
	if testing.Short() {
		t.Skip("reads four reports of 200 KB")
	}
	x := New(mustGazetteer(t))
	const limit = 200 << 20
	for _, unit := range []string{
		"killed 5 people in Aleppo and ",
		"قتل 5 أشخاص في حلب و",
		"Two gunmen were killed and three civilians wounded in Idlib on Monday, ",
		"on 5 May 2024 ",
	} {
		text := strings.Repeat(unit, 200000/len(unit))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		x.ExtractLang(text, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), "")
		runtime.ReadMemStats(&after)
		if got := after.TotalAlloc - before.TotalAlloc; got > limit {
			t.Errorf("%q repeated to %d bytes: %d MB allocated, want at most %d", unit, len(text), got>>20, limit>>20)
		}
	}
}

// TestExtract_RepeatedStoryLinearWork checks that reading a story told again
// and again costs in proportion to its length. Each sentence joining a draft
// was weighed against every sentence the draft held (was the toll told as
// risen in any of them, at which part of the day), so a draft told over n
// sentences cost n²: 16 MiB of one sentence repeated ran past 10 minutes in
// `mapsrv extract` (0.8 MB 11 s, 1.6 MB 46 s). The draft now keeps what its
// sentences tell. Eight times the text must cost well under 64 times the CPU
// (about 8 now; 50-60 before).
func TestExtract_RepeatedStoryLinearWork(t *testing.T) {
	if testing.Short() {
		t.Skip("reads three stories of 100 KB and 800 KB")
	}
	x := New(mustGazetteer(t))
	pub := time.Date(2025, 1, 7, 0, 0, 0, 0, time.UTC)
	for _, unit := range []string{
		"Two civilians were killed and three wounded by shelling on the town of Saraqib in Idlib countryside on Monday. ",
		"قتل مدنيان وأصيب ثلاثة آخرون جراء قصف مدفعي على بلدة سراقب في ريف إدلب يوم الاثنين. ",
		"Gunmen killed four people in Aleppo on the morning of 3 January. The death toll rose to six in the evening. ",
	} {
		cost := func(size int) time.Duration {
			text := strings.Repeat(unit, size/len(unit))
			start := cputime.Process()
			x.ExtractLang(text, pub, "")
			return cputime.Process() - start
		}
		cost(50_000) // warm up
		small, large := cost(100_000), cost(800_000)
		if small < time.Millisecond {
			small = time.Millisecond
		}
		t.Logf("%.30q…: 100 KB %v, 800 KB %v (x%.1f)", unit, small, large, float64(large)/float64(small))
		if large > 24*small && large > 2*time.Second {
			t.Errorf("%.30q… repeated: 100 KB cost %v of CPU, 800 KB %v: the square of the length, not in proportion", unit, small, large)
		}
	}
}
