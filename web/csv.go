package web

import (
	"net/http"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// writeCSV answers incidents as a CSV download.
func writeCSV(w http.ResponseWriter, found []incidents.Incident) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="incidents.csv"`)
	feature.WriteCSV(w, found)
}
