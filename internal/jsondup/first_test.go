package jsondup

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestFirst(t *testing.T) {
	for _, tc := range []struct{ in, root, path, name, again string }{
		{`{"op":">","args":[1,2],"op":"<"}`, "filter", "filter", "op", ""},
		{`{"op":"and","args":[true,{"op":"=","args":[{"property":"a","property":"b"},1]}]}`, "filter", "filter.args[1].args[0]", "property", ""},
		{`{"type":"Feature","properties":{"killed":1,"notes":{"a":1},"killed":9}}`, "", "properties", "killed", ""},
		{`{"type":"Feature","type":"Feature"}`, "", "", "type", ""},
		// the same name in sibling objects, in nested objects and as a value is no duplicate
		{`[{"a":1},{"a":2}]`, "", "", "", ""},
		{`{"a":{"a":{"a":1}},"b":"a"}`, "", "", "", ""},
		{`{"a":[{"b":1},{"b":2}],"c":{"b":3}}`, "", "", "", ""},
		{`{"a":`, "", "", "", ""}, // not JSON: its reader says so
		// names encoding/json reads into one field: in another case, with
		// escapes, with the Kelvin sign for a K
		{`{"properties":{"killed":1,"Killed":90}}`, "", "properties", "killed", "Killed"},
		{`{"properties":{"killed":1,"\u006billed":90}}`, "", "properties", "killed", ""},
		{`{"properties":{"killed":1,"\u212Ailled":90}}`, "", "properties", "killed", "\u212Ailled"},
		{`{"a":[[],{},[{"x":[1,{"y":1,"Y":2}]}]]}`, "", "a[2][0].x[1]", "y", "Y"},
		{`{"ä":1,"Ä":2}`, "", "", "ä", "Ä"},
		{`{"a":"}\"{","b":{"c":"\\"},"a":1}`, "", "", "a", ""},
		{`{"a":1}{"a":1,"a":2}`, "", "", "", ""}, // one value read: the rest is its reader's to refuse
		{`{"a" 1,"a":2}`, "", "", "", ""},
	} {
		d, ok := First([]byte(tc.in), tc.root)
		if ok != (tc.name != "") || d.Path != tc.path || d.Name != tc.name || d.Again != tc.again {
			t.Errorf("First(%s) = %+v, %v; want %q, %q, %q", tc.in, d, ok, tc.path, tc.name, tc.again)
		}
	}
	if Key("killed") != Key("KILLED") || Key("killed") != Key("\u212Ailled") || Key("killed") == Key("kill") {
		t.Error("Key does not tell names apart as encoding/json matches them")
	}
}

func TestDup_Error(t *testing.T) {
	for in, want := range map[string]string{
		`{"properties":{"killed":1,"killed":2}}`: `member "killed" given twice in properties: which one is meant is not clear`,
		`{"properties":{"killed":1,"Killed":2}}`: `members "killed" and "Killed" name one field in properties: which one is meant is not clear`,
		`{"type":"Feature","type":"Feature"}`:    `member "type" given twice: which one is meant is not clear`,
	} {
		d, ok := First([]byte(in), "")
		if !ok || d.Error() != want {
			t.Errorf("First(%s) = %q, %v; want %q", in, d.Error(), ok, want)
		}
	}
}

// TestFirst_ManyMembersLinear checks that an object of many members costs in
// proportion to them: each name is looked up, not compared with every other.
func TestFirst_ManyMembersLinear(t *testing.T) {
	work := func(n int) int {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, `"m%d":null,`, i)
		}
		b.WriteString(`"M0":1}`)
		s := scanner{data: []byte(b.String())}
		if d, ok := s.run(""); !ok || d.Again != "M0" {
			t.Fatalf("%d members: %+v, %v; want M0 found", n, d, ok)
		}
		return s.work
	}
	small, large := work(2000), work(32000)
	if large > 20*small {
		t.Errorf("16 times the members cost %d times the work", large/small)
	}
}

// reference is what First finds, read with encoding/json's tokens: slow, but
// plainly right.
func reference(data []byte) (string, bool) {
	type frame struct {
		obj   bool
		names []string
		val   bool
	}
	var stack []*frame
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{obj: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			if f := top(stack); f != nil && f.obj && !f.val {
				k := tok.(string)
				for _, n := range f.names {
					if bytes.EqualFold([]byte(n), []byte(k)) {
						return k, true
					}
				}
				f.names, f.val = append(f.names, k), true
				continue
			}
		}
		if len(stack) == 0 {
			return "", false
		}
		if f := top(stack); f.obj {
			f.val = false
		}
	}
}

func top[T any](s []*T) *T {
	if len(s) == 0 {
		return nil
	}
	return s[len(s)-1]
}

// FuzzFirst holds First to the reference on valid JSON, and to not panicking
// on anything.
func FuzzFirst(f *testing.F) {
	for _, s := range []string{`{"a":1,"A":2}`, `{"a":{"b":[1,{"c":1,"c":2}]}}`, `[{"a":1},{"a":1}]`, `{"\u00e4":1,"Ä":2}`,
		`{"k":1,"\u212a":2}`, `{"a":"\"","b":"\\","a":3}`, `{}`, `[]`, `"x"`, `{"a":[],"b":{},"c":null,"d":true,"e":-1.5e3}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, ok := First(data, "")
		if !json.Valid(data) {
			return
		}
		name, want := reference(data)
		got := d.Name
		if d.Again != "" {
			got = d.Again
		}
		if ok != want || ok && got != name {
			t.Errorf("First(%s) = %q, %v; the reference finds %q, %v", data, got, ok, name, want)
		}
	})
}

// TestFirst_EscapedStringLinear checks that a string of many escapes costs
// in proportion to its length. Each escape searched again for the closing
// quote from where it stood, to the string's end: a report posted to
// /api/ingest with its Arabic text written as \uXXXX escapes (as Python's
// json.dumps writes it by default), 820 KB, took 0.75 s to check, before
// its length was even looked at; 410 KB, 0.18 s.
func TestFirst_EscapedStringLinear(t *testing.T) {
	scanned := func(n int) int {
		body := `{"text":"` + strings.Repeat(`\u0642 x\\`, n) + `\"` + `","text":1}`
		s := scanner{data: []byte(body)}
		if d, ok := s.run(""); !ok || d.Name != "text" {
			t.Fatalf("%d escapes: %+v, %v; want text found twice", n, d, ok)
		}
		return s.scanned
	}
	small, large := scanned(2000), scanned(32000)
	if large > 20*small {
		t.Errorf("16 times the escapes searched %d times the bytes (%d, %d)", large/small, small, large)
	}
}
