package postgis

import (
	"fmt"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/mapsrv/mapsrv/cql2"
)

// whereColumns maps each of incidents.Queryables but geometry to its
// column on the incidents table, aliased i: the fixed allow-list of what a
// filter expression may name. A date precision is "" while the date is
// unknown, and null in the features.
var whereColumns = map[string]string{
	"incident_type": "i.incident_type", "date_from": "i.date_from", "date_to": "i.date_to",
	"date_precision": "NULLIF(i.date_precision, '')", "place_name_ar": "i.place_name_ar", "place_name_en": "i.place_name_en",
	"admin1_pcode": "i.admin1_pcode", "admin1_name": "i.admin1_name", "admin2_pcode": "i.admin2_pcode", "geo_precision": "i.geo_precision",
	"killed": "i.killed", "injured": "i.injured", "arrested": "i.arrested", "summary_ar": "i.summary_ar",
	"summary_en": "i.summary_en", "created_at": "i.created_at", "updated_at": "i.updated_at",
}

// whereSQL compiles a checked filter expression to a WHERE term whose values
// are bound through p, never written into the SQL text.
func whereSQL(p *params, e cql2.Expr) string {
	switch e := e.(type) {
	case cql2.And:
		return joinWhere(p, e.Args, " AND ")
	case cql2.Or:
		return joinWhere(p, e.Args, " OR ")
	case cql2.Not:
		return "NOT (" + whereSQL(p, e.Arg) + ")"
	case cql2.Bool:
		return map[bool]string{true: "true", false: "false"}[e.Value]
	case cql2.Compare:
		return ordered(e.Property, e.Value) + " " + string(e.Op) + " " + literal(p, e.Value)
	case cql2.Like:
		return column(e.Property) + " LIKE " + p.add(e.Pattern) // CQL2's escape is LIKE's default, \
	case cql2.In:
		vals := make([]string, len(e.Values))
		for i, v := range e.Values {
			vals[i] = literal(p, v)
		}
		return column(e.Property) + " IN (" + strings.Join(vals, ", ") + ")"
	case cql2.Between:
		return ordered(e.Property, e.Low) + " BETWEEN " + literal(p, e.Low) + " AND " + literal(p, e.High)
	case cql2.IsNull:
		if e.Property == "geometry" {
			return "i.geom IS NULL"
		}
		return column(e.Property) + " IS NULL"
	case cql2.Intersects:
		return intersects(p, e.Geometry)
	}
	panic(fmt.Sprintf("postgis: filter expression %T", e))
}

func joinWhere(p *params, args []cql2.Expr, sep string) string {
	terms := make([]string, len(args))
	for i, a := range args {
		terms[i] = whereSQL(p, a)
	}
	return "(" + strings.Join(terms, sep) + ")"
}

func column(prop string) string {
	col, ok := whereColumns[prop]
	if !ok {
		panic(fmt.Sprintf("postgis: filter on %q, which is not a queryable: the expression was not checked", prop))
	}
	return col
}

// ordered is the column to order by: text compares by code point, as CQL2
// and the SQLite store do, not by the database's collation.
func ordered(prop string, l cql2.Literal) string {
	if l.Kind == cql2.String {
		return column(prop) + ` COLLATE "C"`
	}
	return column(prop)
}

// literal binds a value with the type of the column it meets.
func literal(p *params, l cql2.Literal) string {
	switch l.Kind {
	case cql2.String:
		return p.add(l.Text)
	case cql2.Number:
		return p.add(l.Num) + "::float8"
	case cql2.Boolean:
		return p.add(l.Bool)
	case cql2.Date:
		return p.add(pgDate(l.Time))
	case cql2.Timestamp:
		return p.add(l.Time) + "::timestamptz"
	}
	panic(fmt.Sprintf("postgis: literal of kind %d", l.Kind))
}

// intersects tests the point against a geometry: a box or a point through
// the GiST index and the exact columns, a polygon with ST_Intersects.
func intersects(p *params, g orb.Geometry) string {
	switch g := g.(type) {
	case orb.Point:
		return "(i.lon = " + p.add(g.Lon()) + " AND i.lat = " + p.add(g.Lat()) + ")"
	case orb.Bound:
		w, s, e, n := p.add(g.Min.Lon()), p.add(g.Min.Lat()), p.add(g.Max.Lon()), p.add(g.Max.Lat())
		return fmt.Sprintf("(i.geom && ST_MakeEnvelope(%[1]s, %[2]s, %[3]s, %[4]s, 4326)"+
			" AND i.lon BETWEEN %[1]s AND %[3]s AND i.lat BETWEEN %[2]s AND %[4]s)", w, s, e, n)
	case orb.Collection:
		parts := make([]string, len(g))
		for i, b := range g {
			parts[i] = intersects(p, b)
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	}
	return "ST_Intersects(i.geom, ST_GeomFromText(" + p.add(wkt.MarshalString(g)) + ", 4326))"
}
