package cql2

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

var schema = Schema{"incident_type": String, "place_name_en": String, "killed": Number, "injured": Number,
	"date_from": Date, "created_at": Timestamp, "geometry": Geometry, "select": String}

func day(s string) time.Time { d, _ := time.Parse(dateLayout, s); return d }

func TestParseText(t *testing.T) {
	str := func(s string) Literal { return Literal{Kind: String, Text: s} }
	n := func(f float64) Literal { return Literal{Kind: Number, Num: f} }
	tests := map[string]struct {
		in   string
		want Expr
	}{
		"equals":       {"incident_type = 'arrest'", Compare{"incident_type", Eq, str("arrest")}},
		"gdal":         {"(incident_type = 'arrest') AND (killed > 0)", And{[]Expr{Compare{"incident_type", Eq, str("arrest")}, Compare{"killed", Gt, n(0)}}}},
		"flipped":      {"3 <= killed", Compare{"killed", Ge, n(3)}},
		"precedence":   {"killed = 1 OR killed = 2 AND injured > 0", Or{[]Expr{Compare{"killed", Eq, n(1)}, And{[]Expr{Compare{"killed", Eq, n(2)}, Compare{"injured", Gt, n(0)}}}}}},
		"not":          {"NOT killed IS NULL", Not{IsNull{"killed"}}},
		"is not null":  {"killed is not null", Not{IsNull{"killed"}}},
		"keywords":     {"place_name_en like 'Al-%' and not injured between 1 AND 5", And{[]Expr{Like{"place_name_en", "Al-%"}, Not{Between{"injured", n(1), n(5)}}}}},
		"not like":     {"place_name_en NOT LIKE '%''s%'", Not{Like{"place_name_en", "%'s%"}}},
		"in":           {"incident_type IN ('arrest', 'bombing')", In{"incident_type", []Literal{str("arrest"), str("bombing")}}},
		"not in":       {"killed NOT IN (1, -2.5e1)", Not{In{"killed", []Literal{n(1), n(-25)}}}},
		"date":         {"date_from >= DATE('2025-11-24')", Compare{"date_from", Ge, Literal{Kind: Date, Time: day("2025-11-24")}}},
		"timestamp":    {"created_at < TIMESTAMP('2025-11-24T08:00:00+02:00')", Compare{"created_at", Lt, Literal{Kind: Timestamp, Time: time.Date(2025, 11, 24, 6, 0, 0, 0, time.UTC)}}},
		"quoted":       {`"select" = 'x'`, Compare{"select", Eq, str("x")}},
		"arabic":       {"place_name_en = 'سراقب'", Compare{"place_name_en", Eq, str("سراقب")}},
		"true":         {"TRUE", Bool{true}},
		"bbox":         {"S_INTERSECTS(geometry, BBOX(36, 35, 37, 36.5))", Intersects{"geometry", orb.Bound{Min: orb.Point{36, 35}, Max: orb.Point{37, 36.5}}}},
		"bbox first":   {"s_intersects(bbox(36,35,37,36.5),geometry)", Intersects{"geometry", orb.Bound{Min: orb.Point{36, 35}, Max: orb.Point{37, 36.5}}}},
		"antimeridian": {"S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))", Intersects{"geometry", orb.Collection{orb.Bound{Min: orb.Point{170, -10}, Max: orb.Point{180, 10}}, orb.Bound{Min: orb.Point{-180, -10}, Max: orb.Point{-170, 10}}}}},
		"point":        {"S_INTERSECTS(geometry, POINT(36.8 35.9))", Intersects{"geometry", orb.Point{36.8, 35.9}}},
		"polygon": {"S_INTERSECTS(geometry, POLYGON((36 35, 37 35, 37 36, 36 35), (36.5 35.1, 36.9 35.1, 36.9 35.5, 36.5 35.1)))",
			Intersects{"geometry", orb.Polygon{{{36, 35}, {37, 35}, {37, 36}, {36, 35}}, {{36.5, 35.1}, {36.9, 35.1}, {36.9, 35.5}, {36.5, 35.1}}}}},
		"multipolygon": {"S_INTERSECTS(geometry, MULTIPOLYGON(((36 35, 37 35, 37 36, 36 35)), ((38 35, 39 35, 39 36, 38 35))))",
			Intersects{"geometry", orb.MultiPolygon{{{{36, 35}, {37, 35}, {37, 36}, {36, 35}}}, {{{38, 35}, {39, 35}, {39, 36}, {38, 35}}}}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParseText(tc.in, DefaultLimits)
			if err != nil {
				t.Fatalf("ParseText(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseText(%q) =\n%#v\nwant\n%#v", tc.in, got, tc.want)
			}
			again, err := ParseText(Text(got), DefaultLimits)
			if err != nil || !reflect.DeepEqual(again, got) {
				t.Errorf("Text wrote %q, which parses to %#v, %v", Text(got), again, err)
			}
		})
	}
}

// TestParseJSON reads the JSON encoding of some of the text cases above.
func TestParseJSON(t *testing.T) {
	for text, js := range map[string]string{
		"(incident_type = 'arrest') AND (killed > 0)":                   `{"op":"and","args":[{"op":"=","args":[{"property":"incident_type"},"arrest"]},{"op":">","args":[{"property":"killed"},0]}]}`,
		"killed NOT IN (1, -25)":                                        `{"op":"not","args":[{"op":"in","args":[{"property":"killed"},[1,-25]]}]}`,
		"date_from >= DATE('2025-11-24')":                               `{"op":">=","args":[{"property":"date_from"},{"date":"2025-11-24"}]}`,
		"place_name_en LIKE 'Al-%'":                                     `{"op":"like","args":[{"property":"place_name_en"},"Al-%"]}`,
		"injured BETWEEN 1 AND 5":                                       `{"op":"between","args":[{"property":"injured"},1,5]}`,
		"killed IS NULL":                                                `{"op":"isNull","args":[{"property":"killed"}]}`,
		"S_INTERSECTS(geometry, BBOX(36, 35, 37, 36.5))":                `{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[36,35,37,36.5]}]}`,
		"S_INTERSECTS(geometry, POLYGON((36 35, 37 35, 37 36, 36 35)))": `{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[36,35],[37,35],[37,36],[36,35]]]}]}`,
		"S_INTERSECTS(geometry, POINT(36.8 35.9))":                      `{"op":"s_intersects","args":[{"type":"Point","coordinates":[36.8,35.9]},{"property":"geometry"}]}`,
		"TRUE": `true`,
	} {
		want, err := ParseText(text, DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		got, err := ParseJSON(js, DefaultLimits)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("ParseJSON(%s) = %#v, %v\nwant %#v", js, got, err, want)
		}
	}
}

func TestParseText_Errors(t *testing.T) {
	tests := map[string]struct {
		in      string
		wantPos int
		wantMsg string
	}{
		"dangling and":   {"killed > 0 AND", 15, "end of the filter"},
		"no operator":    {"killed 3", 8, "expected a comparison"},
		"unclosed":       {"place_name_en = 'Idlib", 17, "never closed"},
		"unclosed paren": {"(killed > 0", 12, "expected ')'"},
		"two properties": {"killed = injured", 10, "two properties"},
		"two values":     {"1 = 2", 1, "needs a property"},
		"function":       {"CASEI(place_name_en) = 'x'", 1, "CASEI is not supported"},
		"bad date":       {"date_from = DATE('24/11/2025')", 18, "not a date"},
		"open ring":      {"S_INTERSECTS(geometry, POLYGON((36 35, 37 35, 37 36, 36 36)))", 32, "must end"},
		"short ring":     {"S_INTERSECTS(geometry, POLYGON((36 35, 37 35, 36 35)))", 32, "at least 4"},
		"bbox three":     {"S_INTERSECTS(geometry, BBOX(1, 2, 3))", 24, "four numbers"},
		"not crs84":      {"S_INTERSECTS(geometry, POINT(500000 4000000))", 30, "CRS84"},
		"line":           {"S_INTERSECTS(geometry, LINESTRING(1 2, 3 4))", 24, "not supported"},
		"stray":          {"killed > 0 )", 12, "expected AND, OR"},
		"character":      {"killed > 0 ; DROP TABLE incidents", 12, "unexpected character"},
		"lone escape":    {`place_name_en LIKE 'a\'`, 20, "lone backslash"},
		"after arabic":   {"place_name_en = 'سراقب' AND", 28, "end of the filter"},
		// no stored text holds a NUL or bytes that are not UTF-8: PostGIS
		// answered such a string 500, SQLite's LIKE ended it at the NUL
		"nul":               {"place_name_en = 'a\x00b'", 17, "NUL"},
		"nul in pattern":    {"summary_en LIKE '%\x00%'", 17, "NUL"},
		"not utf-8":         {"place_name_en = 'a\xffb'", 17, "not valid UTF-8"},
		"surrogate":         {"place_name_en = '\xed\xa0\x80'", 17, "not valid UTF-8"},
		"nul in a property": {"\"place\x00name\" = 'a'", 1, "NUL"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ParseText(tc.in, DefaultLimits)
			var e *Error
			if !errors.As(err, &e) || e.Pos != tc.wantPos || !strings.Contains(e.Msg, tc.wantMsg) || !errors.Is(err, ErrInvalid) {
				t.Errorf("ParseText(%q) error = %v; want at character %d, saying %q", tc.in, err, tc.wantPos, tc.wantMsg)
			}
		})
	}
}

func TestParseJSON_Errors(t *testing.T) {
	for in, wantPath := range map[string]string{
		`{"op":"and","args":[{"op":"=","args":[{"property":"killed"}]} , true]}`:                                                      "filter.args[0]",
		`{"op":"xor","args":[true,false]}`:                                                                                            "filter.op",
		`{"op":"in","args":[{"property":"killed"},[1,{"x":1}]]}`:                                                                      "filter.args[1][1]",
		`{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[36,35],[37,35],[37,36],[36,36]]]}]}`: "filter.args[1].coordinates[0]",
		// a member given twice would be read as its last: refused, naming the object
		`{"op":">","args":[{"property":"killed"},5],"op":"<"}`:                                        "filter",
		`{"op":"and","args":[true,{"op":"=","args":[{"property":"killed","property":"injured"},1]}]}`: "filter.args[1].args[0]",
		`{"op":">","args":[{"property":"killed"},5],"OP":"<"}`:                                        "filter",
		// a member an expression does not have is refused, not ignored
		`{"op":"=","args":[{"property":"killed"},1],"negate":true}`: "filter",
		// no stored text holds a NUL
		`{"op":"=","args":[{"property":"place_name_en"},"a\u0000b"]}`:      "filter.args[1]",
		`{"op":"like","args":[{"property":"summary_en"},"%\u0000%"]}`:      "filter.args[1]",
		`{"op":"in","args":[{"property":"place_name_en"},["a","\u0000"]]}`: "filter.args[1][1]",
	} {
		_, err := ParseJSON(in, DefaultLimits)
		var e *Error
		if !errors.As(err, &e) || e.Path != wantPath {
			t.Errorf("ParseJSON(%s) error = %v; want one at %s", in, err, wantPath)
		}
	}
	if _, err := ParseJSON(`{"op":`, DefaultLimits); !errors.Is(err, ErrInvalid) {
		t.Errorf("truncated JSON: %v", err)
	}
	// encoding/json would read a byte that is not UTF-8 as U+FFFD
	if _, err := ParseJSON("{\"op\":\"=\",\"args\":[{\"property\":\"place_name_en\"},\"a\xffb\"]}", DefaultLimits); !errors.Is(err, ErrInvalid) ||
		!strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("a JSON filter that is not UTF-8: %v, want an error saying so", err)
	}
}

// TestLimits: each limit stops a filter just past it with an error naming
// the limit, and a filter within them all parses.
func TestLimits(t *testing.T) {
	lim := Limits{MaxLength: 200, MaxDepth: 4, MaxNodes: 12, MaxVertices: 6, MaxLikes: 2}
	tests := map[string]struct{ in, want string }{
		"length":   {"killed > 0 OR " + strings.Repeat("killed > 0 OR ", 20) + "TRUE", "at most 200"},
		"depth":    {"((((killed > 0))))", "nested more than 4"},
		"not deep": {"NOT NOT NOT NOT NOT killed > 0", "nested more than 4"},
		"nodes":    {"killed IN (1,2,3,4,5,6,7,8,9,10,11,12)", "more than 12 terms"},
		"vertices": {"S_INTERSECTS(geometry, POLYGON((36 35, 37 35, 37 36, 36.5 36.2, 36 36, 36 35.5, 36 35)))", "more than 6 vertices"},
		"likes":    {"summary_en LIKE '%a%' OR summary_en LIKE '%b%' OR summary_en NOT LIKE '%c%'", "more than 2 LIKE comparisons"},
	}
	for name, tc := range tests {
		if _, err := ParseText(tc.in, lim); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", name, err, tc.want)
		}
	}
	for _, in := range []string{"((killed > 0)) AND incident_type IN ('a', 'b')", "summary_en LIKE '%a%' AND summary_en NOT LIKE 'b%'"} {
		if _, err := ParseText(in, lim); err != nil {
			t.Errorf("a filter within the limits, %s: %v", in, err)
		}
	}
	deep := strings.Repeat(`{"op":"not","args":[`, 40) + "true" + strings.Repeat("]}", 40)
	lim.MaxLength = 2000
	like := `{"op":"like","args":[{"property":"summary_en"},"%a%"]}`
	if _, err := ParseJSON(`{"op":"or","args":[`+like+","+like+","+like+`]}`, lim); err == nil || !strings.Contains(err.Error(), "more than 2 LIKE comparisons") {
		t.Errorf("three LIKEs in JSON: %v", err)
	}
	if _, err := ParseJSON(deep, lim); err == nil || !strings.Contains(err.Error(), "nested more than 4") {
		t.Errorf("deep JSON: %v", err)
	}
}

func TestCheck(t *testing.T) {
	ok := map[string]string{
		"date_from >= '2025-11-24T'":                      "date_from >= DATE('2025-11-24')", // as GDAL writes a date
		"date_from = '2025-11-24'":                        "date_from = DATE('2025-11-24')",
		"date_from < TIMESTAMP('2025-11-24T00:00:00Z')":   "date_from < DATE('2025-11-24')",
		"created_at > DATE('2025-11-24')":                 "created_at > TIMESTAMP('2025-11-24T00:00:00Z')",
		"created_at > '2025-11-24T08:00:00Z'":             "created_at > TIMESTAMP('2025-11-24T08:00:00Z')",
		"date_from IN ('2025-11-24', DATE('2025-11-25'))": "date_from IN (DATE('2025-11-24'), DATE('2025-11-25'))",
	}
	for in, want := range ok {
		e, _ := ParseText(in, DefaultLimits)
		got, err := Check(e, schema)
		if err != nil || Text(got) != want {
			t.Errorf("Check(%s) = %s, %v; want %s", in, Text(got), err, want)
		}
	}
	bad := map[string]string{
		"kiled > 0":                `unknown property "kiled"`,
		"killed > 'many'":          "killed is a number",
		"place_name_en > 3":        "place_name_en is a string",
		"date_from = '24/11/2025'": "DATE('YYYY-MM-DD')",
		"date_from = TIMESTAMP('2025-11-24T08:00:00Z')": "date_from is a date",
		"killed LIKE '1%'":                 "LIKE matches strings",
		"S_INTERSECTS(killed, POINT(1 2))": "needs a geometry property",
		"geometry = 'x'":                   "test it with S_INTERSECTS",
		"killed BETWEEN 1 AND 'x'":         "killed is a number",
	}
	for in, want := range bad {
		e, err := ParseText(in, DefaultLimits)
		if err == nil {
			_, err = Check(e, schema)
		}
		if err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, ErrInvalid) {
			t.Errorf("Check(%s): %v, want an error saying %q", in, err, want)
		}
	}
}

func TestEval(t *testing.T) {
	feature := map[string]any{"incident_type": "arrest", "killed": 2.0, "injured": nil,
		"date_from": day("2025-11-24"), "place_name_en": "Ma'arrat al-Nu'man", "geometry": orb.Point{36.5, 35.5}}
	get := func(p string) any { return feature[p] }
	for in, want := range map[string]Truth{
		"incident_type = 'arrest' AND killed > 0": True,
		"injured > 0":                                    Unknown,
		"NOT injured > 0":                                Unknown,
		"injured > 0 OR killed = 2":                      True,
		"injured > 0 AND killed = 3":                     False,
		"injured IS NULL AND killed IS NOT NULL":         True,
		"killed BETWEEN 2 AND 2":                         True,
		"killed IN (1, 3)":                               False,
		"date_from < DATE('2025-11-25')":                 True,
		"place_name_en LIKE 'Ma''arrat%'":                True,
		"place_name_en LIKE 'ma''arrat%'":                False,
		"place_name_en LIKE '%al\\-Nu_man'":              True,
		"S_INTERSECTS(geometry, BBOX(36.5, 35, 37, 36))": True, // on the edge
		"S_INTERSECTS(geometry, POLYGON((36 35, 37 35, 37 36, 36 36, 36 35), (36.2 35.2, 36.5 35.2, 36.5 35.8, 36.2 35.8, 36.2 35.2)))": True,  // on a hole's edge
		"S_INTERSECTS(geometry, POLYGON((36 35, 37 35, 37 36, 36 36, 36 35), (36.2 35.2, 36.6 35.2, 36.6 35.8, 36.2 35.8, 36.2 35.2)))": False, // in the hole
		"S_INTERSECTS(geometry, POINT(36.5 35.5))": True,
	} {
		e, err := ParseText(in, DefaultLimits)
		if err == nil {
			e, err = Check(e, schema)
		}
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if got := Eval(e, get); got != want {
			t.Errorf("Eval(%s) = %d, want %d", in, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		p, s string
		want bool
	}{
		{"%", "", true}, {"_", "", false}, {"_", "س", true}, {"a%b%c", "axxbyyc", true}, {"a%b%c", "axxbyy", false},
		{"%%a", "bba", true}, {`100\%`, "100%", true}, {`100\%`, "1000", false}, {`a\_b`, "a_b", true}, {`a\_b`, "axb", false},
		{"دير%", "دير الزور", true}, {"Idlib", "idlib", false},
	} {
		if got := Match(c.p, c.s); got != c.want {
			t.Errorf("Match(%q, %q) = %t, want %t", c.p, c.s, got, c.want)
		}
	}
}

// FuzzParseText checks that any input parses or fails with an *Error, and
// that what parses prints to text that parses back the same.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"(incident_type = 'arrest') AND (killed > 0)",
		"place_name_en NOT LIKE '%''s%' OR killed IN (1, 2) OR injured BETWEEN 1 AND 5 OR killed IS NOT NULL",
		"S_INTERSECTS(geometry, MULTIPOLYGON(((36 35, 37 35, 37 36, 36 35))))",
		"date_from >= DATE('2025-11-24') AND NOT created_at < TIMESTAMP('2025-11-24T08:00:00Z')",
		`"a b" = 'x''y'`, "S_INTERSECTS(BBOX(170, -10, -170, 10), geometry)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseText(s, DefaultLimits)
		if err != nil {
			if !errors.As(err, new(*Error)) {
				t.Fatalf("ParseText(%q) failed with %T %v, not an *Error", s, err, err)
			}
			return
		}
		Check(e, schema) // must not panic
		again, err := ParseText(Text(e), DefaultLimits)
		if err != nil || !reflect.DeepEqual(again, e) {
			t.Fatalf("ParseText(%q) = %#v\nprinted %q, which parses to %#v, %v", s, e, Text(e), again, err)
		}
	})
}

// FuzzParseJSON checks that any input parses or fails with an *Error, and
// that what parses means what its text encoding means.
func FuzzParseJSON(f *testing.F) {
	f.Add(`{"op":"and","args":[{"op":"=","args":[{"property":"incident_type"},"arrest"]},{"op":">","args":[{"property":"killed"},0]}]}`)
	f.Add(`{"op":"s_intersects","args":[{"property":"geometry"},{"type":"MultiPolygon","coordinates":[[[[36,35],[37,35],[37,36],[36,35]]]]}]}`)
	f.Add(`{"op":"in","args":[{"property":"date_from"},[{"date":"2025-11-24"},{"timestamp":"2025-11-24T00:00:00Z"}]]}`)
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseJSON(s, DefaultLimits)
		if err != nil {
			if !errors.As(err, new(*Error)) {
				t.Fatalf("ParseJSON(%q) failed with %T %v, not an *Error", s, err, err)
			}
			return
		}
		Check(e, schema)
		again, err := ParseText(Text(e), DefaultLimits)
		if err != nil || !reflect.DeepEqual(again, e) {
			t.Fatalf("ParseJSON(%q) = %#v\nprinted %q, which parses to %#v, %v", s, e, Text(e), again, err)
		}
	})
}
