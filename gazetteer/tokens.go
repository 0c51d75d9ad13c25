package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a searched text.
type token struct {
	start, end int    // byte offsets in the text
	norm       string // Normalize(word)
	arabic     bool
	upper      bool // a Latin word starting with a capital
	brk        bool // punctuation other than a hyphen separates it from the previous word
	comma      bool // that punctuation was a comma
}

// tokenize splits text into words. Apostrophes and ayn marks inside a word stay in
// it ("Ma'arrat"); hyphens separate words without breaking a phrase ("Deir ez-Zor").
func tokenize(text string) []token {
	var toks []token
	start := -1
	brk, comma := false, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		word := text[start:end]
		n := Normalize(word)
		if n != "" && !strings.Contains(n, " ") {
			r, _ := utf8.DecodeRuneInString(word)
			toks = append(toks, token{start: start, end: end, norm: n, arabic: isArabic(n),
				upper: unicode.IsUpper(r), brk: brk, comma: comma})
			brk, comma = false, false
		} else if n != "" { // a word Normalize splits: index its parts at the word's span
			for _, part := range strings.Fields(n) {
				toks = append(toks, token{start: start, end: end, norm: part, arabic: isArabic(part), brk: brk, comma: comma})
				brk, comma = false, false
			}
		}
		start = -1
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 0x0640:
			if start < 0 {
				start = i
			}
		case start >= 0 && isApostrophe(r):
			// stays inside the word
		default:
			flush(i)
			switch {
			case r == '-' || r == '‐' || r == '‑' || unicode.IsSpace(r) || r == 0x200E || r == 0x200F || r == 0x200C:
			case r == ',' || r == '،':
				brk, comma = true, true
			default:
				brk = true
			}
		}
	}
	flush(len(text))
	return toks
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '‘', '’', 'ʿ', 'ʾ', 'ʼ':
		return true
	}
	return false
}

// form is a token with Arabic clitics removed: proclitic is what was stripped.
type form struct {
	text      string
	proclitic string
}

// forms returns the readings of an Arabic token: as written, then without the
// conjunctions و ف, then without the prepositions ب ل ك (لل standing for ل + ال).
func forms(t token) []form {
	out := []form{{text: t.norm}}
	if !t.arabic {
		return out
	}
	add := func(s, p string) {
		if utf8.RuneCountInString(s) >= 2 {
			out = append(out, form{s, p})
		}
	}
	base := []form{{t.norm, ""}}
	for _, c := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(t.norm, c); ok && utf8.RuneCountInString(rest) >= 3 {
			add(rest, c)
			base = append(base, form{rest, c})
		}
	}
	for _, b := range base {
		if rest, ok := strings.CutPrefix(b.text, "لل"); ok {
			add("ال"+rest, b.proclitic+"ل")
			continue
		}
		for _, c := range []string{"ب", "ل", "ك"} {
			if rest, ok := strings.CutPrefix(b.text, c); ok && utf8.RuneCountInString(rest) >= 3 {
				add(rest, b.proclitic+c)
			}
		}
	}
	return out
}
