package web

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
)

// csvHeader names the CSV columns: the GeoJSON property names, with the point
// as lon and lat and the sources flattened.
var csvHeader = []string{"id", "incident_type", "date_from", "date_to", "date_precision", "place_name_en",
	"place_name_ar", "admin1_pcode", "admin1_name", "lon", "lat", "geo_precision", "killed", "injured",
	"arrested", "summary_en", "summary_ar", "source_titles", "source_urls"}

// writeCSV writes incidents as CSV. Text from news sources that a spreadsheet
// would take for a formula is prefixed with an apostrophe.
func writeCSV(w http.ResponseWriter, found []incidents.Incident) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="incidents.csv"`)
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, inc := range found {
		var titles, urls []string
		for _, s := range inc.Sources {
			titles, urls = append(titles, s.Title), append(urls, s.URL)
		}
		cw.Write([]string{strconv.FormatInt(inc.ID, 10), string(inc.Type),
			incidents.FormatDate(inc.DateFrom), incidents.FormatDate(inc.DateTo),
			string(inc.DatePrecision), cell(inc.PlaceNameEN), cell(inc.PlaceNameAR), inc.Admin1PCode,
			cell(inc.Admin1Name), strconv.FormatFloat(inc.Location.Lon(), 'f', -1, 64),
			strconv.FormatFloat(inc.Location.Lat(), 'f', -1, 64), string(inc.GeoPrecision),
			count(inc.Killed), count(inc.Injured), count(inc.Arrested), cell(inc.SummaryEN),
			cell(inc.SummaryAR), cell(strings.Join(titles, " | ")), cell(strings.Join(urls, " | "))})
	}
	cw.Flush()
}

func count(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// cell defuses spreadsheet formula injection.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
