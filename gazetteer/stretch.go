package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxMentions is the most place mentions [Gazetteer.FindAll] returns for one text:
// far more than a news report holds (a 20 KB report names a few dozen places),
// and what bounds the memory of a call whatever the text, since each mention
// carries its place, alternatives and context (some 3 KB).
const MaxMentions = 2000

// stretchBytes is about how much text FindAll reads at a time: its tokens, some
// 40 bytes a byte of text, are what it holds besides the mentions.
const stretchBytes = 16 << 10

// stretchEnd returns where the stretch of text starting at from ends: right after
// the last end of a sentence within stretchBytes, which no mention crosses (the
// parser never reads a name, its qualifiers or its context across one); failing
// that at the last space; failing that at the end of the overlong word there,
// which is one token that matches nothing.
func stretchEnd(text string, from int) int {
	if len(text)-from <= stretchBytes {
		return len(text)
	}
	window := text[from : from+stretchBytes]
	if i := strings.LastIndexAny(window, sentenceEnds); i > 0 {
		_, size := utf8.DecodeRuneInString(window[i:])
		return from + i + size
	}
	if i := strings.LastIndexFunc(window, unicode.IsSpace); i > 0 {
		return from + i
	}
	if i := strings.IndexFunc(text[from+stretchBytes:], unicode.IsSpace); i >= 0 {
		return from + stretchBytes + i
	}
	return len(text)
}

// sentenceEnds are punctuation marks that end a sentence; tokenize reads each as
// a break between words.
const sentenceEnds = ".!?;…؟؛۔"

// tokenizeAt tokenizes text[from:to] with offsets into text, reusing buf.
func tokenizeAt(buf []token, text string, from, to int) []token {
	toks := tokenize(buf, text[from:to], 0)
	for i := range toks {
		toks[i].start += from
		toks[i].end += from
	}
	return toks
}
