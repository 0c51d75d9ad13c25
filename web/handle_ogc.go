package web

import (
	_ "embed"
	"log/slog"
	"net/http"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// The conformance classes of OGC API – Features Part 1 that this service meets.
var conformsTo = []string{
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
	"http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
	"http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
}

const openAPIType = "application/vnd.oai.openapi+json;version=3.0"

// handleLanding serves the landing page at /api.
func handleLanding(version string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, "application/json", map[string]any{
			"title":       "mapsrv: security incidents in Syria",
			"description": "Incidents reported in Arabic and English news, geocoded with a Syrian gazetteer; OGC API - Features. mapsrv " + version,
			"links": []link{
				{Href: absURL(r, "/api"), Rel: "self", Type: "application/json", Title: "this document"},
				{Href: absURL(r, "/api/openapi"), Rel: "service-desc", Type: openAPIType, Title: "the API definition"},
				{Href: absURL(r, "/api/docs"), Rel: "service-doc", Type: "text/html", Title: "the API documentation"},
				{Href: absURL(r, "/api/conformance"), Rel: "conformance", Type: "application/json", Title: "conformance classes"},
				{Href: absURL(r, "/api/collections"), Rel: "data", Type: "application/json", Title: "the collections"},
			},
		})
	})
}

func handleConformance() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, "application/json", map[string]any{"conformsTo": append(conformsTo[:len(conformsTo):len(conformsTo)], filterConformance...)})
	})
}

//go:embed api/openapi.json
var openAPIDoc []byte

//go:embed api/docs.html
var docsPage []byte

// handleOpenAPI serves the OpenAPI 3 definition of exactly the routes above.
func handleOpenAPI() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", openAPIType)
		w.Write(openAPIDoc)
	})
}

func handleDocs() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(docsPage)
	})
}

// collection is an OGC collection description.
type collection struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	ItemType    string   `json:"itemType"`
	CRS         []string `json:"crs"`
	Extent      *extent  `json:"extent,omitempty"`
	Links       []link   `json:"links"`
}

type extent struct {
	Spatial struct {
		BBox [][4]float64 `json:"bbox"`
		CRS  string       `json:"crs"`
	} `json:"spatial"`
	Temporal struct {
		Interval [][2]*string `json:"interval"`
		TRS      string       `json:"trs"`
	} `json:"temporal"`
}

// incidentsCollection describes the incidents collection with its true extent.
func incidentsCollection(r *http.Request, e incidents.Extent) collection {
	c := collection{ID: "incidents", Title: "Security incidents",
		Description: "Published incidents: arrests, airstrikes, armed attacks, bombings, clashes, shelling, weapons seizures, kidnappings.",
		ItemType:    "feature", CRS: []string{crs84},
		Links: []link{
			{Href: absURL(r, "/api/collections/incidents"), Rel: "self", Type: "application/json"},
			{Href: absURL(r, "/api/collections/incidents/items"), Rel: "items", Type: "application/geo+json", Title: "the incidents"},
			{Href: absURL(r, "/api/collections/incidents/feature-schema"), Rel: "describedby", Type: "application/schema+json", Title: "the schema of the incidents' GeoJSON features"},
			// GDAL 3.6 and older match the rel as written in their code.
			{Href: absURL(r, "/api/collections/incidents/feature-schema"), Rel: "describedBy", Type: "application/schema+json", Title: "the same, for clients that match the rel's case"},
			{Href: absURL(r, "/api/collections/incidents/schema"), Rel: "http://www.opengis.net/def/rel/ogc/1.0/schema", Type: "application/schema+json", Title: "the schema of the incidents' properties (Part 5)"},
			{Href: absURL(r, "/api/collections/incidents/queryables"), Rel: "http://www.opengis.net/def/rel/ogc/1.0/queryables", Type: "application/schema+json", Title: "the properties a filter may test"},
			// GDAL 3.6 looks for the Part 3 drafts' rel.
			{Href: absURL(r, "/api/collections/incidents/queryables"), Rel: "queryables", Type: "application/schema+json", Title: "the same, for clients of the Part 3 drafts"},
		}}
	if e.Count > 0 {
		c.Extent = &extent{}
		c.Extent.Spatial.BBox = [][4]float64{{e.Bound.Min.Lon(), e.Bound.Min.Lat(), e.Bound.Max.Lon(), e.Bound.Max.Lat()}}
		c.Extent.Spatial.CRS = crs84
		first := e.First.Format(time.RFC3339)
		last := e.Last.Add(24*time.Hour - time.Second).Format(time.RFC3339)
		c.Extent.Temporal.Interval = [][2]*string{{&first, &last}}
		c.Extent.Temporal.TRS = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
	}
	return c
}

func handleIncidentsCollection(store incidentStore, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, err := store.Extent(r.Context())
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		writeJSON(w, http.StatusOK, "application/json", incidentsCollection(r, e))
	})
}

func handleCollections(store incidentStore, places Places, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e, err := store.Extent(r.Context())
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		cs := []collection{incidentsCollection(r, e)}
		if places != nil {
			cs = append(cs, governoratesCollection(r))
		}
		writeJSON(w, http.StatusOK, "application/json", map[string]any{
			"links":       []link{{Href: absURL(r, "/api/collections"), Rel: "self", Type: "application/json"}},
			"collections": cs,
		})
	})
}
