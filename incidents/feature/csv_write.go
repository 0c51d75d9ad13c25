package feature

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// WriteCSV writes incidents as CSV with the [CSVColumns] header. Text from
// news sources that a spreadsheet would take for a formula is prefixed with an
// apostrophe.
func WriteCSV(w io.Writer, found []incidents.Incident) error {
	cw := NewCSVWriter(w)
	for _, inc := range found {
		cw.Write(inc)
	}
	return cw.Flush()
}

// CSVWriter writes incidents as CSV one at a time, the header first, so that
// an export of any size pages through the store with flat memory.
type CSVWriter struct {
	cw      *csv.Writer
	started bool
}

// NewCSVWriter returns a writer of incidents as CSV to w.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{cw: csv.NewWriter(w)} }

// Write writes one incident, after the header if it is the first.
func (c *CSVWriter) Write(inc incidents.Incident) error {
	if !c.started {
		c.started = true
		if err := c.cw.Write(CSVColumns); err != nil {
			return err
		}
	}
	return c.cw.Write(csvRecord(inc))
}

// Flush writes the header if nothing was written yet, flushes, and returns the
// first error of any write.
func (c *CSVWriter) Flush() error {
	if !c.started {
		c.started = true
		c.cw.Write(CSVColumns)
	}
	c.cw.Flush()
	return c.cw.Error()
}

// csvRecord is one incident's row, in the order of CSVColumns.
func csvRecord(inc incidents.Incident) []string {
	var titles, urls []string
	for _, s := range inc.Sources {
		titles, urls = append(titles, s.Title), append(urls, s.URL)
	}
	var created, updated string
	if !inc.CreatedAt.IsZero() {
		created, updated = inc.CreatedAt.UTC().Format(time.RFC3339Nano), inc.UpdatedAt.UTC().Format(time.RFC3339Nano)
	}
	return []string{strconv.FormatInt(inc.ID, 10), string(inc.Type),
		incidents.FormatDate(inc.DateFrom), incidents.FormatDate(inc.DateTo),
		string(inc.DatePrecision), cell(inc.PlaceNameEN), cell(inc.PlaceNameAR), inc.Admin1PCode,
		cell(inc.Admin1Name), strconv.FormatFloat(inc.Location.Lon(), 'f', -1, 64),
		strconv.FormatFloat(inc.Location.Lat(), 'f', -1, 64), string(inc.GeoPrecision),
		count(inc.Killed), count(inc.Injured), count(inc.Arrested), cell(inc.SummaryEN),
		cell(inc.SummaryAR), cell(strings.Join(titles, " | ")), cell(strings.Join(urls, " | ")),
		sourcesCell(inc.Sources), string(inc.Status), created, updated, inc.Admin2PCode}
}

// sourcesCell writes every field of the sources as the feature's JSON
// sources array ("" for none): the lossless form that import prefers to
// the titles and URLs lists, which lose publishers and dates and cannot
// hold a title with " | " in it.
func sourcesCell(srcs []incidents.Source) string {
	if len(srcs) == 0 {
		return ""
	}
	b, _ := Marshal(PropertiesOf(incidents.Incident{Sources: srcs}).Sources)
	return string(b)
}

func count(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// cell defuses spreadsheet formula injection: text a spreadsheet would
// take for a formula gets an apostrophe before it, which spreadsheets hide.
// Text that already begins with apostrophes before such a character gets one
// more, so that the importer, taking one off, reads back what was stored.
func cell(s string) string {
	if looksLikeFormula(s) {
		return "'" + s
	}
	return s
}

// looksLikeFormula reports whether s, after any apostrophes, begins with a
// character a spreadsheet reads as the start of a formula.
func looksLikeFormula(s string) bool {
	s = strings.TrimLeft(s, "'")
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}
