package feature

import "unicode/utf8"

// appendString writes s as a quoted JSON string the way encoding/json does
// with HTML escaping off: '"' and '\\' behind a backslash; \b, \f, \n, \r and
// \t by name and other control characters below U+0020 as \u00XX; each byte
// that does not start valid UTF-8 as \ufffd; U+2028 and U+2029 as \u2028 and
// \u2029 (they end a line in JavaScript). Everything else, '<', '>' and '&'
// included, is copied as is.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	done := 0 // s[:done] is in dst
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if plain[b] {
				i++
				continue
			}
			dst = append(dst, s[done:i]...)
			dst = appendEscapedByte(dst, b)
			i++
			done = i
			continue
		}
		if b >= 0xc2 && b <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			i += 2 // a valid two-byte sequence (Arabic among them): never escaped
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[done:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[done:i]...)
			dst = append(dst, `\u202`...)
			dst = append(dst, hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		done = i
	}
	dst = append(dst, s[done:]...)
	return append(dst, '"')
}

// appendEscapedByte writes the escape of an ASCII byte that plain rejects.
func appendEscapedByte(dst []byte, b byte) []byte {
	switch b {
	case '"', '\\':
		return append(dst, '\\', b)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xf])
}

const hexDigits = "0123456789abcdef"

// plain marks the ASCII bytes a JSON string holds unescaped: all but the
// control characters, '"' and '\\'. DEL (0x7f) is not escaped.
var plain = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()
