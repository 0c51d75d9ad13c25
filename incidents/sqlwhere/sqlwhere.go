// Package sqlwhere writes a checked filter expression ([incidents.Filter]'s
// Where, a cql2.Expr over [incidents.Queryables]) as a SQL WHERE term on the
// incidents table, aliased i, every value bound and never written into the
// SQL text. The walk over the expression and the table of columns are the
// same for every store; what a database spells its own way (a bound value,
// a pattern, a test against a geometry, a truth) the store gives as a
// [Dialect].
package sqlwhere

import (
	"fmt"
	"strings"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// Dialect is what a store's SQL spells its own way.
type Dialect interface {
	// Column is the SQL of a queryable's value (see [Columns]).
	Column(prop string) string
	// Compared is the column of prop as compared with l by =, <, BETWEEN...
	Compared(prop string, l cql2.Literal) string
	// Bind binds l, a value a column is compared with, and returns its
	// placeholder.
	Bind(l cql2.Literal) string
	// Like tests prop against a CQL2 LIKE pattern, case-sensitively.
	Like(prop, pattern string) string
	// Intersects tests the incident's point against g.
	Intersects(g orb.Geometry) string
	// NoGeometry is true of an incident without a point.
	NoGeometry() string
	// Bool is a truth value.
	Bool(v bool) string
}

// Term writes e, checked against incidents.Queryables, in d's SQL.
func Term(d Dialect, e cql2.Expr) string {
	switch e := e.(type) {
	case cql2.And:
		return join(d, e.Args, " AND ")
	case cql2.Or:
		return join(d, e.Args, " OR ")
	case cql2.Not:
		return "NOT (" + Term(d, e.Arg) + ")"
	case cql2.Bool:
		return d.Bool(e.Value)
	case cql2.Compare:
		return d.Compared(e.Property, e.Value) + " " + string(e.Op) + " " + d.Bind(e.Value)
	case cql2.Like:
		return d.Like(e.Property, e.Pattern)
	case cql2.In:
		col := d.Column(e.Property)
		vals := make([]string, len(e.Values))
		for i, v := range e.Values {
			vals[i] = d.Bind(v)
		}
		return col + " IN (" + strings.Join(vals, ", ") + ")"
	case cql2.Between:
		return d.Compared(e.Property, e.Low) + " BETWEEN " + d.Bind(e.Low) + " AND " + d.Bind(e.High)
	case cql2.IsNull:
		if e.Property == "geometry" {
			return d.NoGeometry()
		}
		return d.Column(e.Property) + " IS NULL"
	case cql2.Intersects:
		return d.Intersects(e.Geometry)
	}
	panic(fmt.Sprintf("sqlwhere: filter expression %T", e))
}

// join writes args joined by sep, each distinct one once: a term repeated
// in an AND or an OR decides nothing more, and SQLite tests every one it is
// given against every row (64 LIKEs of one pattern cost 64 of it; PostgreSQL
// drops the repeats itself).
func join(d Dialect, args []cql2.Expr, sep string) string {
	terms := make([]string, 0, len(args))
	seen := make(map[string]bool, len(args))
	for _, a := range args {
		if text := cql2.Text(a); !seen[text] {
			seen[text] = true
			terms = append(terms, Term(d, a))
		}
	}
	return "(" + strings.Join(terms, sep) + ")"
}

// Columns maps each of incidents.Queryables but geometry to the SQL of its
// value: the fixed allow-list of what an expression may name.
type Columns map[string]string

// ColumnsOf is the column of the same name on the incidents table for each
// queryable, or the SQL that differs gives (its keys must be queryables).
func ColumnsOf(differs map[string]string) Columns {
	cols := Columns{}
	for _, q := range incidents.Queryables {
		if q.Kind != cql2.Geometry {
			cols[q.Name] = "i." + q.Name
		}
	}
	for name, sql := range differs {
		if _, ok := cols[name]; !ok {
			panic(fmt.Sprintf("sqlwhere: %q is no queryable", name))
		}
		cols[name] = sql
	}
	return cols
}

// Of is the SQL of prop's value. An expression naming anything else was not
// checked, which is a fault of the program: Of panics.
func (c Columns) Of(prop string) string {
	col, ok := c[prop]
	if !ok {
		panic(fmt.Sprintf("sqlwhere: filter on %q, which is not a queryable: the expression was not checked", prop))
	}
	return col
}
