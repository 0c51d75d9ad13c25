package sqlite

import (
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlwhere"
)

// whereColumns are the queryables' columns (see sqlwhere.Columns). Unknown
// dates and date precisions are stored as "" and read as NULL, as the
// features show them; timestamps are compared as text of one width to the
// microsecond (stampSQL), since RFC 3339 text with fractions of varying
// length does not sort as the instants do, and Julian days keep only the
// millisecond where PostgreSQL keeps the microsecond.
var whereColumns = sqlwhere.ColumnsOf(map[string]string{
	"date_from": "NULLIF(i.date_from, '')", "date_to": "NULLIF(i.date_to, '')", "date_precision": "NULLIF(i.date_precision, '')",
	"created_at": stampSQL("i.created_at"), "updated_at": stampSQL("i.updated_at"),
})

// stampLayout is an instant to the microsecond in text that sorts as the
// instants do, for years 0000..9999.
const stampLayout = "2006-01-02T15:04:05.000000"

// stampSQL is the stored instant in col (RFC 3339 in UTC ending in "Z",
// with no fraction or one of up to nine digits, as the store writes it) in
// stampLayout: the fraction cut or padded to six digits. It costs some
// 0.2 µs a row more than julianday did; a SQL function in Go (a callback a
// row) cost 0.5-0.7 µs more.
func stampSQL(col string) string {
	return fmt.Sprintf("(substr(%[1]s, 1, 19) || CASE WHEN substr(%[1]s, 20, 1) = '.' "+
		"THEN substr(substr(%[1]s, 20, length(%[1]s) - 20) || '000000', 1, 7) ELSE '.000000' END)", col)
}

// stampText is a TIMESTAMP literal as stampSQL writes a stored instant, the
// digits past the microsecond dropped; an instant before year 0 or after
// 9999 (an offset can take an instant written in 0000 or 9999 there) as
// text before or after any such instant.
func stampText(t time.Time) string {
	t = t.UTC().Truncate(time.Microsecond)
	switch {
	case t.Year() < 0:
		return "-"
	case t.Year() > 9999:
		return "~"
	}
	return t.Format(stampLayout)
}

// whereSQL compiles a checked filter expression to a WHERE term with bound
// arguments: values are never written into the SQL text. Its polygons must
// be held (see holdShapes) while the query runs.
func whereSQL(e cql2.Expr) (string, []any) {
	w := &whereWriter{}
	term := sqlwhere.Term(w, e)
	return term, w.args
}

// whereWriter is SQLite's sqlwhere.Dialect: it binds values in the order
// their placeholders are written.
type whereWriter struct{ args []any }

func (w *whereWriter) Column(prop string) string                   { return whereColumns.Of(prop) }
func (w *whereWriter) Compared(prop string, _ cql2.Literal) string { return whereColumns.Of(prop) }
func (w *whereWriter) NoGeometry() string                          { return "i.lon IS NULL" }

func (w *whereWriter) Bool(v bool) string {
	if v {
		return "1"
	}
	return "0"
}

// Bind binds v and returns its placeholder; timestamps compare as
// stampText writes them.
func (w *whereWriter) Bind(l cql2.Literal) string {
	switch l.Kind {
	case cql2.String:
		w.args = append(w.args, l.Text)
	case cql2.Number:
		w.args = append(w.args, l.Num)
	case cql2.Boolean:
		w.args = append(w.args, l.Bool)
	case cql2.Date:
		w.args = append(w.args, l.Time.Format(incidents.DateLayout))
	case cql2.Timestamp:
		w.args = append(w.args, stampText(l.Time))
	}
	return "?"
}

func (w *whereWriter) num(v float64) string {
	w.args = append(w.args, v)
	return "?"
}

// Like uses GLOB, since LIKE ignores the case of ASCII letters and CQL2's
// does not.
func (w *whereWriter) Like(prop, pattern string) string {
	w.args = append(w.args, globPattern(pattern))
	return whereColumns.Of(prop) + " GLOB ?"
}

// Intersects tests the point against a geometry: a box or a point by the
// REAL columns, a polygon by its box and then the shape itself.
func (w *whereWriter) Intersects(g orb.Geometry) string {
	switch g := g.(type) {
	case orb.Point:
		return "(i.lon = " + w.num(g.Lon()) + " AND i.lat = " + w.num(g.Lat()) + ")"
	case orb.Bound:
		return "(i.lon BETWEEN " + w.num(g.Min.Lon()) + " AND " + w.num(g.Max.Lon()) +
			" AND i.lat BETWEEN " + w.num(g.Min.Lat()) + " AND " + w.num(g.Max.Lat()) + ")"
	case orb.Collection:
		parts := make([]string, len(g))
		for i, b := range g {
			parts[i] = w.Intersects(b)
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	}
	box := w.Intersects(g.Bound())
	w.args = append(w.args, shapes.id(g))
	return "(" + box + " AND " + shapeFunc + "(?, i.lon, i.lat))"
}

// globPattern turns a CQL2 LIKE pattern into a GLOB pattern: % is *, _ is ?,
// and GLOB's own *, ? and [ are taken literally.
func globPattern(p string) string {
	var b strings.Builder
	for _, part := range cql2.Pattern(p) {
		switch {
		case part.Wild && part.Text == "%":
			b.WriteByte('*')
		case part.Wild:
			b.WriteByte('?')
		default:
			for _, r := range part.Text {
				if r == '*' || r == '?' || r == '[' {
					b.WriteString("[" + string(r) + "]")
				} else {
					b.WriteRune(r)
				}
			}
		}
	}
	return b.String()
}
