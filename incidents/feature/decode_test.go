package feature

import (
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

const good = `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.8,35.87]},"properties":{"incident_type":"shelling","date_from":"2025-12-03","date_precision":"day","geo_precision":"town","sources":[{"title":"t","url":"https://example.org/x","publisher":"p","published":"2025-12-04"}]}}`

func decodeAll(s string) (int, error) {
	n := 0
	for _, err := range Decode(strings.NewReader(s), incidents.StatusPublished) {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func TestDecode(t *testing.T) {
	tests := map[string]struct {
		in      string
		wantN   int
		wantErr string // a fragment of the error; empty for none
	}{
		"collection":                 {in: `{"type":"FeatureCollection","features":[` + good + `,` + good + `]}`, wantN: 2},
		"collection, features first": {in: `{"features":[` + good + `],"type":"FeatureCollection"}`, wantN: 1},
		"empty collection":           {in: `{"type":"FeatureCollection","features":[]}`, wantN: 0},
		"newline-delimited":          {in: good + "\n" + good + "\n" + good + "\n", wantN: 3},
		"one feature":                {in: good, wantN: 1},
		"trailing garbage":           {in: `{"type":"FeatureCollection","features":[]} x`, wantErr: "after the FeatureCollection"},
		"empty":                      {in: "", wantErr: "empty input"},
		"an array":                   {in: "[" + good + "]", wantErr: "FeatureCollection or Feature"},
		"truncated":                  {in: `{"type":"FeatureCollection","features":[` + good, wantErr: "feature 2"},
		"second bad":                 {in: good + "\n" + strings.Replace(good, `"day"`, `"week"`, 1), wantErr: "feature 2"},
		"line string":                {in: strings.Replace(good, `{"type":"Point","coordinates":[36.8,35.87]}`, `{"type":"LineString","coordinates":[[36.8,35.87],[36,35]]}`, 1), wantErr: "want a Point"},
		"no geometry":                {in: strings.Replace(good, `{"type":"Point","coordinates":[36.8,35.87]}`, `null`, 1), wantErr: "geometry"},
		"unknown property":           {in: strings.Replace(good, `"incident_type"`, `"incidnet_type":"x","incident_type"`, 1), wantErr: "incidnet_type"},
		"bad date":                   {in: strings.Replace(good, `2025-12-03`, `03/12/2025`, 1), wantErr: "date_from"},
		"bad published":              {in: strings.Replace(good, `2025-12-04`, `soon`, 1), wantErr: "sources[0].published"},
		"not a feature":              {in: strings.Replace(good, `"type":"Feature"`, `"type":"Thing"`, 1), wantErr: "want Feature"},
		"collection of other":        {in: `{"type":"Topology","features":[]}`, wantErr: "FeatureCollection"},
		"deep nesting":               {in: `{"type":"Feature","properties":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`, wantErr: "depth"},
		"no coordinates":             {in: strings.Replace(good, `[36.8,35.87]`, `[]`, 1), wantErr: "geometry: coordinates: want [lon, lat] or [lon, lat, altitude], got 0 numbers"},
		"one coordinate":             {in: strings.Replace(good, `[36.8,35.87]`, `[36.5]`, 1), wantErr: "got 1 numbers"},
		"four coordinates":           {in: strings.Replace(good, `[36.8,35.87]`, `[180,90,5,6]`, 1), wantErr: "got 4 numbers"},
		"null coordinate":            {in: strings.Replace(good, `[36.8,35.87]`, `[36.8,null]`, 1), wantErr: "geometry: coordinates: null"},
		"coordinates not numbers":    {in: strings.Replace(good, `[36.8,35.87]`, `["36.8","35.87"]`, 1), wantErr: "geometry: coordinates"},
		"coordinates missing":        {in: strings.Replace(good, `,"coordinates":[36.8,35.87]`, ``, 1), wantErr: "geometry: coordinates"},
		"coordinates null":           {in: strings.Replace(good, `[36.8,35.87]`, `null`, 1), wantErr: "geometry: coordinates"},
		"with an altitude":           {in: strings.Replace(good, `[36.8,35.87]`, `[36.8,35.87,410]`, 1), wantN: 1},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			n, err := decodeAll(tc.in)
			if tc.wantErr == "" {
				if err != nil || n != tc.wantN {
					t.Errorf("decoded %d, %v; want %d, nil", n, err, tc.wantN)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error = %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestDecode_DecodeErrorNamesFeature(t *testing.T) {
	_, err := decodeAll(good + "\n" + good + "\n" + strings.Replace(good, "shelling", "riot", 1))
	var de *DecodeError
	if !errors.As(err, &de) || de.N != 3 || !errors.Is(err, incidents.ErrInvalid) {
		t.Errorf("error = %v, want a DecodeError for feature 3 wrapping ErrInvalid", err)
	}
}

func TestRoundTrip(t *testing.T) {
	var first incidents.Incident
	for inc, err := range Decode(strings.NewReader(good), incidents.StatusDraft) {
		if err != nil {
			t.Fatal(err)
		}
		first = inc
	}
	if first.Status != incidents.StatusDraft || !first.DateTo.Equal(first.DateFrom) || len(first.Sources) != 1 {
		t.Fatalf("decoded %+v: want a draft, date_to defaulting to date_from, one source", first)
	}
	b, err := json.Marshal(Of(first))
	if err != nil {
		t.Fatal(err)
	}
	again, err := Unmarshal(b, incidents.StatusPublished)
	if err != nil {
		t.Fatalf("re-decoding our own encoding: %v\n%s", err, b)
	}
	if again.Type != first.Type || again.Location != first.Location || again.Sources[0].URL != first.Sources[0].URL || again.Status != first.Status {
		t.Errorf("round trip changed %+v into %+v", first, again)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(good)
	f.Add(`{"type":"FeatureCollection","features":[` + good + `]}`)
	f.Add(`{"type":"Feature","geometry":{"type":"Point","coordinates":[1e400,0]},"properties":{}}`)
	f.Fuzz(func(t *testing.T, s string) {
		for inc, err := range Decode(strings.NewReader(s), incidents.StatusPublished) {
			if err == nil {
				if verr := inc.Validate(); verr != nil {
					t.Fatalf("Decode yielded an invalid incident: %v", verr)
				}
			}
		}
	})
}

// TestUnmarshal_Defaults: what a feature may leave out. date_to defaults to
// date_from; date_precision to day for one day and range for several (it was
// a 400); a third coordinate, an altitude, is dropped.
func TestUnmarshal_Defaults(t *testing.T) {
	noPrec := strings.Replace(good, `"date_precision":"day",`, ``, 1)
	tests := map[string]struct {
		in       string
		from, to string
		prec     incidents.DatePrecision
	}{
		"one day":          {noPrec, "2025-12-03", "2025-12-03", incidents.DateDay},
		"a range":          {strings.Replace(noPrec, `"date_from":"2025-12-03"`, `"date_from":"2025-12-01","date_to":"2025-12-03"`, 1), "2025-12-01", "2025-12-03", incidents.DateRange},
		"null precision":   {strings.Replace(good, `"day"`, `null`, 1), "2025-12-03", "2025-12-03", incidents.DateDay},
		"given precision":  {strings.Replace(good, `"day"`, `"month"`, 1), "2025-12-03", "2025-12-03", incidents.DateMonth},
		"a draft, no date": {strings.Replace(strings.Replace(noPrec, `"date_from":"2025-12-03",`, ``, 1), `"shelling"`, `"shelling","status":"draft"`, 1), "", "", ""},
		"with an altitude": {strings.Replace(good, `[36.8,35.87]`, `[36.8,35.87,410]`, 1), "2025-12-03", "2025-12-03", incidents.DateDay},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			inc, err := Unmarshal([]byte(tc.in), incidents.StatusPublished)
			if err != nil {
				t.Fatal(err)
			}
			if incidents.FormatDate(inc.DateFrom) != tc.from || incidents.FormatDate(inc.DateTo) != tc.to || inc.DatePrecision != tc.prec ||
				inc.Location != (orb.Point{36.8, 35.87}) {
				t.Errorf("got %s..%s %q at %v, want %s..%s %q at [36.8 35.87]", incidents.FormatDate(inc.DateFrom),
					incidents.FormatDate(inc.DateTo), inc.DatePrecision, inc.Location, tc.from, tc.to, tc.prec)
			}
		})
	}
}

// TestDecode_FeatureTooLong: a feature far longer than any incident, in a
// collection or a newline-delimited stream, is refused naming it, after a
// bounded amount of memory. A 100 MB feature was read whole (570 MB for
// `mapsrv import`), and one without end read until memory ran out.
func TestDecode_FeatureTooLong(t *testing.T) {
	long := `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.8,35.87]},"properties":{"summary_en":"`
	for name, r := range map[string]io.Reader{
		"collection, 100 MB": io.MultiReader(strings.NewReader(`{"type":"FeatureCollection","features":[`+good+`,`+long),
			io.LimitReader(endless('x'), 100<<20), strings.NewReader(`"}}]}`)),
		"stream, endless":   io.MultiReader(strings.NewReader(good+"\n"+long), endless('y')),
		"an endless member": io.MultiReader(strings.NewReader(`{"type":"FeatureCollection","name":"`), endless('z')),
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		var err error
		for _, e := range Decode(r, incidents.StatusPublished) {
			if err = e; err != nil {
				break
			}
		}
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrBadGeoJSON) || !strings.Contains(err.Error(), "longer than") {
			t.Errorf("%s: %v; want the feature refused as too long", name, err)
		}
		var de *DecodeError
		if name != "an endless member" && (!errors.As(err, &de) || de.N != 2) {
			t.Errorf("%s: %v; want it to name feature 2", name, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
			t.Errorf("%s: %d MB allocated, want at most 32", name, alloc>>20)
		}
	}
}

// A source's link is stored as incidents.CanonicalURL gives it, so that one
// report cited through two links is one source.
func TestDecode_SourceURLCanonical(t *testing.T) {
	in := strings.Replace(good, `https://example.org/x`, `HTTPS://Example.org/x?utm_source=share#top`, 1)
	for inc, err := range Decode(strings.NewReader(in), incidents.StatusPublished) {
		if err != nil {
			t.Fatal(err)
		}
		if got := inc.Sources[0].URL; got != "https://example.org/x" {
			t.Errorf("source URL stored as %q, want https://example.org/x", got)
		}
	}
}
