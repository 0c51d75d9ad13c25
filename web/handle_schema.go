package web

import (
	"net/http"

	"github.com/mapsrv/mapsrv/incidents"
)

// incidentSchema is the JSON Schema of an incident's feature properties (OGC
// API – Features Part 5 style). Clients that need a fixed schema, like GDAL's
// OAPIF driver, read field types from it instead of guessing them from the
// first page, where a count may happen to be null throughout.
var incidentSchema = map[string]any{
	"$schema": "https://json-schema.org/draft/2020-12/schema",
	"$id":     "incidents/schema",
	"title":   "Security incident",
	"type":    "object",
	"properties": map[string]any{
		"incident_type":  map[string]any{"type": "string", "enum": typeValues()},
		"date_from":      map[string]any{"type": "string", "format": "date"},
		"date_to":        map[string]any{"type": "string", "format": "date"},
		"date_precision": map[string]any{"type": "string", "enum": []string{"day", "range", "month", "year"}},
		"place_name_ar":  map[string]any{"type": "string"},
		"place_name_en":  map[string]any{"type": "string"},
		"admin1_pcode":   map[string]any{"type": "string"},
		"admin1_name":    map[string]any{"type": "string"},
		"admin2_pcode":   map[string]any{"type": "string", "description": "the OCHA district (admin-2) holding the point; empty when the incident is known only to its governorate or country"},
		"geo_precision":  map[string]any{"type": "string", "enum": []string{"exact", "neighbourhood", "town", "district", "governorate", "country"}},
		"killed":         map[string]any{"type": "integer"},
		"injured":        map[string]any{"type": "integer"},
		"arrested":       map[string]any{"type": "integer"},
		"summary_ar":     map[string]any{"type": "string"},
		"summary_en":     map[string]any{"type": "string"},
		"sources":        map[string]any{"type": "array", "items": map[string]any{"type": "object"}},
		"status":         map[string]any{"type": "string", "enum": []string{"draft", "published"}},
		"created_at":     map[string]any{"type": "string", "format": "date-time"},
		"updated_at":     map[string]any{"type": "string", "format": "date-time"},
		"geometry":       map[string]any{"format": "geometry-point", "x-ogc-role": "primary-geometry"},
	},
}

func typeValues() []string {
	out := make([]string, len(incidents.Types))
	for i, t := range incidents.Types {
		out[i] = string(t)
	}
	return out
}

func handleIncidentSchema() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, "application/schema+json", incidentSchema)
	})
}
