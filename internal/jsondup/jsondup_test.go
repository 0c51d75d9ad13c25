package jsondup

import "testing"

func TestFind(t *testing.T) {
	for _, tc := range []struct{ in, root, path, name, before string }{
		{`{"op":">","args":[1,2],"op":"<"}`, "filter", "filter", "op", "op"},
		{`{"op":"and","args":[true,{"op":"=","args":[{"property":"a","property":"b"},1]}]}`, "filter", "filter.args[1].args[0]", "property", "property"},
		{`{"type":"Feature","properties":{"killed":1,"notes":{"a":1},"killed":9}}`, "", "properties", "killed", "killed"},
		{`{"type":"Feature","type":"Feature"}`, "", "", "type", "type"},
		// encoding/json sets one field from names equal but for case: the
		// last of them was stored
		{`{"type":"Feature","properties":{"killed":1,"KILLED":90}}`, "", "properties", "KILLED", "killed"},
		{`{"geometry":{},"Geometry":{}}`, "", "", "Geometry", "geometry"},
		{`{"sources":[{"url":"a","URL":"b"}]}`, "", "sources[0]", "URL", "url"},
		{"{\"killed\":1,\"\u212Ailled\":2}", "", "", "\u212Ailled", "killed"}, // a Kelvin sign
		{"{\"task\":1,\"ta\u017Fk\":2}", "", "", "ta\u017Fk", "task"},         // a long s
		{`{"a":1,"b":1,"ab":1}`, "", "", "", ""},
		// the same name in sibling objects, in nested objects and as a value is no duplicate
		{`[{"a":1},{"a":2}]`, "", "", "", ""},
		{`{"a":{"a":{"a":1}},"b":"a"}`, "", "", "", ""},
		{`{"a":[{"b":1},{"b":2}],"c":{"b":3}}`, "", "", "", ""},
		{`{"a":`, "", "", "", ""}, // not JSON: its reader says so
	} {
		path, name, before := Find([]byte(tc.in), tc.root)
		if path != tc.path || name != tc.name || before != tc.before {
			t.Errorf("Find(%s) = %q, %q, %q; want %q, %q, %q", tc.in, path, name, before, tc.path, tc.name, tc.before)
		}
	}
}
