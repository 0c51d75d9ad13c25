package feature

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// AppendFeature appends inc as one GeoJSON feature to dst, byte for byte what
// encoding/json writes for [Of](inc) with HTML escaping off (without the
// Encoder's trailing newline): the same member order, nulls and omissions,
// numbers and string escapes. It does no reflection and allocates nothing
// beyond growing dst. It returns dst unchanged and an error wrapping
// [incidents.ErrInvalid] when the location is NaN or infinite, which JSON
// cannot hold.
func AppendFeature(dst []byte, inc incidents.Incident) ([]byte, error) {
	lon, lat := inc.Location[0], inc.Location[1]
	if !finite(lon) || !finite(lat) {
		return dst, fmt.Errorf("%w: incident %d: location %v is not a finite number",
			incidents.ErrInvalid, inc.ID, inc.Location)
	}
	dst = append(dst, `{"type":"Feature",`...)
	if inc.ID != 0 {
		dst = append(dst, `"id":`...)
		dst = strconv.AppendInt(dst, inc.ID, 10)
		dst = append(dst, ',')
	}
	dst = append(dst, `"geometry":{"type":"Point","coordinates":[`...)
	dst = appendFloat(dst, lon)
	dst = append(dst, ',')
	dst = appendFloat(dst, lat)
	dst = append(dst, `]},"properties":`...)
	dst = appendProperties(dst, inc)
	return append(dst, '}'), nil
}

// appendProperties writes the members of [Properties] in its field order.
func appendProperties(dst []byte, inc incidents.Incident) []byte {
	dst = appendString(append(dst, `{"incident_type":`...), string(inc.Type))
	dst = appendDate(append(dst, `,"date_from":`...), inc.DateFrom)
	dst = appendDate(append(dst, `,"date_to":`...), inc.DateTo)
	dst = appendNullable(append(dst, `,"date_precision":`...), string(inc.DatePrecision))
	dst = appendString(append(dst, `,"place_name_ar":`...), inc.PlaceNameAR)
	dst = appendString(append(dst, `,"place_name_en":`...), inc.PlaceNameEN)
	dst = appendString(append(dst, `,"admin1_pcode":`...), inc.Admin1PCode)
	dst = appendString(append(dst, `,"admin1_name":`...), inc.Admin1Name)
	dst = appendString(append(dst, `,"admin2_pcode":`...), inc.Admin2PCode)
	dst = appendString(append(dst, `,"geo_precision":`...), string(inc.GeoPrecision))
	dst = appendCount(append(dst, `,"killed":`...), inc.Killed)
	dst = appendCount(append(dst, `,"injured":`...), inc.Injured)
	dst = appendCount(append(dst, `,"arrested":`...), inc.Arrested)
	dst = appendString(append(dst, `,"summary_ar":`...), inc.SummaryAR)
	dst = appendString(append(dst, `,"summary_en":`...), inc.SummaryEN)
	dst = appendSources(dst, inc.Sources)
	if inc.Status != "" {
		dst = appendString(append(dst, `,"status":`...), string(inc.Status))
	}
	if !inc.CreatedAt.IsZero() { // PropertiesOf sets both timestamps or neither
		dst = appendTimestamp(append(dst, `,"created_at":`...), inc.CreatedAt)
		dst = appendTimestamp(append(dst, `,"updated_at":`...), inc.UpdatedAt)
	}
	return append(dst, '}')
}

// sourcesMember opens the sources member of the properties: it lies in a
// feature only there, since a quote inside a string is escaped.
const sourcesMember = `,"sources":[`

// appendSources writes the sources member, comma first.
func appendSources(dst []byte, srcs []incidents.Source) []byte {
	dst = append(dst, sourcesMember...)
	for i, s := range srcs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(append(dst, `{"title":`...), s.Title)
		dst = appendString(append(dst, `,"url":`...), s.URL)
		dst = appendString(append(dst, `,"publisher":`...), s.Publisher)
		dst = appendDate(append(dst, `,"published":`...), s.Published)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// appendFloat writes f as encoding/json does (ES6 number to string): plain
// decimals, exponents only below 1e-6 or from 1e21, without a padded exponent.
func appendFloat(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	if abs == 0 || abs >= 1e-6 && abs < 1e21 {
		return strconv.AppendFloat(dst, f, 'f', -1, 64)
	}
	dst = strconv.AppendFloat(dst, f, 'e', -1, 64)
	if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
		dst[n-2] = dst[n-1] // e-07 → e-7
		dst = dst[:n-1]
	}
	return dst
}

// appendCount writes a reported count, or null when it was not reported.
func appendCount(dst []byte, n *int) []byte {
	if n == nil {
		return append(dst, "null"...)
	}
	return strconv.AppendInt(dst, int64(*n), 10)
}

// appendNullable writes s as a string, or null when it is empty.
func appendNullable(dst []byte, s string) []byte {
	if s == "" {
		return append(dst, "null"...)
	}
	return appendString(dst, s)
}

// appendDate writes a civil date as "YYYY-MM-DD" ([incidents.FormatDate]),
// or null for the zero time.
func appendDate(dst []byte, d time.Time) []byte {
	if d.IsZero() {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	year, month, day := d.Date()
	if year < 0 || year > 9999 {
		dst = d.AppendFormat(dst, incidents.DateLayout) // digits and dashes only
	} else {
		dst = appendYMD(dst, year, int(month), day)
	}
	return append(dst, '"')
}

// appendTimestamp writes t in UTC as RFC 3339, as jsonTime does.
func appendTimestamp(dst []byte, t time.Time) []byte {
	t = t.UTC()
	dst = append(dst, '"')
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		dst = t.AppendFormat(dst, time.RFC3339) // digits, dashes, colons, T and Z only
	} else {
		hour, minute, sec := t.Clock()
		dst = append(appendYMD(dst, year, int(month), day), 'T')
		dst = append(append2(dst, hour), ':')
		dst = append(append2(dst, minute), ':')
		dst = append(append2(dst, sec), 'Z')
	}
	return append(dst, '"')
}

// appendYMD writes YYYY-MM-DD for a year in 0..9999, as time's layout does.
func appendYMD(dst []byte, year, month, day int) []byte {
	dst = append(append2(append2(dst, year/100), year%100), '-')
	dst = append(append2(dst, month), '-')
	return append2(dst, day)
}

// append2 writes n in 0..99 as two digits.
func append2(dst []byte, n int) []byte {
	return append(dst, byte('0'+n/10), byte('0'+n%10))
}
