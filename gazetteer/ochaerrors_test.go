package gazetteer

import (
	"errors"
	"strings"
	"testing"
)

// TestScanOCHA_TypeErrorsInJSONWords: a file with a value of the wrong kind
// is refused in JSON's words, naming the feature and the member, as the
// API's bodies are (internal/jsonerr). It was told in encoding/json's:
// "json: cannot unmarshal string into Go value of type geojson.jsonGeometry",
// naming neither.
func TestScanOCHA_TypeErrorsInJSONWords(t *testing.T) {
	const point = `"geometry":{"type":"Point","coordinates":[36.6,36.2]}`
	feature := func(s string) string { return `{"type":"FeatureCollection","features":[` + s + `]}` }
	tests := map[string]struct{ in, want string }{
		"file is an array":       {`[]`, "the file: an array where an object (a FeatureCollection) is wanted"},
		"file is a string":       {`"x"`, "the file: a string where an object (a FeatureCollection) is wanted"},
		"collection type number": {`{"type":1,"features":[]}`, `member "type": a number where a string is wanted`},
		"features an object":     {`{"type":"FeatureCollection","features":{}}`, `member "features": an object where an array is wanted`},
		"feature a number":       {feature(`1`), "feature 1: a number where an object is wanted"},
		"feature type number":    {feature(`{"type":5,"properties":{},` + point + `}`), "feature 1: type: a number where a string is wanted"},
		"properties a string":    {feature(`{"type":"Feature","properties":"x",` + point + `}`), "feature 1: properties: a string where an object is wanted"},
		"geometry a string":      {feature(`{"type":"Feature","properties":{},"geometry":"x"}`), "feature 1: geometry: a string where an object is wanted"},
		"geometry type array":    {feature(`{"type":"Feature","properties":{},"geometry":{"type":[],"coordinates":[1,2]}}`), "feature 1: geometry.type: an array where a string is wanted"},
		"coordinate a string":    {feature(`{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["a","b"]}}`), "feature 1: geometry.coordinates: a string where a number is wanted"},
		"coordinates an object":  {feature(`{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":{}}}`), "feature 1: geometry.coordinates: an object where an array is wanted"},
		"bbox a string":          {feature(`{"type":"Feature","properties":{},"bbox":"x",` + point + `}`), "feature 1: bbox: a string where an array is wanted"},
		"second feature": {feature(`{"type":"Feature","properties":{"name":"elsewhere"},` + point + `},` +
			`{"type":"Feature","properties":[],` + point + `}`), "feature 2: properties: an array where an object is wanted"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			err := ScanOCHA(strings.NewReader(tc.in), func(Place) error { return nil }, func(Area) error { return nil })
			if !errors.Is(err, ErrBadData) {
				t.Fatalf("ScanOCHA(%s) = %v; want ErrBadData", tc.in, err)
			}
			if !strings.HasSuffix(err.Error(), "ocha: "+tc.want) {
				t.Errorf("ScanOCHA(%s) = %q; want it to end %q", tc.in, err, "ocha: "+tc.want)
			}
			for _, goWord := range []string{"Go ", "unmarshal", "geojson.", "orb.", "json:"} {
				if strings.Contains(err.Error(), goWord) {
					t.Errorf("ScanOCHA(%s) = %q: says %q", tc.in, err, goWord)
				}
			}
		})
	}
}
