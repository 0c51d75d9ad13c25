// Package jsondup finds JSON object members named twice. encoding/json reads
// such an object silently as the last of them, so a body or a filter could be
// stored or run as other than its writer meant; mapsrv refuses it instead.
// encoding/json matches a member to a field whatever the case of its name
// ("KILLED" and "killed" both set Killed, and so does "\u212Ailled" with a
// Kelvin sign), so names equal but for case count as one name.
package jsondup

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// Find returns the first member named twice in one object of the JSON text
// data, the name it had before (the same, or the same but for case), and
// the path of that object under root ("filter.args[0]", "properties"); name
// is "" when there is none, or when data is not JSON (which its reader will
// say).
func Find(data []byte, root string) (path, name, before string) {
	type frame struct {
		keys map[string]string // by Fold of the name; nil for an array
		key  string            // an object's member being read
		idx  int               // an array's element being read
		val  bool              // an object expects a member's value next
	}
	var stack []*frame
	pathOf := func() string {
		var b strings.Builder
		b.WriteString(root)
		for _, f := range stack[:len(stack)-1] {
			if f.keys != nil {
				b.WriteString("." + f.key)
			} else {
				fmt.Fprintf(&b, "[%d]", f.idx)
			}
		}
		return strings.TrimPrefix(b.String(), ".")
	}
	done := func() { // a value ended in the container on top
		if len(stack) == 0 {
			return
		}
		if f := stack[len(stack)-1]; f.keys != nil {
			f.val = false
		} else {
			f.idx++
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", "", ""
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{keys: map[string]string{}})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			done()
			continue
		}
		if len(stack) > 0 {
			if f := stack[len(stack)-1]; f.keys != nil && !f.val {
				k, _ := tok.(string)
				folded := Fold(k)
				if first, ok := f.keys[folded]; ok {
					return pathOf(), k, first
				}
				f.keys[folded], f.key, f.val = k, k, true
				continue
			}
		}
		done()
	}
}

// Fold returns a form of name shared by exactly the names equal to it but
// for case, as strings.EqualFold (and encoding/json, matching a member to a
// field) tells them: each letter is the smallest of its case-folding orbit.
func Fold(name string) string {
	var b strings.Builder
	for _, r := range name {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}
