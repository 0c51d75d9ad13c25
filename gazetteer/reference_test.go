package gazetteer

import (
	"sort"
	"strings"
	"testing"
)

// TestNormalize_Unfolded holds Normalize, which returns a word nothing folds
// as it is, to folding it rune by rune.
func TestNormalize_Unfolded(t *testing.T) {
	words := []string{"", " ", "a", "A", "سراقب", "سَراقب", "\x00", "ab\xffc", "\uFFFD", "x ", " x", "a  b",
		"Ma'arrat", "دير-الزور", "Idlib’s", "قرية البدروسية بريف اللاذقية الشمالي، وأخرى في عفرين", "Jisr al-Shughur"}
	g := ochaGazetteer(t)
	for _, p := range g.Places() {
		words = append(words, p.names()...)
		for _, n := range p.names() {
			words = append(words, strings.Fields(n)...)
		}
	}
	for _, w := range words {
		if got, want := Normalize(w), fold(w); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestKeyStarts holds keyStarts, a binary search of the keys of a head, to a
// search of them all, for each start of every seventh key and each such
// start with a byte changed or added.
func TestKeyStarts(t *testing.T) {
	g := ochaGazetteer(t)
	plain := func(p string) bool {
		i := sort.SearchStrings(g.sorted, p)
		return i < len(g.sorted) && strings.HasPrefix(g.sorted[i], p)
	}
	probes := []string{"", "a", "zzzzzz", "\xff\xff\xff\xff\xff", "قصف", "قصفت"}
	for i, k := range g.sorted {
		if i%7 != 0 {
			continue // a seventh of the keys keeps the test quick
		}
		for n := 1; n <= len(k); n++ {
			probes = append(probes, k[:n], k[:n]+"ت", k[:n-1]+"z")
		}
	}
	for _, p := range probes {
		if got, want := g.keyStarts([]byte(p)), plain(p); got != want {
			t.Fatalf("keyStarts(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestWordTable holds inWord, read from a table below 0x700, to its plain
// reading at every rune of the table and past it.
func TestWordTable(t *testing.T) {
	for r := rune(-1); r < 0x800; r++ {
		if got, want := inWord(r), inWordSlow(r); got != want {
			t.Fatalf("inWord(%U) = %v, want %v", r, got, want)
		}
	}
}
