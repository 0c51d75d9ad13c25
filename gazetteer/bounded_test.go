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

// hostileTexts are 1 MiB request bodies (the ingest limit) built to make FindAll
// work: a place in nearly every word, with prepositions, contexts, namesakes and
// qualifiers, in Arabic and English; words that are no place; one endless word.
var hostileTexts = map[string]string{
	"a city a word":         "حلب ",
	"preposition and city":  "في حلب ",
	"village after في":      "في الغوطة ",
	"namesake with context": "قرية المنصورة بريف حلب، ",
	"rural with direction":  "ريف إدلب الجنوبي ",
	"latin cities":          "Aleppo ",
	"latin with context":    "Dana, Idlib; ",
	"no place":              "قالت وزارة الداخلية إن ",
	"one word":              "ب",
}

// TestFindAll_BoundedWork checks that no text, however long and however full of
// places, costs FindAll more than a bounded amount of memory: it returns at most
// MaxMentions mentions and reads the text a stretch at a time. A 1 MiB body in
// which nearly every word names a place once allocated 200 to 530 MB.
func TestFindAll_BoundedWork(t *testing.T) {
	g := mustDefault(t)
	const limit = 24 << 20
	for name, unit := range hostileTexts {
		t.Run(name, func(t *testing.T) {
			text := strings.Repeat(unit, (1<<20)/len(unit))
			var n int
			b := allocated(func() { n = len(g.FindAll(text)) })
			t.Logf("FindAll of %d bytes: %d mentions, %.1f MB allocated", len(text), n, float64(b)/(1<<20))
			if b > limit || n > MaxMentions {
				t.Errorf("FindAll of %d bytes allocated %.1f MB for %d mentions; want <= %d MB and <= %d mentions",
					len(text), float64(b)/(1<<20), n, limit>>20, MaxMentions)
			}
		})
	}
}

// TestFindAll_Stretches checks that reading a long text a stretch at a time finds
// what reading each of its sentences alone finds, at the same offsets.
func TestFindAll_Stretches(t *testing.T) {
	g := mustDefault(t)
	sentences := []string{
		"أعلنت الوزارة القبض على خلية في قرية البدروسية بريف اللاذقية الشمالي، وأخرى في عفرين بريف حلب الشمالي الغربي. ",
		"ونُفذت عملية في الدانا شمال إدلب وأخرى غربي مدينة إدلب؛ ",
		"Security forces raided a cell in Dana, Idlib, and another west of Idlib city! ",
		"وتبنى التنظيم هجوماً في مدينة سراقب بريف إدلب وآخر في ريف دير الزور الشمالي؟ ",
	}
	var b strings.Builder
	var want []Mention
	for i := 0; b.Len() < 3*stretchBytes; i++ {
		s := sentences[i%len(sentences)]
		for _, m := range g.FindAll(s) {
			m.Start, m.End = m.Start+b.Len(), m.End+b.Len()
			want = append(want, m)
		}
		b.WriteString(s)
	}
	got := g.FindAll(b.String())
	if len(got) != len(want) {
		t.Fatalf("FindAll over %d bytes found %d mentions; its sentences alone %d", b.Len(), len(got), len(want))
	}
	for i := range want {
		if got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Match.Place.ID != want[i].Match.Place.ID {
			t.Fatalf("mention %d = %q [%d,%d) %s; want %q [%d,%d) %s", i, got[i].Text, got[i].Start, got[i].End,
				got[i].Match.Place.ID, want[i].Text, want[i].Start, want[i].End, want[i].Match.Place.ID)
		}
	}
}

// TestFindAll_FirstMentions checks that a text naming more places than
// MaxMentions gives the first MaxMentions of them, in order.
func TestFindAll_FirstMentions(t *testing.T) {
	g := mustDefault(t)
	text := strings.Repeat("اشتباكات في حلب. ", MaxMentions+50)
	got := g.FindAll(text)
	if len(got) != MaxMentions {
		t.Fatalf("FindAll found %d mentions; want %d", len(got), MaxMentions)
	}
	if last := got[len(got)-1]; last.Start != (MaxMentions-1)*len("اشتباكات في حلب. ")+len("اشتباكات في ") {
		t.Errorf("last mention %q at %d; want the %dth sentence's", last.Text, last.Start, MaxMentions)
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
