package sqlite

import (
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// whereColumns maps each of incidents.Queryables but geometry to the SQL
// expression of its value on the incidents table, aliased i: the fixed
// allow-list of what a filter expression may name. Unknown dates and date
// precisions are stored as "" and read as NULL, as the features show them;
// timestamps are compared as Julian days, since RFC 3339 text with
// fractions of varying length does not sort as the instants do.
var whereColumns = map[string]string{
	"incident_type": "i.incident_type", "date_from": "NULLIF(i.date_from, '')", "date_to": "NULLIF(i.date_to, '')",
	"date_precision": "NULLIF(i.date_precision, '')", "place_name_ar": "i.place_name_ar", "place_name_en": "i.place_name_en",
	"admin1_pcode": "i.admin1_pcode", "admin1_name": "i.admin1_name", "admin2_pcode": "i.admin2_pcode", "geo_precision": "i.geo_precision",
	"killed": "i.killed", "injured": "i.injured", "arrested": "i.arrested", "summary_ar": "i.summary_ar",
	"summary_en": "i.summary_en", "created_at": "julianday(i.created_at)", "updated_at": "julianday(i.updated_at)",
}

// whereSQL compiles a checked filter expression to a WHERE term with bound
// arguments: values are never written into the SQL text. Its polygons must
// be held (see holdShapes) while the query runs.
func whereSQL(e cql2.Expr) (string, []any) {
	w := &whereWriter{}
	term := w.expr(e)
	return term, w.args
}

type whereWriter struct{ args []any }

// arg binds v and returns its placeholder; timestamps compare as Julian days.
func (w *whereWriter) arg(l cql2.Literal) string {
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
		w.args = append(w.args, l.Time.UTC().Format(time.RFC3339Nano))
		return "julianday(?)"
	}
	return "?"
}

func (w *whereWriter) num(v float64) string {
	w.args = append(w.args, v)
	return "?"
}

func column(prop string) string {
	col, ok := whereColumns[prop]
	if !ok {
		panic(fmt.Sprintf("sqlite: filter on %q, which is not a queryable: the expression was not checked", prop))
	}
	return col
}

func (w *whereWriter) expr(e cql2.Expr) string {
	switch e := e.(type) {
	case cql2.And:
		return w.join(e.Args, " AND ")
	case cql2.Or:
		return w.join(e.Args, " OR ")
	case cql2.Not:
		return "NOT (" + w.expr(e.Arg) + ")"
	case cql2.Bool:
		if e.Value {
			return "1"
		}
		return "0"
	case cql2.Compare:
		return column(e.Property) + " " + string(e.Op) + " " + w.arg(e.Value)
	case cql2.Like:
		// GLOB, since LIKE ignores the case of ASCII letters and CQL2's does not.
		w.args = append(w.args, globPattern(e.Pattern))
		return column(e.Property) + " GLOB ?"
	case cql2.In:
		vals := make([]string, len(e.Values))
		for i, v := range e.Values {
			vals[i] = w.arg(v)
		}
		return column(e.Property) + " IN (" + strings.Join(vals, ", ") + ")"
	case cql2.Between:
		return column(e.Property) + " BETWEEN " + w.arg(e.Low) + " AND " + w.arg(e.High)
	case cql2.IsNull:
		if e.Property == "geometry" {
			return "i.lon IS NULL"
		}
		return column(e.Property) + " IS NULL"
	case cql2.Intersects:
		return w.intersects(e.Geometry)
	}
	panic(fmt.Sprintf("sqlite: filter expression %T", e))
}

func (w *whereWriter) join(args []cql2.Expr, sep string) string {
	terms := make([]string, len(args))
	for i, a := range args {
		terms[i] = w.expr(a)
	}
	return "(" + strings.Join(terms, sep) + ")"
}

// intersects tests the point against a geometry: a box or a point by the
// REAL columns, a polygon by its box and then the shape itself.
func (w *whereWriter) intersects(g orb.Geometry) string {
	switch g := g.(type) {
	case orb.Point:
		return "(i.lon = " + w.num(g.Lon()) + " AND i.lat = " + w.num(g.Lat()) + ")"
	case orb.Bound:
		return "(i.lon BETWEEN " + w.num(g.Min.Lon()) + " AND " + w.num(g.Max.Lon()) +
			" AND i.lat BETWEEN " + w.num(g.Min.Lat()) + " AND " + w.num(g.Max.Lat()) + ")"
	case orb.Collection:
		parts := make([]string, len(g))
		for i, b := range g {
			parts[i] = w.intersects(b)
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	}
	box := w.intersects(g.Bound())
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
