package web

import (
	"net/http"
	"strings"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// The conformance classes of OGC API – Features Part 3 and of CQL2 that the
// filter parameter meets. basic-spatial-operators is the draft's name of
// basic-spatial-functions, which QGIS looks for.
var filterConformance = []string{
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
	"http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
	"http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
	"http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
	"http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
	"http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
	"http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-operators",
}

// incidentQueryables is the Part 3 queryables document: a JSON Schema of
// the properties a filter may test (incidents.Queryables, typed as in the
// features), no others. Its "queryables" array lists them again in the
// shape of the Part 3 drafts, which GDAL 3.6 reads to decide which
// conditions of a -where it can send to the server.
func incidentQueryables(self string) orderedObject {
	var props []property
	var legacy []map[string]string
	for _, q := range incidents.Queryables {
		schema := map[string]any{"format": "geometry-point", "x-ogc-role": "primary-geometry"}
		if q.Kind != cql2.Geometry {
			schema = propertySchema(q.Name)
		}
		props = append(props, property{q.Name, schema})
		legacy = append(legacy, map[string]string{"id": q.Name, "type": kindName(q.Kind)})
	}
	return object(
		property{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		property{"$id", self},
		property{"title", "Security incidents: queryables"},
		property{"description", "The properties the filter parameter may test, in CQL2 text or JSON (OGC API - Features Part 3)."},
		property{"type", "object"},
		property{"properties", object(props...)},
		property{"additionalProperties", false},
		property{"queryables", legacy})
}

// propertySchema is the schema of a feature property, without its
// description of what it is null for (a filter tests it with IS NULL).
func propertySchema(name string) map[string]any {
	for _, p := range incidentProperties {
		if p.name == name {
			return p.value.(map[string]any)
		}
	}
	panic("web: queryable " + name + " is not a feature property")
}

func kindName(k cql2.Kind) string {
	return map[cql2.Kind]string{cql2.String: "string", cql2.Number: "integer", cql2.Date: "date",
		cql2.Timestamp: "date-time", cql2.Geometry: "geometry", cql2.Boolean: "boolean"}[k]
}

// handleQueryables serves GET /api/collections/incidents/queryables as
// application/schema+json, or as application/json to a client that asks
// for JSON and not for JSON Schema (GDAL 3.6 refuses any other type).
func handleQueryables() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ct := "application/schema+json"
		if accept := r.Header.Get("Accept"); strings.Contains(accept, "application/json") && !strings.Contains(accept, "schema+json") {
			ct = "application/json"
		}
		w.Header().Set("Vary", "Accept")
		writeJSON(w, http.StatusOK, ct, incidentQueryables(absURL(r, r.URL.Path)))
	})
}
