package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open byte range [Start, End) of a text.
type span struct{ Start, End int }

// maxSentence is the longest sentence read as one, in bytes: the longest in
// the news read so far is some 830 bytes. Several rules weigh every word of a
// sentence against every other, so a report of 200,000 bytes without a full
// stop ("killed 5 people in X and killed 5 people in Y and ...") once took
// 6-9 s of CPU to read; a longer stretch is read as several sentences, cut at
// the last comma or space before the limit.
const maxSentence = 4 << 10

// splitSentences returns the sentences of text as byte spans, trimmed of
// surrounding space. A sentence ends at ".", "!", "?", "؟", "…" or a line
// break; a full stop between two digits ("3.5") does not end one. A
// sentence over maxSentence bytes is cut (see cutLong).
func splitSentences(text string) []span {
	var out []span
	start := 0
	for i, r := range text {
		if i-start >= maxSentence {
			cut := cutLong(text, start, i)
			out = appendTrimmed(out, text, start, cut)
			start = cut
		}
		if !endsSentence(text, i, r) {
			continue
		}
		out = appendTrimmed(out, text, start, i+utf8.RuneLen(r))
		start = i + utf8.RuneLen(r)
	}
	return appendTrimmed(out, text, start, len(text))
}

// cutLong returns where to cut the over-long sentence text[start:end]
// (end a rune's start): after its last comma or semicolon in the second
// half, else after its last space there, else at end.
func cutLong(text string, start, end int) int {
	half := text[start+(end-start)/2 : end]
	for _, seps := range []string{",،;؛", " \t"} {
		if j := strings.LastIndexAny(half, seps); j >= 0 {
			_, size := utf8.DecodeRuneInString(half[j:])
			return end - len(half) + j + size
		}
	}
	return end
}

// endsSentence reports whether the rune r at byte i of text ends a sentence.
func endsSentence(text string, i int, r rune) bool {
	switch r {
	case '!', '?', '؟', '…':
		return true
	case '\n':
		return !wrappedLine(text, i)
	case '.':
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		return !(isDigitRune(prev) && isDigitRune(next)) && !abbreviation(text[:i])
	}
	return false
}

// wrappedLine reports a line break at byte i inside a sentence, as text
// copied from a web page keeps where a link or a narrow column broke it:
// the line before ends in a word no sentence ends with ("قُتل شاب في⏎بلدة
// نوى", "killed in the⏎city"), or the next line goes on in
// lower case. A break after a full line (a dateline, a headline) still
// ends it.
func wrappedLine(text string, i int) bool {
	if next, _ := utf8.DecodeRuneInString(text[i+1:]); next >= 'a' && next <= 'z' {
		return true
	}
	before := strings.TrimRight(text[:i], " \t\r")
	j := strings.LastIndexFunc(before, func(r rune) bool { return !isWordRune(r) })
	return lineGoesOn[strings.ToLower(before[j+1:])]
}

// lineGoesOn are words after which a sentence always goes on: prepositions,
// conjunctions, articles and the nouns Arabic puts before what they count.
var lineGoesOn = wordSet("في", "من", "على", "الى", "إلى", "عن", "مع", "بين", "عدد", "نحو", "حوالي", "و", "أو", "او", "ان", "أن", "إن", "التي", "الذي", "الذين",
	"the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "and", "or", "a", "an", "that", "which", "who")

// abbreviations keep their full stop inside a sentence: "Jan. 2", "U.S.",
// an initial ("م. ج").
var abbreviations = map[string]bool{"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mr": true, "mrs": true, "dr": true,
	"st": true, "gen": true, "col": true, "lt": true, "maj": true, "brig": true, "no": true, "vs": true, "approx": true}

// abbreviation reports whether the word ending before a full stop is an
// abbreviation or a single letter.
func abbreviation(before string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return !isWordRune(r) })
	word := before[i+1:]
	if i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		word = before[i+size:]
	}
	return utf8.RuneCountInString(word) == 1 || abbreviations[strings.ToLower(word)]
}

func isDigitRune(r rune) bool { return unicode.IsDigit(r) }

// appendTrimmed appends text[start:end] without its surrounding space, if any
// word is left.
func appendTrimmed(out []span, text string, start, end int) []span {
	seg := text[start:end]
	lead := len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
	seg = strings.TrimSpace(seg)
	if strings.IndexFunc(seg, isWordRune) < 0 {
		return out
	}
	return append(out, span{Start: start + lead, End: start + lead + len(seg)})
}
