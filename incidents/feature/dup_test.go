package feature

import (
	"errors"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestDecode_DuplicateMembers checks that a member named twice in one object
// of an imported file is refused, naming the member and the feature, where
// encoding/json had read the last of them: a second "properties" replaced the
// first, "killed" then "Killed" stored the second count, and a second
// "features" array was skipped unread, its features never imported.
func TestDecode_DuplicateMembers(t *testing.T) {
	other := strings.Replace(good, `"shelling"`, `"airstrike"`, 1)
	tests := map[string]struct {
		in   string
		want []string // fragments of the error
	}{
		"killed twice, feature 2": {`{"type":"FeatureCollection","features":[` + good + `,` +
			strings.Replace(good, `"properties":{`, `"properties":{"killed":1,"killed":90,`, 1) + `]}`,
			[]string{"feature 2", `member "killed" given twice in properties`}},
		"two properties": {`{"type":"FeatureCollection","features":[` +
			strings.Replace(good, `"properties":{`, `"properties":{"killed":7},"properties":{`, 1) + `]}`,
			[]string{"feature 1", `member "properties" given twice`}},
		"killed in another case": {strings.Replace(good, `"properties":{`, `"properties":{"killed":1,"Killed":90,`, 1),
			[]string{"feature 1", `members "killed" and "Killed" name one field in properties`}},
		"a K of another alphabet": {strings.Replace(good, `"properties":{`, `"properties":{"killed":1,"\u212Ailled":90,`, 1),
			[]string{"feature 1", "\"killed\" and \"\u212Ailled\" name one field"}},
		"escaped": {strings.Replace(good, `"properties":{`, `"properties":{"killed":1,"\u006billed":90,`, 1),
			[]string{"feature 1", `"killed" given twice`}},
		"a source's title twice": {good + "\n" + strings.Replace(good, `"title":"t"`, `"title":"t","title":"u"`, 1),
			[]string{"feature 2", `member "title" given twice in properties.sources[0]`}},
		"two geometries, newline-delimited": {good + "\n" + strings.Replace(good, `"geometry":`, `"geometry":{"type":"Point","coordinates":[40,35]},"geometry":`, 1),
			[]string{"feature 2", `member "geometry" given twice`}},
		"two types, the first feature of a stream": {strings.Replace(good, `"type":"Feature",`, `"type":"Feature","type":"Feature",`, 1) + "\n" + good,
			[]string{"feature 1", `member "type" given twice`}},
		"two features arrays": {`{"type":"FeatureCollection","features":[` + good + `],"features":[` + other + `,` + other + `]}`,
			[]string{"FeatureCollection", `member "features" given twice`}},
		"two types of a collection": {`{"type":"FeatureCollection","Type":"FeatureCollection","features":[` + good + `]}`,
			[]string{"FeatureCollection", `"type" and "Type"`}},
		"a type after the features": {`{"type":"FeatureCollection","features":[` + good + `],"type":"FeatureCollection"}`,
			[]string{"FeatureCollection", `member "type" given twice`}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := decodeAll(tc.in)
			for _, w := range tc.want {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("error %v, want one saying %q", err, w)
				}
			}
		})
	}
	// the same names in other objects are no duplicates
	if n, err := decodeAll(`{"type":"FeatureCollection","name":"type","features":[` + good + `,` + good + `],"bbox":[1,2,3,4]}`); n != 2 || err != nil {
		t.Errorf("a collection of two features: %d, %v", n, err)
	}
	if _, err := Unmarshal([]byte(strings.Replace(good, `"properties":{`, `"properties":{"killed":1,"Killed":90,`, 1)), incidents.StatusPublished); err == nil {
		t.Error("Unmarshal, behind the write API's bodies, took killed and Killed")
	}
}

// TestDecodeCSV_SourceMembersTwice checks that a source named twice a title in
// a CSV row's sources cell is refused, naming the row, the column and the
// member, where the last title had been stored.
func TestDecodeCSV_SourceMembersTwice(t *testing.T) {
	in := "lat,lon,incident_type,date_from,date_precision,geo_precision,sources\n" +
		`35.8,36.8,shelling,2025-12-03,day,town,"[{""title"":""first"",""url"":""https://example.org/1""}]"` + "\n" +
		`35.8,36.8,shelling,2025-12-03,day,town,"[{""title"":""first"",""Title"":""second"",""url"":""https://example.org/1""}]"` + "\n"
	_, err := decodeCSVAll(in)
	var ce *CSVError
	if !errors.As(err, &ce) || ce.Row != 3 || ce.Column != "sources" || !strings.Contains(err.Error(), `"title" and "Title" name one field in sources[0]`) {
		t.Errorf("error = %v, want row 3, column sources, naming title and Title", err)
	}
}
