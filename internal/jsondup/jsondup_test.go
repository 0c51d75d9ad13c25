package jsondup

import "testing"

func TestFind(t *testing.T) {
	for _, tc := range []struct{ in, root, path, name string }{
		{`{"op":">","args":[1,2],"op":"<"}`, "filter", "filter", "op"},
		{`{"op":"and","args":[true,{"op":"=","args":[{"property":"a","property":"b"},1]}]}`, "filter", "filter.args[1].args[0]", "property"},
		{`{"type":"Feature","properties":{"killed":1,"notes":{"a":1},"killed":9}}`, "", "properties", "killed"},
		{`{"type":"Feature","type":"Feature"}`, "", "", "type"},
		// the same name in sibling objects, in nested objects and as a value is no duplicate
		{`[{"a":1},{"a":2}]`, "", "", ""},
		{`{"a":{"a":{"a":1}},"b":"a"}`, "", "", ""},
		{`{"a":[{"b":1},{"b":2}],"c":{"b":3}}`, "", "", ""},
		{`{"a":`, "", "", ""}, // not JSON: its reader says so
	} {
		path, name := Find([]byte(tc.in), tc.root)
		if path != tc.path || name != tc.name {
			t.Errorf("Find(%s) = %q, %q; want %q, %q", tc.in, path, name, tc.path, tc.name)
		}
	}
}
