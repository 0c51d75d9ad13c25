package feature

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/geo"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/internal/jsondup"
	"github.com/mapsrv/mapsrv/internal/jsonerr"
)

// CSVColumns are the columns of the CSV form of incidents, as the items
// endpoint writes it with f=csv: the GeoJSON property names, the point as lon
// and lat, the sources flattened into titles and URLs joined by " | " for
// people, and the sources again as the feature's JSON array for import,
// which keeps their publishers and dates. Columns are added at the end,
// never renamed.
var CSVColumns = []string{"id", "incident_type", "date_from", "date_to", "date_precision", "place_name_en",
	"place_name_ar", "admin1_pcode", "admin1_name", "lon", "lat", "geo_precision", "killed", "injured",
	"arrested", "summary_en", "summary_ar", "source_titles", "source_urls", "sources", "status",
	"created_at", "updated_at", "admin2_pcode"}

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
// required). A row's sources come from its sources cell when that is not
// empty, and otherwise from its source_titles and source_urls. Rows are
// streamed, and each becomes a validated incident with its status, or def
// when it gives none. The sequence stops at the first error, a [*CSVError] naming the
// row and, when it can, the column.
func DecodeCSV(r io.Reader, def incidents.Status) iter.Seq2[incidents.Incident, error] {
	return func(yield func(incidents.Incident, error) bool) {
		lim := &rowLimit{r: newCRLFKeeper(r)}
		cr := csv.NewReader(lim)
		cr.ReuseRecord = true
		header, err := cr.Read()
		keptCRLF(header)
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
		line := 1 // of the row read last
		for {
			lim.start = cr.InputOffset()
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var pe *csv.ParseError
				row := line + 1
				if errors.As(err, &pe) {
					row = pe.StartLine
				}
				yield(incidents.Incident{}, &CSVError{Row: row, Err: fmt.Errorf("%w: %v", ErrBadCSV, err)})
				return
			}
			keptCRLF(rec)
			row, _ := cr.FieldPos(0)
			line, _ = cr.FieldPos(len(rec) - 1)
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

// MaxCSVRow bounds one row of a CSV import, in bytes: far more than any
// incident holds (incidents.MaxSummaryBytes), so that a row without end is
// refused after a few MB of memory, not read whole (a 100 MB row took
// 2.7 GB).
const MaxCSVRow = 1 << 20

// errRowTooLong is why a row over MaxCSVRow is refused.
var errRowTooLong = fmt.Errorf("a row longer than %d bytes", MaxCSVRow)

// rowLimit fails once the csv reader has read more than MaxCSVRow bytes
// (and its buffer's worth) past the start of the row it is reading.
type rowLimit struct {
	r           io.Reader
	read, start int64
}

func (l *rowLimit) Read(p []byte) (int, error) {
	if l.read-l.start > MaxCSVRow+64<<10 {
		return 0, errRowTooLong
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
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
	// Text is read as written, as the export writes it and as a GeoJSON
	// import reads it: trimmed, " Saraqib" came back as "Saraqib", and the
	// export's defused "'\t" (a text "\t") as "'", the apostrophe kept.
	text := func(name string) string {
		if i, ok := cols[name]; ok && i < len(rec) {
			return unquoteCell(rec[i])
		}
		return ""
	}
	var pt orb.Point
	for i, name := range []string{"lon", "lat"} {
		// A decimal number only: strconv.ParseFloat alone also reads "3_6.3"
		// as 36.3 and "0x1.2p5" as 36, storing a place the file never gave.
		v, err := geo.ParseNumber(get(name))
		if err != nil {
			return incidents.Incident{}, &CSVError{Column: name, Err: fmt.Errorf("%w: %q is not a number", incidents.ErrInvalid, get(name))}
		}
		pt[i] = v
	}
	p := Properties{IncidentType: get("incident_type"), DateFrom: nullable(get("date_from")), DateTo: nullable(get("date_to")),
		DatePrecision: nullable(get("date_precision")), PlaceNameAR: text("place_name_ar"), PlaceNameEN: text("place_name_en"),
		Admin1PCode: get("admin1_pcode"), Admin1Name: text("admin1_name"), Admin2PCode: get("admin2_pcode"), GeoPrecision: get("geo_precision"),
		SummaryAR: text("summary_ar"), SummaryEN: text("summary_en")}
	if cerr := csvCounts(get, &p); cerr != nil {
		return incidents.Incident{}, cerr
	}
	var cerr *CSVError
	if p.Sources, cerr = csvSources(rec, cols); cerr != nil {
		return incidents.Incident{}, cerr
	}
	p.Status = get("status")
	if cerr := csvTimes(get, &p); cerr != nil {
		return incidents.Incident{}, cerr
	}
	inc, err := p.Incident(pt, def)
	if err != nil {
		col := columnOf(err)
		if col == "source_urls" && get("sources") != "" {
			col = "sources"
		}
		return inc, &CSVError{Column: col, Err: err}
	}
	return inc, nil
}

// csvCounts reads the killed, injured and arrested cells into p.
func csvCounts(get func(string) string, p *Properties) *CSVError {
	for name, dst := range map[string]**int{"killed": &p.Killed, "injured": &p.Injured, "arrested": &p.Arrested} {
		if s := get(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return &CSVError{Column: name, Err: fmt.Errorf("%w: %q is not a whole number", incidents.ErrInvalid, s)}
			}
			*dst = &n
		}
	}
	return nil
}

// csvTimes reads the created_at and updated_at cells into p.
func csvTimes(get func(string) string, p *Properties) *CSVError {
	for name, dst := range map[string]**jsonTime{"created_at": &p.CreatedAt, "updated_at": &p.UpdatedAt} {
		if s := get(name); s != "" {
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return &CSVError{Column: name, Err: fmt.Errorf("%w: %q is not an RFC 3339 time", incidents.ErrInvalid, s)}
			}
			*dst = &jsonTime{t}
		}
	}
	return nil
}

// unquoteCell undoes the apostrophe the CSV export puts before text a
// spreadsheet would take for a formula.
func unquoteCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && looksLikeFormula(s[1:]) {
		return s[1:]
	}
	return s
}

// csvSources reads a row's sources: the JSON array of its sources cell, or
// else its titles and URLs lists, matched by position.
func csvSources(rec []string, cols map[string]int) ([]Source, *CSVError) {
	raw := func(name string) string {
		if i, ok := cols[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	if s := strings.TrimSpace(raw("sources")); s != "" {
		var srcs []Source
		if err := json.Unmarshal([]byte(s), &srcs); err != nil {
			return nil, &CSVError{Column: "sources", Err: fmt.Errorf("%w: not a JSON array of sources: %s", incidents.ErrInvalid, jsonerr.Describe(err))}
		}
		if d, ok := jsondup.First([]byte(s), "sources"); ok {
			return nil, &CSVError{Column: "sources", Err: fmt.Errorf("%w: %v", incidents.ErrInvalid, d)} // the last one had been taken
		}
		return srcs, nil
	}
	titles, urls := splitList(raw("source_titles")), splitList(raw("source_urls"))
	var srcs []Source
	for i := range max(len(titles), len(urls)) {
		var src Source
		if i < len(titles) {
			src.Title = titles[i]
		}
		if i < len(urls) {
			src.URL = urls[i]
		}
		srcs = append(srcs, src)
	}
	return srcs, nil
}

// splitList splits a " | "-joined list before trimming, so that empty
// entries (sources without a URL) keep their places.
func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
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
