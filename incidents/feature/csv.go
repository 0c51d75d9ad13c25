package feature

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// CSVColumns are the columns of the CSV form of incidents, as the items
// endpoint writes it with f=csv: the GeoJSON property names, the point as lon
// and lat, and the sources flattened into titles and URLs joined by " | ".
var CSVColumns = []string{"id", "incident_type", "date_from", "date_to", "date_precision", "place_name_en",
	"place_name_ar", "admin1_pcode", "admin1_name", "admin2_pcode", "lon", "lat", "geo_precision", "killed", "injured",
	"arrested", "summary_en", "summary_ar", "source_titles", "source_urls"}

// ErrBadCSV is wrapped by CSV decoding errors that are not about one incident's values.
var ErrBadCSV = errors.New("feature: invalid CSV")

// CSVError says which row and column of a CSV stream is wrong and why. Row
// counts lines from 1, the header's; Column is empty when the whole row is at
// fault.
type CSVError struct {
	Row    int
	Column string
	Err    error
}

func (e *CSVError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("row %d: %v", e.Row, e.Err)
	}
	return fmt.Sprintf("row %d, column %s: %v", e.Row, e.Column, e.Err)
}

func (e *CSVError) Unwrap() error { return e.Err }

// DecodeCSV reads incidents from CSV with a header row naming columns of
// [CSVColumns] in any order (id is ignored; lon, lat and incident_type are
// required). Rows are streamed, and each becomes a validated incident with
// status def. The sequence stops at the first error, a [*CSVError] naming the
// row and, when it can, the column.
func DecodeCSV(r io.Reader, def incidents.Status) iter.Seq2[incidents.Incident, error] {
	return func(yield func(incidents.Incident, error) bool) {
		cr := csv.NewReader(r)
		cr.ReuseRecord = true
		header, err := cr.Read()
		if err != nil {
			if err == io.EOF {
				err = errors.New("empty input: want a header row")
			}
			yield(incidents.Incident{}, &CSVError{Row: 1, Err: fmt.Errorf("%w: %v", ErrBadCSV, err)})
			return
		}
		cols, err := csvColumnIndex(header)
		if err != nil {
			yield(incidents.Incident{}, &CSVError{Row: 1, Err: err})
			return
		}
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var pe *csv.ParseError
				row := 0
				if errors.As(err, &pe) {
					row = pe.StartLine
				}
				yield(incidents.Incident{}, &CSVError{Row: row, Err: fmt.Errorf("%w: %v", ErrBadCSV, err)})
				return
			}
			row, _ := cr.FieldPos(0)
			inc, cerr := csvIncident(rec, cols, def)
			if cerr != nil {
				cerr.Row = row
				yield(incidents.Incident{}, cerr)
				return
			}
			if !yield(inc, nil) {
				return
			}
		}
	}
}

// csvColumnIndex maps column names to their positions in header.
func csvColumnIndex(header []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, name := range header {
		name = strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")) // a spreadsheet's byte order mark
		if !slices.Contains(CSVColumns, name) {
			return nil, fmt.Errorf("%w: unknown column %q; the columns are %s", ErrBadCSV, name, strings.Join(CSVColumns, ", "))
		}
		if _, dup := cols[name]; dup {
			return nil, fmt.Errorf("%w: column %q appears twice", ErrBadCSV, name)
		}
		cols[name] = i
	}
	for _, name := range []string{"incident_type", "lon", "lat"} {
		if _, ok := cols[name]; !ok {
			return nil, fmt.Errorf("%w: no %s column", ErrBadCSV, name)
		}
	}
	return cols, nil
}

// csvIncident converts one record; the error's Row is left for the caller.
func csvIncident(rec []string, cols map[string]int, def incidents.Status) (incidents.Incident, *CSVError) {
	get := func(name string) string {
		if i, ok := cols[name]; ok && i < len(rec) {
			return unquoteCell(strings.TrimSpace(rec[i]))
		}
		return ""
	}
	var pt orb.Point
	for i, name := range []string{"lon", "lat"} {
		v, err := strconv.ParseFloat(get(name), 64)
		if err != nil {
			return incidents.Incident{}, &CSVError{Column: name, Err: fmt.Errorf("%w: %q is not a number", incidents.ErrInvalid, get(name))}
		}
		pt[i] = v
	}
	p := Properties{IncidentType: get("incident_type"), DateFrom: nullable(get("date_from")), DateTo: nullable(get("date_to")),
		DatePrecision: nullable(get("date_precision")), PlaceNameAR: get("place_name_ar"), PlaceNameEN: get("place_name_en"),
		Admin1PCode: get("admin1_pcode"), Admin1Name: get("admin1_name"), Admin2PCode: get("admin2_pcode"), GeoPrecision: get("geo_precision"),
		SummaryAR: get("summary_ar"), SummaryEN: get("summary_en")}
	for name, dst := range map[string]**int{"killed": &p.Killed, "injured": &p.Injured, "arrested": &p.Arrested} {
		if s := get(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return incidents.Incident{}, &CSVError{Column: name, Err: fmt.Errorf("%w: %q is not a whole number", incidents.ErrInvalid, s)}
			}
			*dst = &n
		}
	}
	titles, urls := splitList(get("source_titles")), splitList(get("source_urls"))
	for i := range max(len(titles), len(urls)) {
		var src Source
		if i < len(titles) {
			src.Title = titles[i]
		}
		if i < len(urls) {
			src.URL = urls[i]
		}
		p.Sources = append(p.Sources, src)
	}
	inc, err := p.Incident(pt, def)
	if err != nil {
		return inc, &CSVError{Column: columnOf(err), Err: err}
	}
	return inc, nil
}

// unquoteCell undoes the apostrophe the CSV export puts before text a
// spreadsheet would take for a formula.
func unquoteCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, " | ")
	for i := range parts {
		parts[i] = unquoteCell(strings.TrimSpace(parts[i]))
	}
	return parts
}

// columnOf finds the column a validation error names ("...: date_from: ..."),
// or "" if it names none.
func columnOf(err error) string {
	msg := err.Error()
	for _, name := range CSVColumns {
		if strings.Contains(msg, ": "+name+":") {
			return name
		}
	}
	if strings.Contains(msg, ": sources[") {
		return "source_urls"
	}
	if strings.Contains(msg, ": geometry:") {
		return "lon"
	}
	return ""
}
