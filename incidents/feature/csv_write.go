package feature

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
)

// WriteCSV writes incidents as CSV with the [CSVColumns] header. Text from
// news sources that a spreadsheet would take for a formula is prefixed with an
// apostrophe.
func WriteCSV(w io.Writer, found []incidents.Incident) error {
	cw := csv.NewWriter(w)
	cw.Write(CSVColumns)
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return WriteCSVRows(w, found)
}

// WriteCSVRows writes incidents as [WriteCSV] does, without the header: the
// pages of a streamed export after the first.
func WriteCSVRows(w io.Writer, found []incidents.Incident) error {
	cw := csv.NewWriter(w)
	for _, inc := range found {
		var titles, urls []string
		for _, s := range inc.Sources {
			titles, urls = append(titles, s.Title), append(urls, s.URL)
		}
		cw.Write([]string{strconv.FormatInt(inc.ID, 10), string(inc.Type),
			incidents.FormatDate(inc.DateFrom), incidents.FormatDate(inc.DateTo),
			string(inc.DatePrecision), cell(inc.PlaceNameEN), cell(inc.PlaceNameAR), inc.Admin1PCode,
			cell(inc.Admin1Name), inc.Admin2PCode, strconv.FormatFloat(inc.Location.Lon(), 'f', -1, 64),
			strconv.FormatFloat(inc.Location.Lat(), 'f', -1, 64), string(inc.GeoPrecision),
			count(inc.Killed), count(inc.Injured), count(inc.Arrested), cell(inc.SummaryEN),
			cell(inc.SummaryAR), cell(strings.Join(titles, " | ")), cell(strings.Join(urls, " | "))})
	}
	cw.Flush()
	return cw.Error()
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
