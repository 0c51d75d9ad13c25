package postgis

import (
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents/sqlwhere"
)

// whereColumns are the queryables' columns (see sqlwhere.Columns). A date
// precision is "" while the date is unknown, and null in the features.
var whereColumns = sqlwhere.ColumnsOf(map[string]string{"date_precision": "NULLIF(i.date_precision, '')"})

// whereSQL compiles a checked filter expression to a WHERE term whose values
// are bound through p.
func whereSQL(p *params, e cql2.Expr) string { return sqlwhere.Term(pgWhere{p}, e) }

// pgWhere is PostgreSQL's sqlwhere.Dialect.
type pgWhere struct{ p *params }

func (w pgWhere) Column(prop string) string { return whereColumns.Of(prop) }

// Compared orders text by code point, as CQL2 and the SQLite store do, not
// by the database's collation.
func (w pgWhere) Compared(prop string, l cql2.Literal) string {
	if l.Kind == cql2.String {
		return whereColumns.Of(prop) + ` COLLATE "C"`
	}
	return whereColumns.Of(prop)
}

// Bind binds a value with the type of the column it meets.
func (w pgWhere) Bind(l cql2.Literal) string {
	switch l.Kind {
	case cql2.String:
		return w.p.add(l.Text)
	case cql2.Number:
		return w.p.add(l.Num) + "::float8"
	case cql2.Boolean:
		return w.p.add(l.Bool)
	case cql2.Date:
		// A literal is always a date: pgDate would bind DATE('0001-01-01'),
		// the zero time, as NULL, which matched nothing where SQLite
		// matched every incident after it.
		return w.p.add(pgtype.Date{Time: l.Time, Valid: true})
	case cql2.Timestamp:
		// pgx sends microseconds, the digits past them dropped, as the
		// other stores compare.
		return w.p.add(l.Time.Truncate(time.Microsecond)) + "::timestamptz"
	}
	panic(fmt.Sprintf("postgis: literal of kind %d", l.Kind))
}

// Like uses LIKE, whose escape is CQL2's, \.
func (w pgWhere) Like(prop, pattern string) string {
	return whereColumns.Of(prop) + " LIKE " + w.p.add(pattern)
}

func (w pgWhere) NoGeometry() string { return "i.geom IS NULL" }

func (w pgWhere) Bool(v bool) string { return map[bool]string{true: "true", false: "false"}[v] }

// Intersects tests the point against a geometry: a box or a point through
// the GiST index and the exact columns, a polygon by its distance being 0.
//
// Not with ST_Intersects: for a point against a polygon it walks a tree of
// the polygon's edges that PostGIS caches per query, and that walk visits
// every edge whose height spans the point's, allocating as it merges them:
// about 1 ms a row for a comb of 1,000 teeth (4,000 vertices, one CQL2
// literal), 20 s over 20,000 incidents where SQLite's grid took 0.1 s.
// ST_DWithin(polygon, point, 0) is true exactly when the point is inside
// or on the boundary, as ST_Intersects, tests the rings edge by edge
// (linear in the vertices, nothing allocated), and its support function
// still narrows the rows through the GiST index by the polygon's box.
func (w pgWhere) Intersects(g orb.Geometry) string {
	switch g := g.(type) {
	case orb.Point:
		return "(i.lon = " + w.p.add(g.Lon()) + " AND i.lat = " + w.p.add(g.Lat()) + ")"
	case orb.Bound:
		west, south, east, north := w.p.add(g.Min.Lon()), w.p.add(g.Min.Lat()), w.p.add(g.Max.Lon()), w.p.add(g.Max.Lat())
		return fmt.Sprintf("(i.geom && ST_MakeEnvelope(%[1]s, %[2]s, %[3]s, %[4]s, 4326)"+
			" AND i.lon BETWEEN %[1]s AND %[3]s AND i.lat BETWEEN %[2]s AND %[4]s)", west, south, east, north)
	case orb.Collection:
		parts := make([]string, len(g))
		for i, b := range g {
			parts[i] = w.Intersects(b)
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	}
	return "ST_DWithin(ST_GeomFromText(" + w.p.add(wkt.MarshalString(g)) + ", 4326), i.geom, 0)"
}
