package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fast paths of the tokenizer, held to the plain readings they replace.

// TestAffixGroups holds stems and the suffixes tried to the plain reading of
// prefixes and suffixes in full, on every word of our own passages and on
// words shorter than any affix.
func TestAffixGroups(t *testing.T) {
	words := []string{"", "و", "a", "ال", "لل", "وال", "ه", "ته", "x"}
	for _, p := range loadPassageFile(t, "testdata/news_own.jsonl") {
		for _, tok := range tokenize(p.Text, 0, len(p.Text)) {
			words = append(words, tok.Norm)
		}
	}
	for _, w := range words {
		var want []string
		for _, p := range prefixes {
			if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 2 {
				want = append(want, rest)
			}
		}
		if got := stems(w); !slices.Equal(got, want) {
			t.Fatalf("stems(%q) = %q, want %q", w, got, want)
		}
		var wantSuf, gotSuf []string
		for _, s := range suffixes {
			if strings.HasSuffix(w, s) {
				wantSuf = append(wantSuf, s)
			}
		}
		for _, s := range suffixesFor(w) {
			if strings.HasSuffix(w, s) {
				gotSuf = append(gotSuf, s)
			}
		}
		if !slices.Equal(gotSuf, wantSuf) {
			t.Fatalf("suffixes of %q: %q, want %q", w, gotSuf, wantSuf)
		}
	}
}

// TestNormalize_Unfolded holds normalize, which returns a word nothing folds
// as it is, to folding every rune into a new string, on every word of our own
// passages and on texts with invalid bytes and runes that are dropped.
func TestNormalize_Unfolded(t *testing.T) {
	texts := []string{"", "a", "A", "قتل", "قُتل", "مدينة", "\xff", "ab\xffc", "\uFFFD", "قتل\xd9", "ـ", "٢٠٢٥", "Ma'arrat"}
	for _, p := range loadPassageFile(t, "testdata/news_own.jsonl") {
		texts = append(texts, strings.Fields(p.Text)...)
	}
	for _, s := range texts {
		var b strings.Builder
		for _, r := range s {
			if r2, keep := foldRune(r); keep {
				b.WriteRune(r2)
			}
		}
		if got := normalize(s); got != b.String() {
			t.Fatalf("normalize(%q) = %q, want %q", s, got, b.String())
		}
	}
}
