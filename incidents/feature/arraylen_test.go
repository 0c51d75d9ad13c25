package feature

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

func TestArrayLen(t *testing.T) {
	tests := map[string]int{
		`[]`: 0, ` [ ] `: 0, `[1]`: 1, `[1,2,3]`: 3, `[{},{}]`: 2, `[[1,2],[3]]`: 2,
		`["a,b","c]",{"x":[1,2]}]`: 3, `["\"", "\\", "\\\""]`: 3, `[null, true]`: 2,
		`{}`: -1, `"x"`: -1, `1`: -1, `null`: -1, ``: -1,
	}
	for in, want := range tests {
		if got := arrayLen([]byte(in)); got != want {
			t.Errorf("arrayLen(%s) = %d; want %d", in, got, want)
		}
	}
}

// allocated is the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestParse_LongArraysRefusedBeforeDecoding: a feature's sources and its
// coordinates are counted before they are decoded. A 1 MiB body of
// "sources": [{},{},…] was decoded into 349,000 sources before the 100 an
// incident may cite was checked: some 100 MB for one request, 980 MB for
// 32 at once (body limits bound what is read, not what it decodes into),
// and a PATCH did it again inside SQLite's write transaction, so that
// others waiting for the lock were answered 500 "database is locked".
func TestParse_LongArraysRefusedBeforeDecoding(t *testing.T) {
	const geometry = `"geometry":{"type":"Point","coordinates":[36.8,35.87]}`
	const props = `"incident_type":"shelling","date_from":"2025-12-03","geo_precision":"town","place_name_en":"Saraqib","admin1_pcode":"SY07"`
	n := 349_000
	tests := map[string]struct {
		body string
		want string
	}{
		"sources": {`{"type":"Feature",` + geometry + `,"properties":{` + props + `,"sources":[` + strings.Repeat(`{},`, n-1) + `{}]}}`,
			"sources: 349000 sources; an incident cites at most 100"},
		"sources with case": {`{"type":"Feature",` + geometry + `,"properties":{` + props + `,"Sources":[` + strings.Repeat(`{},`, n-1) + `{}]}}`,
			"sources: 349000 sources; an incident cites at most 100"},
		"coordinates": {`{"type":"Feature","geometry":{"type":"Point","coordinates":[` + strings.Repeat(`1,`, 2*n-1) + `1]},"properties":{` + props + `}}`,
			"want [lon, lat] or [lon, lat, altitude], got 698000 numbers"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var err error
			bytes := allocated(func() { _, err = Parse([]byte(tc.body)) })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse = %v; want an error saying %q", err, tc.want)
			}
			t.Logf("%s: %d KB body, %d KB allocated", name, len(tc.body)>>10, bytes>>10)
			if bytes > 8*uint64(len(tc.body)) {
				t.Errorf("Parse of a %d KB body allocated %d KB before refusing it", len(tc.body)>>10, bytes>>10)
			}
		})
	}
	// At the most, they are read as before.
	body := `{"type":"Feature",` + geometry + `,"properties":{` + props + `,"sources":[` +
		strings.Repeat(`{"title":"t","url":"https://a.example/1"},`, 0) + `{"title":"t","url":"https://a.example/1"}]}}`
	if _, err := Parse([]byte(body)); err != nil {
		t.Errorf("one source: %v", err)
	}
	many := `{"type":"Feature",` + geometry + `,"properties":{` + props + `,"sources":[` + strings.Repeat(`{"title":"t"},`, 100) + `{"title":"t"}]}}`
	if _, err := Parse([]byte(many)); err == nil || !errors.Is(err, incidents.ErrInvalid) {
		t.Errorf("101 sources: %v; want incidents.ErrInvalid", err)
	}
}
