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

// TestBodyEnd_Lowered holds bodyEnd, which lowers only the lines short enough
// to be a heading, to lowering every line.
func TestBodyEnd_Lowered(t *testing.T) {
	plain := func(text string) int {
		off := 0
		for _, line := range strings.SplitAfter(text, "\n") {
			if slices.Contains(furniture, strings.ToLower(strings.TrimRight(strings.TrimSpace(line), ":："))) {
				return off
			}
			off += len(line)
		}
		return len(text)
	}
	long := strings.Repeat("قصف مدفعي على البلدة. ", 40)
	texts := []string{"", "SOURCES", long + "\nRelated Articles:\nx", long + "\n  اقرأ أيضاً：\n" + long,
		"Read more\n", "\u212Aeep reading\n" + long, strings.Repeat("\u212A", 60) + "\nsee also"}
	for _, p := range loadPassageFile(t, "testdata/news_own.jsonl") {
		texts = append(texts, p.Text, p.Text+"\nSources:\n"+long)
	}
	for _, text := range texts {
		if got, want := bodyEnd(text), plain(text); got != want {
			t.Fatalf("bodyEnd = %d, want %d for a text of %d bytes", got, want, len(text))
		}
	}
}

// TestRuneTable holds foldRune and isWordRune, read from a table below
// runeTableSize, to their plain readings, at every rune of the table and past it.
func TestRuneTable(t *testing.T) {
	for r := rune(-1); r < runeTableSize+0x100; r++ {
		f, keep := foldRune(r)
		if wf, wkeep := foldRuneSlow(r); f != wf || keep != wkeep {
			t.Fatalf("foldRune(%U) = %U, %v; want %U, %v", r, f, keep, wf, wkeep)
		}
		if got, want := isWordRune(r), isWordRuneSlow(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}
