package feature

import (
	"io"
	"strings"
)

// encoding/csv's reader turns every CR LF of its input into LF, inside a
// quoted cell too (it normalises each line before reading its cells), so
// that a summary written with CR LF, as text pasted from Windows often is,
// came back from the CSV export with LF alone; the GeoJSON round trip kept
// it. crlfKeeper reads the input for the csv reader and hides the CR of a
// CR LF inside quotes as a byte no UTF-8 text holds (0xFF, cellCR), which
// the reader keeps and keptCRLF turns back into CR. A 0xFF of the input,
// never valid UTF-8, is passed on as 0xFE, as invalid, so that only the
// keeper's bytes are turned back. Bytes are only ever replaced, never added
// or removed: the reader's lines, columns and offsets are the file's.
//
// Quotes are followed as strict CSV has them: a quoted cell opens and
// closes with one, and one inside it is doubled, so each quote toggles
// whether the bytes after it are in quotes. A file with a quote anywhere
// else is refused by the reader at that quote, before the keeper's state
// could matter.
type crlfKeeper struct {
	r      io.Reader
	buf    []byte
	out    []byte // read and rewritten, not yet taken
	held   bool   // buf[0] is a CR in quotes held back from the last fill, its next byte unread
	quoted bool
	err    error
}

// cellCR stands for a CR before an LF inside a quoted cell.
const cellCR = 0xFF

func newCRLFKeeper(r io.Reader) *crlfKeeper { return &crlfKeeper{r: r, buf: make([]byte, 32<<10)} }

func (k *crlfKeeper) Read(p []byte) (int, error) {
	for len(k.out) == 0 {
		if k.err != nil {
			return 0, k.err
		}
		k.fill()
	}
	n := copy(p, k.out)
	k.out = k.out[n:]
	return n, nil
}

func (k *crlfKeeper) fill() {
	from := 0
	if k.held {
		k.buf[0], from, k.held = '\r', 1, false
	}
	n, err := k.r.Read(k.buf[from:])
	n += from
	b := k.buf[:n]
	for i := from; i < n; i++ {
		switch b[i] {
		case '"':
			k.quoted = !k.quoted
		case '\n':
			if k.quoted && i > 0 && b[i-1] == '\r' {
				b[i-1] = cellCR
			}
		case cellCR:
			b[i] = 0xFE
		}
	}
	if err == nil && n > 0 && k.quoted && b[n-1] == '\r' {
		// Its LF, if it has one, is in the next read: the CR waits for it.
		k.held = true
		n--
		if n == 0 { // nothing but the CR: read on
			return
		}
	}
	k.out, k.err = b[:n], err
}

// keptCRLF turns the keeper's bytes in the cells of rec back into the CR
// LF the file holds.
func keptCRLF(rec []string) {
	for i, c := range rec {
		if strings.IndexByte(c, cellCR) >= 0 {
			rec[i] = strings.ReplaceAll(c, string([]byte{cellCR, '\n'}), "\r\n")
		}
	}
}
