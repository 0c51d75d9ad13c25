package jsondup

// First, below, is the check every reader uses (bodies, filters, and the
// millions of features mapsrv import reads): it reads the bytes once rather
// than encoding/json's tokens, and takes names equal but for case for one, as
// encoding/json matches a member to a field whatever the case of its name
// ("Killed" and "killed" both set Killed, and so does "\u212Ailled" with a
// Kelvin sign).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dup is a member named twice in one object.
type Dup struct {
	Path  string // the object holding it under the root: "properties", "filter.args[0]"; the root itself when ""
	Name  string // the name as first given
	Again string // the name as given again, when written otherwise ("Killed" after "killed")
}

func (d Dup) Error() string {
	var b strings.Builder
	if d.Again != "" && d.Again != d.Name {
		fmt.Fprintf(&b, "members %q and %q name one field", d.Name, d.Again)
	} else {
		fmt.Fprintf(&b, "member %q given twice", d.Name)
	}
	if d.Path != "" {
		b.WriteString(" in " + d.Path)
	}
	b.WriteString(": which one is meant is not clear")
	return b.String()
}

// First returns the first member named twice in one object of data, and
// whether there is one; data that is not JSON has none (its reader will say
// what is wrong). It reads data once, byte by byte, allocating only for
// objects of many members and for names written with escapes.
func First(data []byte, root string) (Dup, bool) {
	var s scanner
	s.data, s.names, s.stack = data, s.nameRoom[:0], s.frameRoom[:0]
	return s.run(root)
}

// frame is an object or array being read.
type frame struct {
	obj   bool
	first int             // its members' names begin at this index of scanner.names
	idx   int             // an array's element being read
	big   map[string]bool // an object's folded names, once it has many
}

// maxDepth is the deepest nesting read: encoding/json refuses deeper JSON.
const maxDepth = 10000

// manyNames is how many members an object has before its names are looked up
// in a map rather than compared one by one.
const manyNames = 64

type scanner struct {
	data    []byte
	i       int
	stack   []frame
	names   []name // the names of the members of the open objects, outermost first
	folded  []byte // scratch for a folded name
	work    int    // names compared or looked up, for tests
	scanned int    // bytes of strings searched, for tests

	// room for the names and frames of an ordinary document, so that
	// reading one allocates nothing
	nameRoom  [32]name
	frameRoom [8]frame
}

// name is a member's name, and a hash of its fold: names whose hashes differ
// are not one.
type name struct {
	text []byte
	hash uint32
}

func (s *scanner) run(root string) (Dup, bool) {
	s.space()
	for s.i < len(s.data) {
		// a value begins at s.i
		switch s.data[s.i] {
		case '{':
			if len(s.stack) >= maxDepth {
				return Dup{}, false
			}
			s.i++
			s.stack = append(s.stack, frame{obj: true, first: len(s.names)})
			s.space()
			if s.peek() == '}' {
				s.i++
				s.pop()
				break
			}
			if d, ok, bad := s.member(root); bad || ok {
				return d, ok
			}
			continue
		case '[':
			if len(s.stack) >= maxDepth {
				return Dup{}, false
			}
			s.i++
			s.stack = append(s.stack, frame{first: len(s.names)})
			s.space()
			if s.peek() == ']' {
				s.i++
				s.pop()
				break
			}
			continue
		case '"':
			if _, ok := s.str(false); !ok {
				return Dup{}, false
			}
		default:
			start := s.i
			for s.i < len(s.data) && !endsLiteral(s.data[s.i]) {
				s.i++
			}
			if s.i == start {
				return Dup{}, false // not JSON
			}
		}
		// a value ended: what follows it
		for {
			s.space()
			if len(s.stack) == 0 {
				return Dup{}, false // one value read; anything after is its reader's to refuse
			}
			top := &s.stack[len(s.stack)-1]
			switch s.peek() {
			case ',':
				s.i++
				s.space()
				if top.obj {
					if d, ok, bad := s.member(root); bad || ok {
						return d, ok
					}
				} else {
					top.idx++
				}
			case '}', ']':
				s.i++
				s.pop()
				continue
			default:
				return Dup{}, false
			}
			break
		}
	}
	return Dup{}, false
}

// member reads an object member's name and colon, leaving s.i at its value.
// It returns the duplicate the name makes, if it makes one; bad is set when
// that or data not being JSON ends the scan.
func (s *scanner) member(root string) (d Dup, dup, bad bool) {
	text, ok := s.str(true)
	if !ok {
		return Dup{}, false, true
	}
	n := name{text: text, hash: foldHash(text)}
	top := &s.stack[len(s.stack)-1]
	if prev, found := s.seen(top, n); found {
		d := Dup{Path: s.path(root), Name: string(prev)}
		if !bytes.Equal(prev, text) {
			d.Again = string(text)
		}
		return d, true, true
	}
	s.names = append(s.names, n)
	s.space()
	if s.peek() != ':' {
		return Dup{}, false, true
	}
	s.i++
	s.space()
	return Dup{}, false, false
}

// seen returns the name of top's members that n is one with, if any.
func (s *scanner) seen(top *frame, n name) ([]byte, bool) {
	names := s.names[top.first:]
	s.work++
	if top.big == nil && len(names) < manyNames {
		s.work += len(names)
		for _, m := range names {
			if m.hash == n.hash && sameName(m.text, n.text) {
				return m.text, true
			}
		}
		return nil, false
	}
	if top.big == nil {
		top.big = make(map[string]bool, 2*len(names))
		for _, m := range names {
			top.big[string(s.fold(m.text))] = true
		}
	}
	key := s.fold(n.text)
	if !top.big[string(key)] {
		top.big[string(key)] = true
		return nil, false
	}
	for _, m := range names {
		if sameName(m.text, n.text) {
			return m.text, true
		}
	}
	return nil, false
}

func (s *scanner) pop() {
	s.names = s.names[:s.stack[len(s.stack)-1].first]
	s.stack = s.stack[:len(s.stack)-1]
}

func (s *scanner) peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

func (s *scanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// str reads the string at s.i and, when asked, returns its text: a slice of
// data, or, when it holds escapes or bytes that are not UTF-8, the text
// encoding/json reads.
func (s *scanner) str(text bool) ([]byte, bool) {
	if s.peek() != '"' {
		return nil, false
	}
	start := s.i
	s.i++
	escaped := false
	// A quote ends the string unless a backslash escapes it. The escapes
	// before it are stepped over up to it, never searched past it: each
	// escape searched again for a quote from where it stood, which for a
	// string of escapes without quotes was the rest of the string, so a
	// report's text written as 800 KB of \uXXXX took 0.75 s.
	for {
		j := bytes.IndexByte(s.data[s.i:], '"')
		if j < 0 {
			return nil, false
		}
		s.scanned += j
		end := s.i + j
		for s.i <= end {
			k := bytes.IndexByte(s.data[s.i:end], '\\')
			if k < 0 {
				break
			}
			escaped = true
			s.i += k + 2 // the backslash and the byte it escapes
		}
		if s.i > end {
			continue // the quote at end was escaped
		}
		s.i = end + 1
		break
	}
	if !text {
		return nil, true
	}
	if raw := s.data[start+1 : s.i-1]; !escaped && utf8.Valid(raw) {
		return raw, true
	}
	var t string
	if json.Unmarshal(s.data[start:s.i], &t) != nil {
		return nil, false
	}
	return []byte(t), true
}

// path is where the object on top of the stack is under root.
func (s *scanner) path(root string) string {
	var b strings.Builder
	b.WriteString(root)
	for k, f := range s.stack[:len(s.stack)-1] {
		if f.obj {
			b.WriteString(".")
			b.Write(s.names[s.stack[k+1].first-1].text)
		} else {
			fmt.Fprintf(&b, "[%d]", f.idx)
		}
	}
	return strings.TrimPrefix(b.String(), ".")
}

// sameName reports whether encoding/json reads names a and b into one field:
// equal once folded as it folds them (see fold).
func sameName(a, b []byte) bool {
	for len(a) > 0 && len(b) > 0 {
		if a[0] < utf8.RuneSelf && b[0] < utf8.RuneSelf {
			if upperASCII(a[0]) != upperASCII(b[0]) {
				return false
			}
			a, b = a[1:], b[1:]
			continue
		}
		ra, na := utf8.DecodeRune(a)
		rb, nb := utf8.DecodeRune(b)
		if foldRune(ra) != foldRune(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) == 0 && len(b) == 0
}

// Key returns the form names share exactly when encoding/json reads them
// into one field (equal but for case, as strings.EqualFold tells them).
func Key(name string) string {
	var s scanner
	return string(s.fold([]byte(name)))
}

// fold returns name folded as encoding/json folds a name to match it to a
// field (ASCII letters in upper case, other letters upper of lower), in
// s.folded.
func (s *scanner) fold(name []byte) []byte {
	out := s.folded[:0]
	for len(name) > 0 {
		if c := name[0]; c < utf8.RuneSelf {
			out = append(out, upperASCII(c))
			name = name[1:]
			continue
		}
		r, n := utf8.DecodeRune(name)
		out = utf8.AppendRune(out, foldRune(r))
		name = name[n:]
	}
	s.folded = out
	return out
}

// endsLiteral reports whether c ends a number, true, false or null.
func endsLiteral(c byte) bool {
	switch c {
	case ',', ']', '}', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

// foldHash is an FNV-1a hash of the fold of a name: names that are one have
// one hash.
func foldHash(text []byte) uint32 {
	h := uint32(2166136261)
	for len(text) > 0 {
		if c := text[0]; c < utf8.RuneSelf {
			h = (h ^ uint32(upperASCII(c))) * 16777619
			text = text[1:]
			continue
		}
		r, n := utf8.DecodeRune(text)
		h = (h ^ uint32(foldRune(r))) * 16777619
		text = text[n:]
	}
	return h
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

func foldRune(r rune) rune { return unicode.ToUpper(unicode.ToLower(r)) }
