// Package jsondup finds JSON object members named twice. encoding/json reads
// such an object silently as the last of them, so a body or a filter could be
// stored or run as other than its writer meant; mapsrv refuses it instead.
package jsondup

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Find returns the first member named twice in one object of the JSON text
// data, and the path of that object under root ("filter.args[0]",
// "properties"); name is "" when there is none, or when data is not JSON
// (which its reader will say).
func Find(data []byte, root string) (path, name string) {
	type frame struct {
		keys map[string]bool // nil for an array
		key  string          // an object's member being read
		idx  int             // an array's element being read
		val  bool            // an object expects a member's value next
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
			return "", ""
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{keys: map[string]bool{}})
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
				if f.keys[k] {
					return pathOf(), k
				}
				f.keys[k], f.key, f.val = true, k, true
				continue
			}
		}
		done()
	}
}
