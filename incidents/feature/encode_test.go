package feature

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// reflectJSON is the encoding AppendFeature replaces: encoding/json over
// Of(inc), HTML escaping off, as CollectionWriter used to write each feature.
func reflectJSON(t testing.TB, inc incidents.Incident) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Of(inc)); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func ptr[T any](v T) *T { return &v }

// awkward are the strings every text field is tried with.
var awkward = map[string]string{
	"empty":           "",
	"arabic":          "قصف مدفعي على الأحياء الشرقية من المدينة، وأنباء عن جرحى",
	"mixed":           "Saraqib سراقب, Idlib إدلب",
	"quotes":          `he said "now" and 'then'`,
	"backslashes":     `C:\path\to\file \\ \"`,
	"controls":        "a\x00b\x01c\x08d\x0ce\nf\rg\th\x1fi\x7fj",
	"html":            `</script><script>alert(1)</script> & <b>`,
	"invalid utf-8":   "ok\xffbad\xc3(\xed\xa0\x80\xf4\x90\x80\x80end\xe2\x82",
	"line separators": "a\u2028b\u2029c\u2027d\u202ae",
	"replacement":     "already \ufffd here",
	"astral":          "map 🗺 pin 📍",
	"only escapes":    "\"\\\n\u2028\xff",
	"utf-8 edges":     "\xc0\x80\xc1\xbf\xc2\x80\xdf\xbf\xc2\xdf\xe2\x80\xe2\x80\xa7\xef\xbf\xbf\xc2",
}

// encodeCases returns incidents covering every field set, every nullable
// field null, awkward text, extreme numbers and timestamps.
func encodeCases() map[string]incidents.Incident {
	day := time.Date(2016, 2, 3, 0, 0, 0, 0, time.UTC)
	full := incidents.Incident{ID: 42, Type: incidents.TypeShelling, DateFrom: day, DateTo: day.AddDate(0, 0, 2),
		DatePrecision: incidents.DateDay, PlaceNameAR: "سراقب", PlaceNameEN: "Saraqib", Admin1PCode: "SY07",
		Admin1Name: "Idlib", Location: orb.Point{36.8034, 35.866}, GeoPrecision: incidents.GeoTown,
		Killed: ptr(3), Injured: ptr(0), Arrested: ptr(12), SummaryAR: "قصف قرب سراقب", SummaryEN: "Shelling near Saraqib.",
		Sources: []incidents.Source{{Title: "A report", URL: "https://example.org/a?x=1&y=2", Publisher: "Example", Published: day},
			{Title: "Another", URL: "https://example.org/b", Publisher: "Other"}},
		Status: incidents.StatusPublished, CreatedAt: day.Add(90 * time.Minute), UpdatedAt: day.Add(26 * time.Hour)}
	cases := map[string]incidents.Incident{
		"all fields set":      full,
		"all nullable null":   {Type: incidents.TypeArrest, Location: orb.Point{36.3, 33.5}},
		"empty sources slice": {ID: 1, Type: incidents.TypeArrest, Sources: []incidents.Source{}},
	}
	for name, s := range awkward {
		inc := full
		inc.PlaceNameAR, inc.PlaceNameEN, inc.Admin1Name, inc.SummaryAR, inc.SummaryEN = s, s, s, s, s
		inc.Type, inc.Status, inc.GeoPrecision = incidents.Type(s), incidents.Status(s), incidents.GeoPrecision(s)
		inc.DatePrecision, inc.Admin1PCode = incidents.DatePrecision(s), s
		inc.Sources = []incidents.Source{{Title: s, URL: s, Publisher: s}, {Title: s, Published: day}}
		cases["text: "+name] = inc
	}
	coords := map[string]orb.Point{
		"zero": {0, 0}, "negative zero": {math.Copysign(0, -1), -0.0}, "antimeridian": {180, -90},
		"tiny": {1e-7, -1e-6}, "just below exponent": {999999999999999999999.0 - 1e5, 0.000001},
		"exponent": {1e21, -1.5e300}, "extremes": {math.MaxFloat64, -math.SmallestNonzeroFloat64},
		"long digits": {36.80340000000001, 0.1 + 0.2},
	}
	for name, p := range coords {
		inc := full
		inc.Location = p
		cases["location: "+name] = inc
	}
	counts := map[string]int{"max": math.MaxInt, "min": math.MinInt, "negative": -1}
	for name, n := range counts {
		inc := full
		inc.Killed, inc.Injured, inc.Arrested, inc.ID = &n, &n, nil, int64(n)
		cases["count: "+name] = inc
	}
	beirut := time.FixedZone("EET", 2*3600)
	times := map[string][2]time.Time{
		"created only":       {day, {}},
		"non-UTC zone":       {time.Date(2020, 5, 6, 1, 30, 0, 0, beirut), time.Date(2020, 5, 6, 23, 59, 59, 999, beirut)},
		"far years":          {time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC), time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"updated only, lost": {{}, day}, // PropertiesOf drops both
	}
	for name, ts := range times {
		inc := full
		inc.CreatedAt, inc.UpdatedAt = ts[0], ts[1]
		inc.DateFrom, inc.DateTo = ts[0], ts[1]
		inc.Sources = []incidents.Source{{Title: "t", Published: ts[1]}}
		cases["time: "+name] = inc
	}
	return cases
}

func TestAppendFeature_MatchesJSON(t *testing.T) {
	for name, inc := range encodeCases() {
		t.Run(name, func(t *testing.T) {
			want := reflectJSON(t, inc)
			got, err := AppendFeature([]byte("prefix"), inc)
			if err != nil {
				t.Fatalf("AppendFeature: %v", err)
			}
			if got := string(got); got != "prefix"+string(want) {
				t.Errorf("AppendFeature =\n%s\nwant (encoding/json)\n%s", got, want)
			}
		})
	}
}

// TestCollectionWriter_MatchesJSON holds the whole collection, separators and
// newlines included, to what the encoding/json writer produced.
func TestCollectionWriter_MatchesJSON(t *testing.T) {
	var want, got bytes.Buffer
	want.WriteString(`{"type":"FeatureCollection","features":[`)
	cw := NewCollectionWriter(&got)
	cases := encodeCases()
	n := 0
	for name, inc := range cases {
		if n > 0 {
			want.WriteByte(',')
		}
		n++
		want.Write(reflectJSON(t, inc))
		want.WriteByte('\n')
		if err := cw.Write(inc); err != nil {
			t.Fatalf("Write(%s): %v", name, err)
		}
	}
	if err := cw.Close(map[string]any{"timeStamp": "2026-01-02T03:04:05Z"}); err != nil {
		t.Fatal(err)
	}
	want.WriteString(`],"numberReturned":` + strconv.Itoa(len(cases)) + `,"timeStamp":"2026-01-02T03:04:05Z"}` + "\n")
	if g, w := got.Bytes(), want.Bytes(); !bytes.Equal(g, w) {
		i := 0
		for i < min(len(g), len(w)) && g[i] == w[i] {
			i++
		}
		t.Errorf("collection differs from encoding/json's at byte %d of %d:\n got …%q\nwant …%q",
			i, len(w), g[max(0, i-40):min(len(g), i+40)], w[max(0, i-40):min(len(w), i+40)])
	}
	if !json.Valid(got.Bytes()) {
		t.Errorf("collection is not valid JSON")
	}
}

func TestAppendFeature_NotFinite(t *testing.T) {
	for _, p := range []orb.Point{{math.NaN(), 0}, {0, math.Inf(1)}, {math.Inf(-1), 1}} {
		inc := incidents.Incident{ID: 7, Type: incidents.TypeArrest, Location: p}
		if _, err := json.Marshal(Of(inc)); err == nil {
			t.Fatalf("encoding/json accepted %v; the contract changed", p)
		}
		got, err := AppendFeature([]byte("x"), inc)
		if !errors.Is(err, incidents.ErrInvalid) || string(got) != "x" {
			t.Errorf("AppendFeature(%v) = %q, %v; want x unchanged and ErrInvalid", p, got, err)
		}
	}
}

// TestAppendString states the escapes clients rely on, independently of
// encoding/json.
func TestAppendString(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"plain":        {"Idlib", `"Idlib"`},
		"arabic":       {"إدلب", `"إدلب"`},
		"quote, slash": {`a"b\c`, `"a\"b\\c"`},
		"named":        {"\b\f\n\r\t", `"\b\f\n\r\t"`},
		"other ctrl":   {"\x00\x1f\x7f", `"\u0000\u001f` + "\x7f" + `"`},
		"html kept":    {"</script>&", `"</script>&"`},
		"invalid":      {"a\xffb\xc3", `"a\ufffdb\ufffd"`},
		"separators":   {"\u2028\u2029", `"\u2028\u2029"`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := string(appendString(nil, tc.in)); got != tc.want {
				t.Errorf("appendString(%q) = %s; want %s", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzEncodeMatchesJSON(f *testing.F) {
	for _, s := range awkward {
		f.Add(s, "https://example.org/"+s, 36.8, 35.9, 3, int64(1_700_000_000))
	}
	f.Add("", "", 0.0, -0.0, 0, int64(0))
	f.Add("\u2028</script>\xff", "\"\\", 1e21, 1e-7, -1, int64(-62135596800))
	f.Fuzz(func(t *testing.T, text, url string, lon, lat float64, n int, unix int64) {
		ts := time.Unix(unix, int64(n)).UTC()
		inc := incidents.Incident{ID: unix, Type: incidents.Type(text), DateFrom: ts, DatePrecision: incidents.DatePrecision(url),
			PlaceNameAR: text, PlaceNameEN: url, Admin1Name: strings.ToUpper(text), Location: orb.Point{lon, lat},
			Killed: &n, SummaryAR: text + url, SummaryEN: url + text, Status: incidents.Status(url), CreatedAt: ts, UpdatedAt: ts,
			Sources: []incidents.Source{{Title: text, URL: url, Publisher: text, Published: ts}}}
		got, err := AppendFeature(nil, inc)
		if !finite(lon) || !finite(lat) {
			if err == nil {
				t.Fatalf("AppendFeature(%v) = %s; want an error", inc.Location, got)
			}
			return
		}
		if err != nil {
			t.Fatalf("AppendFeature: %v", err)
		}
		if want := reflectJSON(t, inc); !bytes.Equal(got, want) {
			t.Fatalf("AppendFeature =\n%s\nwant (encoding/json)\n%s", got, want)
		}
	})
}

// TestCollectionWriter_SkipsUnencodable checks that a feature that cannot be
// encoded leaves the collection valid and uncounted.
func TestCollectionWriter_SkipsUnencodable(t *testing.T) {
	var got bytes.Buffer
	cw := NewCollectionWriter(&got)
	good := encodeCases()["all fields set"]
	bad := good
	bad.Location = orb.Point{math.NaN(), 35}
	for _, inc := range []incidents.Incident{good, bad, good} {
		cw.Write(inc)
	}
	cw.Close(nil)
	var fc struct {
		Features       []json.RawMessage
		NumberReturned int
	}
	if err := json.Unmarshal(got.Bytes(), &fc); err != nil {
		t.Fatalf("collection with a skipped feature is not valid JSON: %v\n%s", err, got.Bytes())
	}
	if len(fc.Features) != 2 || fc.NumberReturned != 2 {
		t.Errorf("%d features, numberReturned %d; want 2 and 2", len(fc.Features), fc.NumberReturned)
	}
}

// TestCollectionWriter_BufferedOrNot: a collection written straight into a
// buffer (a page built in memory) and one streamed through the writer's
// own buffer (an export to the network) are the same bytes.
func TestCollectionWriter_BufferedOrNot(t *testing.T) {
	cases := encodeCases()
	names := slices.Sorted(maps.Keys(cases))
	var direct, streamed bytes.Buffer
	for _, cw := range []*CollectionWriter{NewCollectionWriter(&direct), NewCollectionWriter(struct{ io.Writer }{&streamed})} {
		for _, name := range names {
			if err := cw.Write(cases[name]); err != nil {
				t.Fatalf("Write(%s): %v", name, err)
			}
		}
		cw.WriteEncoded([]byte(`{"type":"Feature"}`))
		if err := cw.Close(map[string]any{"b": 1, "a": "x"}); err != nil {
			t.Fatal(err)
		}
	}
	if direct.Len() == 0 || !bytes.Equal(direct.Bytes(), streamed.Bytes()) {
		t.Errorf("direct (%d bytes) and streamed (%d bytes) collections differ", direct.Len(), streamed.Len())
	}
}
