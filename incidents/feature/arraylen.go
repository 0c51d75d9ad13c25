package feature

// arrayLen is the number of elements of the JSON array raw, counted
// without decoding them, or -1 when raw is not an array. raw must be
// JSON (encoding/json has read it): only strings' quotes and escapes and
// the nesting of brackets are looked at.
func arrayLen(raw []byte) int {
	i := 0
	for i < len(raw) && isSpace(raw[i]) {
		i++
	}
	if i == len(raw) || raw[i] != '[' {
		return -1
	}
	depth, n, empty := 0, 0, true
	for ; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '"':
			for i++; i < len(raw) && raw[i] != '"'; i++ {
				if raw[i] == '\\' {
					i++
				}
			}
			empty = false
		case '[', '{':
			if depth == 1 {
				empty = false
			}
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				if empty {
					return 0
				}
				return n + 1
			}
		case ',':
			if depth == 1 {
				n++
			}
		default:
			if depth == 1 && !isSpace(c) {
				empty = false
			}
		}
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
