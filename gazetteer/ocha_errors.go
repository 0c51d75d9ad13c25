package gazetteer

import (
	"encoding/json"
	"errors"

	"github.com/mapsrv/mapsrv/internal/jsonerr"
)

// featureShape is the shape orb's geojson.Feature reads, with the members'
// names as tags, so that encoding/json names the member of a value of the
// wrong kind: orb decodes through its own types and names only those
// ("cannot unmarshal string into Go value of type geojson.jsonGeometry").
type featureShape struct {
	Type       string          `json:"type"`
	Properties map[string]any  `json:"properties"`
	Geometry   *geometryShape  `json:"geometry"`
	BBox       []float64       `json:"bbox"`
	ID         json.RawMessage `json:"id"`
}

type geometryShape struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
	Geometries  []geometryShape `json:"geometries"`
}

// describeFeatureError tells err, orb's error decoding the feature raw, in
// JSON's words, naming the member when the error is of a value's kind:
// "geometry: a string where an object is wanted". A kind the shape above
// accepts but orb does not lies in the coordinates, whose depth depends on
// the geometry's type.
func describeFeatureError(raw []byte, err error) string {
	if !errors.As(err, new(*json.UnmarshalTypeError)) {
		return jsonerr.Describe(err)
	}
	var shape featureShape
	if serr := json.Unmarshal(raw, &shape); errors.As(serr, new(*json.UnmarshalTypeError)) {
		return jsonerr.Describe(serr)
	}
	return "geometry.coordinates: " + jsonerr.Describe(err)
}

// kindWords names the kind of value a token of encoding/json starts in
// jsonerr's words: "an array", "a string", "true or false", "null".
func kindWords(tok json.Token) string { return jsonerr.Kind(jsonKind(tok)) }
