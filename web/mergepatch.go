package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/internal/jsondup"
	"github.com/mapsrv/mapsrv/internal/jsonerr"
)

// propertyNames are the members of a feature's properties, as
// feature.Properties names them.
var propertyNames = func() map[string]bool {
	names := map[string]bool{}
	t := reflect.TypeFor[feature.Properties]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		names[name] = true
	}
	return names
}()

// Members of a feature other than its properties that a patch may change:
// the rest (id, links, bbox…) is read by nothing.
var (
	featureNames  = map[string]bool{"type": true, "geometry": true, "properties": true, "id": false} // false: read by nothing
	geometryNames = map[string]bool{"type": true, "coordinates": true}
)

// checkMergePatch checks a JSON merge patch of a feature, readBody having
// read it, before the store's write transaction is begun: a patch the
// merge would refuse whatever the stored feature is refused here, and the
// patch returned holds only what the merge reads. The patch was parsed and
// merged inside the transaction, so that a 1 MiB patch of 87,000 members
// held SQLite's write lock for half a second before it was refused; the
// merge now meets a patch of at most a member a field of the feature.
//
// Refused: a patch that is not an object; a type other than "Feature"; a
// geometry or properties that is not an object; a geometry type other than
// "Point" or coordinates that are not [lon, lat] or [lon, lat, altitude];
// a member named as one of the feature's but for case; a property the
// feature has not, given a value; a property's value of the wrong JSON
// type. Left out: members read by nothing (id, links, a geometry's bbox),
// and properties the feature has not, given null (which delete nothing).
// The merge and the decoding of the merged feature check the rest.
func checkMergePatch(body []byte) ([]byte, error) {
	var patch map[string]json.RawMessage
	if err := json.Unmarshal(body, &patch); err != nil || patch == nil { // null: replace the feature with nothing
		return nil, badRequest{"a merge patch must be a JSON object"}
	}
	out := map[string]json.RawMessage{}
	for name, v := range patch {
		if err := checkName(name, featureNames, ""); err != nil {
			return nil, err
		}
		if err := checkCRSPatch(name, v, ""); err != nil {
			return nil, err
		}
		if !featureNames[name] {
			continue
		}
		var err error
		switch name {
		case "type":
			if string(v) != `"Feature"` {
				var s string
				if json.Unmarshal(v, &s) != nil || s != "Feature" {
					err = fmt.Errorf("%w: type is %s, want Feature", feature.ErrBadGeoJSON, v)
				}
			}
		case "geometry":
			v, err = checkGeometryPatch(v)
		case "properties":
			v, err = checkPropertiesPatch(v)
		}
		if err != nil {
			return nil, err
		}
		out[name] = v
	}
	return json.Marshal(out)
}

// checkName refuses a member named as a known one but for case: the merge
// would refuse it, the stored feature having every known member.
func checkName(name string, known map[string]bool, path string) error {
	if _, ok := known[name]; ok {
		return nil
	}
	for k := range known {
		if jsondup.Key(k) == jsondup.Key(name) {
			return badRequest{fmt.Sprintf("the patch's member %q%s is %q in the feature: write it as the feature does", name, inPath(path), k)}
		}
	}
	return nil
}

// checkCRSPatch refuses a "crs" member (in any case) of a patch naming a
// CRS other than CRS84, as a feature's is refused: the merge left it out
// unread, and the patch's point was stored as if it were longitude first.
// A null takes out a member the stored feature has not.
func checkCRSPatch(name string, v json.RawMessage, where string) error {
	if jsondup.Key(name) != jsondup.Key("crs") || string(v) == "null" {
		return nil
	}
	return feature.CheckCRS(v, where)
}

func checkGeometryPatch(v json.RawMessage) (json.RawMessage, error) {
	var g map[string]json.RawMessage
	if err := json.Unmarshal(v, &g); err != nil || g == nil {
		return nil, fmt.Errorf("%w: geometry: a merge patch of the geometry must be an object", feature.ErrBadGeoJSON)
	}
	out := map[string]json.RawMessage{}
	for name, m := range g {
		if err := checkName(name, geometryNames, "geometry"); err != nil {
			return nil, err
		}
		if err := checkCRSPatch(name, m, "geometry"); err != nil {
			return nil, err
		}
		if geometryNames[name] {
			out[name] = m
		}
	}
	// The type and coordinates a patch gives replace the feature's whole.
	point := map[string]json.RawMessage{"type": json.RawMessage(`"Point"`), "coordinates": json.RawMessage(`[0,0]`)}
	for name, m := range out {
		point[name] = m
	}
	raw, _ := json.Marshal(point)
	if err := feature.CheckPoint(raw); err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

func checkPropertiesPatch(v json.RawMessage) (json.RawMessage, error) {
	var p map[string]json.RawMessage
	if err := json.Unmarshal(v, &p); err != nil || p == nil { // null would remove every property
		return nil, fmt.Errorf("%w: properties: a merge patch of the properties must be an object", feature.ErrBadGeoJSON)
	}
	out := map[string]json.RawMessage{}
	values := map[string]json.RawMessage{} // those that are not null, as the merged feature holds them
	for name, m := range p {
		if err := checkName(name, propertyNames, "properties"); err != nil {
			return nil, err
		}
		null := string(m) == "null"
		switch {
		case propertyNames[name]:
			out[name] = m
			if !null {
				values[name] = m
			}
		case !null:
			return nil, fmt.Errorf("%w: properties: unknown field %q", feature.ErrBadGeoJSON, name)
		}
	}
	raw, _ := json.Marshal(values)
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(new(feature.Properties)); errors.Is(err, incidents.ErrInvalid) {
		return nil, err // too many sources, refused before the write's transaction
	} else if err != nil {
		return nil, fmt.Errorf("%w: properties: %s", feature.ErrBadGeoJSON, jsonerr.Describe(err))
	}
	return json.Marshal(out)
}
