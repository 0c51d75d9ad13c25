// Package bom reads past the byte order mark that opens many files written
// on Windows (Notepad, PowerShell, Excel's "CSV UTF-8"), for readers of
// files that are UTF-8 JSON: RFC 8259 (section 8.1) lets a parser ignore a
// UTF-8 mark, and says JSON is UTF-8, so a UTF-16 or UTF-32 mark is refused
// by name rather than as the "invalid character 'ï'" encoding/json reports.
package bom

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// ErrNotUTF8 is a file opening with the byte order mark of UTF-16 or UTF-32.
var ErrNotUTF8 = errors.New("the file opens with a UTF-16 or UTF-32 byte order mark; JSON is UTF-8 (RFC 8259): save it as UTF-8")

var (
	utf8BOM = []byte{0xEF, 0xBB, 0xBF}
	others  = [][]byte{{0x00, 0x00, 0xFE, 0xFF}, {0xFF, 0xFE, 0x00, 0x00}, {0xFE, 0xFF}, {0xFF, 0xFE}}
)

// Skip returns a reader of r past a UTF-8 byte order mark opening it, or of r
// as it is when none does; an error when a UTF-16 or UTF-32 mark opens it.
func Skip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(4) // fewer at the end of a short input
	if err != nil && err != io.EOF {
		// bufio hands a read error to Peek alone: pass it on after the bytes.
		return io.MultiReader(bytes.NewReader(head), errReader{err}), nil
	}
	if bytes.HasPrefix(head, utf8BOM) {
		br.Discard(len(utf8BOM))
		return br, nil
	}
	for _, m := range others {
		if bytes.HasPrefix(head, m) {
			return nil, ErrNotUTF8
		}
	}
	return br, nil
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
