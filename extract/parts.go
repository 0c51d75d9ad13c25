package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// PartBytes is the most text [Extractor.ExtractParts] reads as one report,
// and the longest report ingestion accepts. Reading a text costs
// some 30-80 bytes of memory a byte, and the gazetteer finds at most
// gazetteer.MaxMentions places in one call: a longer text read whole cost
// gigabytes (16 MiB of prose, 1.6 GB) and had no places found past its first
// 2,000 mentions.
const PartBytes = 200_000

// ExtractParts reads text as a run of reports of at most PartBytes each, cut
// at a paragraph's end where it can be (see [SplitParts]), and calls emit with
// each candidate of each in turn; it stops at the first error emit returns.
// A part naming more places than the gazetteer finds in one call is cut
// again, at the end of the sentence before the last it found. A text of up to
// PartBytes naming fewer is read whole, as [Extractor.ExtractLang] reads it.
// Its memory is that of one part whatever the length of text. With lang "",
// each part's language is detected from its own script.
func (x *Extractor) ExtractParts(text string, published time.Time, lang string, emit func(Candidate) error) error {
	published = utcDay(published)
	today := x.today()
	for _, part := range SplitParts(text, PartBytes) {
		part = withoutFormatControls(part) // one part at a time: its memory stays a part's
		for part != "" {
			head, ms := x.placesFit(part)
			l := lang
			if l == "" {
				l = DetectLanguage(head)
			}
			for _, c := range newPassageOf(head, ms, l, published, today, x.places).candidates() {
				if err := emit(c); err != nil {
					return err
				}
			}
			part = part[len(head):]
		}
	}
	return nil
}

// placesFit returns the head of part to read at once, so that the gazetteer
// finds all its places, and its places: all of part when they are fewer than
// gazetteer.MaxMentions, else up to the end of the sentence (or failing one,
// the word) before the last place found.
func (x *Extractor) placesFit(part string) (string, []gazetteer.Mention) {
	ms := findPlaces(part, x.places)
	if len(ms) < gazetteer.MaxMentions {
		return part, ms
	}
	head := part[:ms[len(ms)-1].Start]
	if i := max(lastLineBreak(head), lastSentenceEnd(head)); i > 0 {
		head = head[:i]
	}
	if head == "" {
		return part, ms
	}
	return head, findPlaces(head, x.places)
}

// SplitParts cuts text into parts of at most size bytes (size at least 8),
// each cut after the last blank line in the second half of the part, else
// after a line break there, else after a sentence's end, else at a space,
// else (text without any) on a character's boundary. A text of at most size
// bytes is one part.
func SplitParts(text string, size int) []string {
	var out []string
	for len(text) > size {
		cut := partCut(text[:size+1])
		out = append(out, text[:cut])
		text = text[cut:]
	}
	if text != "" || out == nil {
		out = append(out, text)
	}
	return out
}

// partCut returns where to end the part beginning window (one byte longer
// than a part, so that a character's boundary at the limit is seen): after the
// strongest break in its second half (see SplitParts), else after the last
// break anywhere, else on the last character boundary within the part.
func partCut(window string) int {
	size := len(window) - 1
	best := 0
	for _, at := range []func(string) int{lastBlankLine, lastLineBreak, lastSentenceEnd, lastSpace} {
		i := at(window[:size])
		if i > size/2 {
			return i
		}
		best = max(best, i)
	}
	if best > 0 {
		return best
	}
	cut := size
	for cut > 0 && !utf8.RuneStart(window[cut]) {
		cut--
	}
	if cut == 0 {
		return size // not UTF-8: any cut is as good
	}
	return cut
}

// lastBlankLine returns the end of the last blank line of s (a line break
// followed by only spaces up to another), or 0.
func lastBlankLine(s string) int {
	for end := len(s); end > 0; {
		j := strings.LastIndexByte(s[:end], '\n')
		if j < 0 {
			return 0
		}
		i := strings.LastIndexByte(s[:j], '\n')
		if i >= 0 && strings.TrimSpace(s[i:j]) == "" {
			return j + 1
		}
		end = j
	}
	return 0
}

// lastLineBreak returns the end of the last line break of s, or 0.
func lastLineBreak(s string) int { return strings.LastIndexByte(s, '\n') + 1 }

// lastSentenceEnd returns where the last sentence of s ends (after its mark
// and the space after it, as [splitSentences] reads an end), or 0.
func lastSentenceEnd(s string) int {
	for i := strings.LastIndexFunc(s, unicode.IsSpace); i > 0; i = strings.LastIndexFunc(s[:i], unicode.IsSpace) {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if endsSentence(s, i-size, r) {
			_, space := utf8.DecodeRuneInString(s[i:])
			return i + space
		}
	}
	return 0
}

// lastSpace returns the end of the last space in s, or 0.
func lastSpace(s string) int {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return 0
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return i + size
}
