package gazetteer

import (
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// hostileQueries are inputs no place name looks like, 16 KB each: one long word,
// Latin or Arabic (whose deletion variants once cost the square of its length),
// many short words, Arabic words with clitics and qualifiers.
var hostileQueries = map[string]string{
	"one latin word":    strings.Repeat("a", 16<<10),
	"one arabic word":   strings.Repeat("ب", 8<<10),
	"many latin words":  strings.Repeat("Kafr ", 16<<10/5),
	"arabic qualifiers": strings.Repeat("بريف شمال مدينة ", 16<<10/30),
	"mixed":             strings.Repeat("Deir ez-Zor, ريف إدلب الشمالي؛ ", 16<<10/50),
}

// TestGeocode_BoundedWork checks that no query, however long, costs Geocode or
// Suggest more than a bounded amount of memory: a 16 KB one-word query once
// allocated hundreds of MB building every deletion of the whole word.
func TestGeocode_BoundedWork(t *testing.T) {
	g := mustDefault(t)
	const limit = 2 << 20
	for name, q := range hostileQueries {
		t.Run(name, func(t *testing.T) {
			b := allocated(func() { g.Geocode(q) })
			t.Logf("Geocode of %d bytes: %d KB allocated", len(q), b>>10)
			if b > limit {
				t.Errorf("Geocode of %d bytes allocated %.1f MB; want <= %.0f MB", len(q), float64(b)/(1<<20), float64(limit)/(1<<20))
			}
			if b := allocated(func() { g.Suggest(q, 10) }); b > limit {
				t.Errorf("Suggest of %d bytes allocated %.1f MB; want <= %.0f MB", len(q), float64(b)/(1<<20), float64(limit)/(1<<20))
			}
		})
	}
}

// TestFindAll_BoundedWork checks that FindAll's memory grows linearly with the
// text, whatever its words: a bounded amount per byte. Most of it is the answer
// itself when every other word names a place: each mention carries its place,
// up to five alternatives and its context, some 2 KB.
func TestFindAll_BoundedWork(t *testing.T) {
	g := mustDefault(t)
	const perByte = 160
	for name, q := range hostileQueries {
		t.Run(name, func(t *testing.T) {
			if b := allocated(func() { g.FindAll(q) }); b > perByte*uint64(len(q)) {
				t.Errorf("FindAll of %d bytes allocated %.1f MB (%d B a byte); want <= %d a byte", len(q), float64(b)/(1<<20), b/uint64(len(q)), perByte)
			}
		})
	}
}

// TestGeocode_WorstRequest reports (under -v) what the longest query the HTTP
// endpoints accept, 200 characters, costs Geocode at most, over query shapes
// chosen to make it work: the figure docs/RELIABILITY.md quotes.
func TestGeocode_WorstRequest(t *testing.T) {
	g := mustDefault(t)
	shapes := map[string]string{
		"one latin word":          strings.Repeat("a", 200),
		"one arabic word":         strings.Repeat("ب", 200),
		"misspelt name, repeated": strings.Repeat("Saraqibb ", 23),
		"arabic qualifiers":       strings.Repeat("بريف شمال ", 20),
		"names and contexts":      strings.Repeat("Dana, Idlib; ", 16),
		"clitics":                 strings.Repeat("وبالحسكة ", 22),
		"namesakes":               strings.Repeat("المنصورة ", 22),
	}
	var worst uint64
	for name, q := range shapes {
		q = string([]rune(q)[:min(200, len([]rune(q)))])
		b := allocated(func() { g.Geocode(q); g.Suggest(q, 100) })
		worst = max(worst, b)
		t.Logf("%-24s %3d characters: Geocode + Suggest allocated %4d KB", name, len([]rune(q)), b>>10)
	}
	t.Logf("worst: %d KB", worst>>10)
	if worst > 2<<20 {
		t.Errorf("a 200-character query allocated %d KB; want <= 2 MB", worst>>10)
	}
}
