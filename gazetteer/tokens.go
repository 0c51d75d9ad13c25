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
	fs         []form // the readings of an Arabic word
	long       bool   // a word too long to be in any name
	arabic     bool
	upper      bool // a Latin word starting with a capital
	brk        bool // punctuation other than a hyphen separates it from the previous word
	comma      bool // that punctuation was a comma
	quoted     bool // that punctuation was only quotation marks: «قرية "X" غربي إدلب»
	stop       bool // that punctuation ended a sentence: ". ! ? ; ؟ ؛"
	poss       bool // a Latin word that carried a possessive "'s", cut off: "province's"
}

// maxWordBytes bounds the work one word costs: a longer word, which no place name
// holds, is kept as a token that matches nothing, and only its first maxWordBytes
// bytes are normalised.
const maxWordBytes = 256

// tokenize splits text into words, at most limit of them if limit > 0, appending
// them to dst[:0]. Apostrophes and ayn marks inside a word stay in it
// ("Ma'arrat"); hyphens, underscores and slashes separate words without breaking
// a phrase ("Deir ez-Zor"; OCHA's "الربوة / حربوق", one community of two villages).
func tokenize(dst []token, text string, limit int) []token {
	size := min(len(text)/6+1, 4096) // a word and its space are some 6 bytes
	if limit > 0 {
		size = min(size, limit)
	}
	toks := dst[:0]
	if cap(toks) < size {
		toks = make([]token, 0, size)
	}
	start := -1
	brk, comma, quoted, stop := false, false, false, false
	add := func(t token) {
		t.arabic, t.brk, t.comma, t.quoted, t.stop = isArabic(t.norm), brk, comma, quoted, stop
		if t.arabic {
			t.fs = readings(t.norm)
		}
		toks = append(toks, t)
		brk, comma, quoted, stop = false, false, false, false
	}
	flush := func(end int) {
		if start < 0 || limit > 0 && len(toks) >= limit {
			start = -1
			return
		}
		word := text[start:end]
		poss := false
		if n := possessiveS(word); n > 0 {
			word, end, poss = word[:len(word)-n], end-n, true // "Daraa's western countryside": Daraa
		}
		long := len(word) > maxWordBytes
		if long {
			cut := maxWordBytes
			for cut > 0 && !utf8.RuneStart(word[cut]) {
				cut--
			}
			word = word[:cut]
		}
		n := Normalize(word)
		if n != "" && !strings.Contains(n, " ") {
			r, _ := utf8.DecodeRuneInString(word)
			add(token{start: start, end: end, norm: n, upper: unicode.IsUpper(r), poss: poss})
		} else if n != "" { // a word Normalize splits: index its parts at the word's span
			for _, part := range strings.Fields(n) {
				add(token{start: start, end: end, norm: part})
			}
		}
		if long && len(toks) > 0 {
			toks[len(toks)-1].long = true
		}
		start = -1
	}
	for i, r := range text {
		if limit > 0 && len(toks) >= limit {
			break
		}
		switch {
		case inWord(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r):
			// inside a word it stays there ("Ma'arrat"); before one it is an ayn
			// mark ("al 'Ayn") and starts it, breaking nothing
			if start < 0 {
				start = i
			}
		default:
			flush(i)
			switch {
			case r == '-' || r == '‐' || r == '‑' || r == '_' || r == '/' || unicode.IsSpace(r) ||
				r == 0x200E || r == 0x200F || r == 0x200C:
			case r == ',' || r == '،':
				brk, comma, quoted = true, true, false
			case isQuote(r):
				brk, quoted = true, quoted || !brk
			default:
				brk, quoted = true, false
				stop = stop || strings.ContainsRune(".!?;؟؛", r)
			}
		}
	}
	flush(len(text))
	return toks
}

// inWord reports a rune that belongs inside a word: a letter, a digit, a
// combining mark or the tatweel.
func inWord(r rune) bool {
	if r >= 0 && r < rune(len(wordTable)) {
		return wordTable[r]
	}
	return inWordSlow(r)
}

func inWordSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 0x0640
}

// wordTable holds inWord's answers for the runes below 0x700 (Latin and
// Arabic), as foldTable does foldRune's: the tokenizer asks at every rune.
var wordTable = func() (t [0x700]bool) {
	for r := range t {
		t[r] = inWordSlow(rune(r))
	}
	return t
}()

// possessiveS returns the bytes of an English possessive "'s" ending a Latin
// word of three letters or more before it ("Daraa's", "Idlib’s"), or 0. "Ra's",
// a name's own word, is too short to be one.
func possessiveS(word string) int {
	if len(word) < 5 || word[len(word)-1] != 's' && word[len(word)-1] != 'S' {
		return 0
	}
	r, size := utf8.DecodeLastRuneInString(word[:len(word)-1])
	if !isApostrophe(r) || r == 'ʿ' || r == 'ʾ' {
		return 0
	}
	stem := word[:len(word)-1-size]
	if utf8.RuneCountInString(stem) < 3 || isArabic(stem) {
		return 0
	}
	return 1 + size
}

// isQuote reports a quotation mark, which news puts around a name it gives:
// «في قرية "X" غربي إدلب» locates X as if it stood bare.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„':
		return true
	}
	return false
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

// forms returns the readings of a token: an Arabic word's (see readings), a Latin
// word as written, none for an overlong word.
func forms(t token) []form {
	switch {
	case t.long:
		return nil
	case t.arabic:
		return t.fs
	}
	return []form{{text: t.norm}}
}

// readings returns the readings of an Arabic word: as written, without the
// conjunctions و ف, then without the prepositions ب ل ك (لل standing for ل + ال).
func readings(norm string) []form {
	out := []form{{text: norm}}
	add := func(s, p string) {
		if utf8.RuneCountInString(s) >= 2 {
			out = append(out, form{s, p})
		}
	}
	base := []form{{norm, ""}}
	for _, c := range []string{"و", "ف"} {
		// "ف" only before the article ("فالرقة"): glued to a bare word it is far
		// more often the word's own first letter ("فرقه", his teams, is no "رقه")
		if rest, ok := strings.CutPrefix(norm, c); ok && utf8.RuneCountInString(rest) >= 3 && (c == "و" || strings.HasPrefix(rest, "ال")) {
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
			// a two-letter rest only for a type word: "بحي X" is "حي X" as "ببلدة X" is "بلدة X"
			if rest, ok := strings.CutPrefix(b.text, c); ok && (utf8.RuneCountInString(rest) >= 3 || typeWords[rest] != nil) {
				add(rest, b.proclitic+c)
			}
		}
	}
	return out
}
