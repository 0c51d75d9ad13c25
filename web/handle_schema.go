package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/mapsrv/mapsrv/incidents"
)

// property is a member of a JSON object: in a schema's properties, a
// feature property and its JSON Schema.
type property struct {
	name  string
	value any
}

// incidentProperties are the properties of an incident's feature, in the
// order features carry them. Counts and dates are null when not known; each
// is given one type all the same, which is what GIS clients (GDAL's OAPIF
// driver) read to type their fields.
var incidentProperties = []property{
	{"incident_type", map[string]any{"type": "string", "enum": typeValues(), "description": "what happened; the vocabulary is fixed"}},
	{"date_from", map[string]any{"type": "string", "format": "date", "description": "first day it may have happened"}},
	{"date_to", map[string]any{"type": "string", "format": "date", "description": "last day it may have happened"}},
	{"date_precision", map[string]any{"type": "string", "enum": vocab(incidents.DatePrecisions)}},
	{"place_name_ar", map[string]any{"type": "string"}},
	{"place_name_en", map[string]any{"type": "string"}},
	{"admin1_pcode", map[string]any{"type": "string", "description": "OCHA governorate P-code, SY01..SY14"}},
	{"admin1_name", map[string]any{"type": "string"}},
	{"admin2_pcode", map[string]any{"type": "string", "description": "OCHA district (admin-2) P-code holding the point, such as SY0703; empty when the incident is known only to its governorate or country"}},
	{"geo_precision", map[string]any{"type": "string", "enum": vocab(incidents.GeoPrecisions)}},
	{"killed", map[string]any{"type": "integer", "minimum": 0, "maximum": incidents.MaxCount, "description": "null when not reported"}},
	{"injured", map[string]any{"type": "integer", "minimum": 0, "maximum": incidents.MaxCount, "description": "null when not reported"}},
	{"arrested", map[string]any{"type": "integer", "minimum": 0, "maximum": incidents.MaxCount, "description": "null when not reported"}},
	{"summary_ar", map[string]any{"type": "string"}},
	{"summary_en", map[string]any{"type": "string"}},
	{"sources", map[string]any{"type": "array", "maxItems": incidents.MaxSources, "items": map[string]any{"type": "object", "properties": object(
		property{"title", map[string]any{"type": "string", "description": "at most " + strconv.Itoa(incidents.MaxTitleBytes) + " bytes of UTF-8"}},
		property{"url", map[string]any{"type": "string", "description": "http or https, at most " + strconv.Itoa(incidents.MaxURLBytes) + " bytes; empty for a report that is not online"}},
		property{"publisher", map[string]any{"type": "string", "description": "at most " + strconv.Itoa(incidents.MaxPublisherBytes) + " bytes of UTF-8"}},
		property{"published", map[string]any{"type": "string", "format": "date"}})}}},
	{"status", map[string]any{"type": "string", "enum": vocab(incidents.Statuses)}},
	{"created_at", map[string]any{"type": "string", "format": "date-time"}},
	{"updated_at", map[string]any{"type": "string", "format": "date-time"}},
}

// pointGeometry is the schema of a GeoJSON point, within the area mapped
// (incidents.MappedArea).
var pointGeometry = map[string]any{"type": "object", "required": []string{"type", "coordinates"}, "properties": object(
	property{"type", map[string]any{"type": "string", "enum": []string{"Point"}}},
	property{"coordinates", map[string]any{"type": "array", "minItems": 2, "maxItems": 2, "prefixItems": []any{
		map[string]any{"type": "number", "minimum": incidents.MappedArea.Min.Lon(), "maximum": incidents.MappedArea.Max.Lon(), "description": "longitude"},
		map[string]any{"type": "number", "minimum": incidents.MappedArea.Min.Lat(), "maximum": incidents.MappedArea.Max.Lat(), "description": "latitude"},
	}}})}

// incidentSchema is the schema of an incident's properties in the style of
// OGC API – Features Part 5, the point among them by its x-ogc-role.
func incidentSchema() orderedObject {
	props := append(incidentProperties[:len(incidentProperties):len(incidentProperties)],
		property{"geometry", map[string]any{"format": "geometry-point", "x-ogc-role": "primary-geometry"}})
	return object(
		property{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		property{"$id", "incidents/schema"},
		property{"title", "Security incident"},
		property{"type", "object"},
		property{"properties", object(props...)})
}

// incidentFeatureSchema is the schema of a whole GeoJSON feature of an
// incident, the document a collection's describedby link names: GDAL's
// OAPIF driver types its fields from the properties of its "properties",
// where otherwise it guesses from the first page (and takes a count that
// happens to be null throughout for text).
func incidentFeatureSchema() orderedObject {
	return object(
		property{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		property{"$id", "incidents/feature-schema"},
		property{"title", "Security incident, as a GeoJSON feature"},
		property{"type", "object"},
		property{"required", []string{"type", "geometry", "properties"}},
		property{"properties", object(
			property{"type", map[string]any{"type": "string", "enum": []string{"Feature"}}},
			property{"id", map[string]any{"type": "integer"}},
			property{"geometry", pointGeometry},
			property{"properties", object(
				property{"type", "object"},
				property{"properties", object(incidentProperties...)})})})
}

func typeValues() []string { return vocab(incidents.Types) }

func vocab[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = string(x)
	}
	return out
}

// orderedObject is a JSON object that keeps its members in order, so that
// clients list fields as features carry them.
type orderedObject []property

func object(members ...property) orderedObject { return members }

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(m.name)
		v, err := json.Marshal(m.value)
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// handleSchema serves a JSON Schema document.
func handleSchema(doc orderedObject) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, "application/schema+json", doc)
	})
}
