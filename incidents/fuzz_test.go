package incidents

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCanonicalURL: a link is stored as CanonicalURL gives it, and a report
// is known again by comparing stored links with the canonical form of a new
// one: a link accepted once canonical must stay as it is when made canonical
// again, and is never longer than what was given.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://Example.ORG:443/a/b?utm_source=x&id=3#top",
		"http://user:pw@a.example:80/?fbclid=1",
		"HTTPS://a.example/%D8%B3?x=1&&y=2",
		" https://a.example ",
		"https://a.example:443:443/",
		"javascript:alert(1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		c := CanonicalURL(u)
		if len(c) > len(u) {
			t.Fatalf("CanonicalURL(%q) = %q, longer than given", u, c)
		}
		if CheckSourceURL("url", c) != nil {
			return
		}
		if again := CanonicalURL(c); again != c {
			t.Fatalf("CanonicalURL(%q) = %q, and again %q", u, c, again)
		}
	})
}

// FuzzSearchTerms: whatever q, the terms are at most MaxSearchTerms distinct
// folded lower-case words each an index can find, or an ErrBadSearch.
func FuzzSearchTerms(f *testing.F) {
	for _, s := range []string{"سراقب", "NEAR(abc def)", "___", "Deir ez-Zor", "\"abc", "ab cd", "a\x00bcd", "\xff\xfeabc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		terms, err := SearchTerms(q)
		if err != nil {
			if !errors.Is(err, ErrBadSearch) {
				t.Fatalf("SearchTerms(%q): %v does not wrap ErrBadSearch", q, err)
			}
			return
		}
		if len(terms) == 0 || len(terms) > MaxSearchTerms {
			t.Fatalf("SearchTerms(%q) = %d terms", q, len(terms))
		}
		seen := map[string]bool{}
		for _, w := range terms {
			if seen[w] || !indexable(w) || !utf8.ValidString(w) || strings.ContainsAny(w, " \"\x00") || strings.ToLower(FoldArabic(w)) != w {
				t.Fatalf("SearchTerms(%q) = %q: term %q repeated, not indexable or not folded", q, terms, w)
			}
			seen[w] = true
		}
	})
}
