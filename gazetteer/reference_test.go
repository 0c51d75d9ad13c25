package gazetteer

import (
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
