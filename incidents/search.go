package incidents

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrBadSearch is wrapped by every error [SearchTerms] returns.
var ErrBadSearch = errors.New("incidents: invalid search")

// Limits of a text search: a word without MinSearchRunes letters or digits
// in a row cannot use the stores' substring indexes (PostgreSQL's trigrams
// are made of letters and digits only), so it is left out; a longer query or
// more words than these is refused rather than made to cost more.
const (
	MinSearchRunes = 3
	MaxSearchRunes = 200
	MaxSearchTerms = 8
)

// SearchTerms splits a text query into the words a [Filter.Text] search
// requires, each folded by [FoldText]: every one must occur, as a substring,
// in an incident's place names or summaries, and one that another contains
// is left out, as it finds nothing more. Words without
// MinSearchRunes letters or digits in a row ("ab", "...", "%_%") are dropped:
// no index could find them, and a search for one once read every row of a
// PostgreSQL table. An error says when none is left or the query is too long.
func SearchTerms(q string) ([]string, error) {
	if utf8.RuneCountInString(q) > MaxSearchRunes {
		return nil, fmt.Errorf("%w: %d characters, at most %d", ErrBadSearch, utf8.RuneCountInString(q), MaxSearchRunes)
	}
	if !utf8.ValidString(q) {
		return nil, fmt.Errorf("%w: not valid UTF-8", ErrBadSearch)
	}
	var terms []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' || unicode.IsControl(r) }) {
		w = FoldText(w)
		if indexable(w) && !slices.Contains(terms, w) {
			terms = append(terms, w)
		}
	}
	switch {
	case len(terms) == 0:
		return nil, fmt.Errorf("%w: %q has no word of %d letters or more (letters or digits in a row)", ErrBadSearch, q, MinSearchRunes)
	case len(terms) > MaxSearchTerms:
		return nil, fmt.Errorf("%w: %d words, at most %d", ErrBadSearch, len(terms), MaxSearchTerms)
	}
	return withoutContained(terms), nil
}

// withoutContained is terms without the words another of them contains:
// every word must occur as a substring, so such a word finds nothing the
// longer one does not, yet cost a read of the text index of its own (eight
// pieces of one common word, "synthetic ynthetic nthetic …", cost eight).
// The others keep their order.
func withoutContained(terms []string) []string {
	return slices.DeleteFunc(slices.Clone(terms), func(w string) bool {
		return slices.ContainsFunc(terms, func(o string) bool { return o != w && strings.Contains(o, w) })
	})
}

// FoldText is s as text search compares it, in a query's words and in the
// stores' text indexes alike: without format characters (see
// [WithoutFormatControls]), Arabic spellings folded ([FoldArabic]), in lower
// case. The stores' SQL function mapsrv_fold gives the same (SQLite's calls
// this one; PostgreSQL's is tested against it).
func FoldText(s string) string { return strings.ToLower(FoldArabic(WithoutFormatControls(s))) }

// WithoutFormatControls is w without the invisible format characters
// (Unicode's Cf: the marks U+200E, U+200F and U+061C, the bidi embeddings and
// isolates, ZWNJ and ZWJ, the soft hyphen, a BOM) that text copied from a
// news site or a message carries around and inside Arabic words. A word
// pasted with one matched nothing: "\u200fسراقب" found none of the 128
// incidents "سراقب" finds (round 22). Stored text keeps them, but the
// stores' indexes hold it without them (round 25): a word stored with one
// inside was found by no query, since the query drops it. The gazetteer's
// endpoints read a place name without them too (round 26).
func WithoutFormatControls(w string) string {
	if !strings.ContainsFunc(w, isFormatControl) {
		return w
	}
	return strings.Map(func(r rune) rune {
		if isFormatControl(r) {
			return -1
		}
		return r
	}, w)
}

func isFormatControl(r rune) bool { return unicode.Is(unicode.Cf, r) }

// indexable reports whether w has MinSearchRunes letters or digits in a row:
// a trigram an index holds.
func indexable(w string) bool {
	run := 0
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			run = 0
			continue
		}
		if run++; run >= MinSearchRunes {
			return true
		}
	}
	return false
}

// arabicFolds are the spellings Arabic writers use interchangeably, each
// mapped to one: hamza seats on alef, alef maqsura and yaa, taa marbuta and
// haa (حماة and حماه both name Hama), waw with hamza; "" drops the short
// vowels, shadda, sukun, dagger alef and tatweel, which news text mostly
// omits. The stores' SQL folds (incidents/sqlite and incidents/postgis
// schemas) do the same and are tested against [FoldArabic].
var arabicFolds = map[rune]string{
	'أ': "ا", 'إ': "ا", 'آ': "ا", 'ٱ': "ا",
	'ى': "ي", 'ئ': "ي",
	'ة':      "ه",
	'ؤ':      "و",
	'\u064B': "", '\u064C': "", '\u064D': "", '\u064E': "", '\u064F': "", '\u0650': "", '\u0651': "", '\u0652': "",
	'\u0670': "", '\u0640': "",
}

// FoldArabic maps the Arabic letters writers use interchangeably to one
// spelling and removes diacritics (see arabicFolds); other text is unchanged.
func FoldArabic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { _, ok := arabicFolds[r]; return ok }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if to, ok := arabicFolds[r]; ok {
			b.WriteString(to)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
