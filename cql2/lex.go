package cql2

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind is what a token of the text encoding is.
type tokenKind int

const (
	tEOF    tokenKind = iota
	tWord             // an identifier or keyword, as written
	tQuoted           // a "double-quoted" identifier, unquoted
	tString           // a 'single-quoted' string, unquoted
	tNumber           // a number, as written
	tOp               // = <> < <= > >=
	tLParen
	tRParen
	tComma
)

type token struct {
	kind tokenKind
	text string
	pos  int // 1-based character
}

// describe names a token in an error message.
func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "the end of the filter"
	case tString:
		return fmt.Sprintf("the string '%s'", t.text)
	case tQuoted:
		return fmt.Sprintf("%q", t.text)
	}
	return fmt.Sprintf("%q", t.text)
}

// lex splits s into tokens, ending with tEOF.
func lex(s string) ([]token, error) {
	var toks []token
	pos := 1 // character count of s[:i], plus 1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		start, startPos := i, pos
		switch {
		case r == utf8.RuneError && size == 1:
			return nil, &Error{Pos: pos, Msg: "not valid UTF-8"}
		case unicode.IsSpace(r):
			i += size
			pos++
			continue
		case r == '(' || r == ')' || r == ',':
			kind := map[rune]tokenKind{'(': tLParen, ')': tRParen, ',': tComma}[r]
			toks = append(toks, token{kind, string(r), pos})
			i += size
			pos++
			continue
		case r == '=' || r == '<' || r == '>':
			op := string(r)
			if i+1 < len(s) && (r == '<' && (s[i+1] == '=' || s[i+1] == '>') || r == '>' && s[i+1] == '=') {
				op += string(s[i+1])
			}
			toks = append(toks, token{tOp, op, pos})
			i += len(op)
			pos += len(op)
			continue
		case r == '\'' || r == '"':
			text, n, ok := quoted(s[i:], byte(r))
			if !ok {
				what := "string"
				if r == '"' {
					what = "quoted property name"
				}
				return nil, &Error{Pos: pos, Msg: "this " + what + " is never closed"}
			}
			what := "string"
			kind := tString
			if r == '"' {
				what, kind = "quoted property name", tQuoted
			}
			if msg := badText(text); msg != "" {
				return nil, &Error{Pos: pos, Msg: "this " + what + " " + msg}
			}
			toks = append(toks, token{kind, text, pos})
			i += n
			pos += utf8.RuneCountInString(s[start:i])
			continue
		case isNumberStart(s[i:]):
			n := numberLength(s[i:])
			toks = append(toks, token{tNumber, s[i : i+n], pos})
			i += n
			pos += n
			continue
		case r == '_' || unicode.IsLetter(r):
			n := 0
			for n < len(s[i:]) {
				c, sz := utf8.DecodeRuneInString(s[i+n:])
				if c != '_' && c != ':' && c != '.' && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
					break
				}
				n += sz
			}
			toks = append(toks, token{tWord, s[i : i+n], pos})
			i += n
			pos += utf8.RuneCountInString(s[start:i])
			continue
		}
		return nil, &Error{Pos: startPos, Msg: fmt.Sprintf("unexpected character %q", r)}
	}
	return append(toks, token{tEOF, "", pos}), nil
}

// badText says what is wrong with the text of a string, or "" when
// nothing is: it must be valid UTF-8 and hold no NUL, as every text stored
// is. PostgreSQL refused such a string as a query parameter, a 500 (and
// enough of them made /readyz answer 503), and SQLite's LIKE read a NUL as
// the pattern's end, matching what the filter did not say.
func badText(s string) string {
	switch {
	case !utf8.ValidString(s):
		return "is not valid UTF-8"
	case strings.IndexByte(s, 0) >= 0:
		return "holds a NUL character, which no stored text does"
	}
	return ""
}

// quoted reads a quoted run starting at s[0] == q, where a doubled quote
// stands for one: it returns the text, the bytes read and whether it closed.
func quoted(s string, q byte) (string, int, bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != q {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == q {
			b.WriteByte(q)
			i++
			continue
		}
		return b.String(), i + 1, true
	}
	return "", 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isNumberStart reports whether s starts a number: a digit, or a sign or a
// point before one.
func isNumberStart(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	return i < len(s) && isDigit(s[i])
}

// numberLength is the length of the number at the start of s: a sign,
// digits, a fraction and an exponent.
func numberLength(s string) int {
	i := 0
	if s[i] == '-' || s[i] == '+' {
		i++
	}
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '-' || s[j] == '+') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	return i
}
