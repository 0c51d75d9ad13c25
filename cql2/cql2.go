// Package cql2 parses filter expressions of OGC's Common Query Language
// (CQL2), in its text and JSON encodings, into a small syntax tree, checks
// them against the properties a collection lets clients query, and
// evaluates them in memory. It knows nothing of SQL or HTTP: stores compile
// the tree to their own queries.
//
// The supported subset is Basic CQL2 (comparisons, AND, OR, NOT, IS NULL),
// the advanced comparison operators (LIKE, BETWEEN, IN) and S_INTERSECTS of
// a property with a BBOX, POINT, POLYGON or MULTIPOLYGON literal, in
// WGS 84 longitude/latitude (CRS84). Comparisons have a property on one side
// and a literal on the other. Parsing is bounded by [Limits].
package cql2

import (
	"errors"
	"fmt"
	"time"

	"github.com/paulmach/orb"
)

// Expr is a boolean expression: one of [And], [Or], [Not], [Bool],
// [Compare], [Like], [In], [Between], [IsNull] and [Intersects].
type Expr interface{ isExpr() }

// And holds when every one of its arguments does.
type And struct{ Args []Expr }

// Or holds when any of its arguments does.
type Or struct{ Args []Expr }

// Not holds when its argument does not.
type Not struct{ Arg Expr }

// Bool is the literal TRUE or FALSE.
type Bool struct{ Value bool }

// Compare compares a property with a literal: Property Op Value.
type Compare struct {
	Property string
	Op       Op
	Value    Literal
}

// Like matches a string property against a pattern where % stands for any
// run of characters, _ for one, and a backslash escapes the next character.
// It is case-sensitive.
type Like struct {
	Property string
	Pattern  string
}

// In holds when the property equals one of the values.
type In struct {
	Property string
	Values   []Literal
}

// Between holds when Low <= property <= High.
type Between struct {
	Property  string
	Low, High Literal
}

// IsNull holds when the property has no value.
type IsNull struct{ Property string }

// Intersects holds when the property's geometry meets Geometry: an
// orb.Point, orb.Bound, orb.Polygon or orb.MultiPolygon, or an
// orb.Collection of two orb.Bounds for a BBOX across the antimeridian.
type Intersects struct {
	Property string
	Geometry orb.Geometry
}

func (And) isExpr()        {}
func (Or) isExpr()         {}
func (Not) isExpr()        {}
func (Bool) isExpr()       {}
func (Compare) isExpr()    {}
func (Like) isExpr()       {}
func (In) isExpr()         {}
func (Between) isExpr()    {}
func (IsNull) isExpr()     {}
func (Intersects) isExpr() {}

// Op is a comparison operator.
type Op string

// The comparison operators, written as in CQL2 text.
const (
	Eq Op = "="
	Ne Op = "<>"
	Lt Op = "<"
	Le Op = "<="
	Gt Op = ">"
	Ge Op = ">="
)

// flip is the operator with its operands swapped: 3 < x is x > 3.
func (op Op) flip() Op {
	switch op {
	case Lt:
		return Gt
	case Le:
		return Ge
	case Gt:
		return Lt
	case Ge:
		return Le
	}
	return op
}

// Kind is the type of a literal or a property.
type Kind int

// The kinds. Dates are civil dates; timestamps are instants.
const (
	String Kind = iota + 1
	Number
	Boolean
	Date
	Timestamp
	Geometry
)

func (k Kind) String() string {
	switch k {
	case String:
		return "a string"
	case Number:
		return "a number"
	case Boolean:
		return "a boolean"
	case Date:
		return "a date"
	case Timestamp:
		return "a timestamp"
	case Geometry:
		return "a geometry"
	}
	return "nothing"
}

// Literal is a scalar value written in an expression.
type Literal struct {
	Kind Kind
	Text string    // String
	Num  float64   // Number
	Bool bool      // Boolean
	Time time.Time // Date (midnight UTC) and Timestamp (UTC)
}

// ErrInvalid is wrapped by every error of this package: the expression is
// not one this package accepts.
var ErrInvalid = errors.New("cql2: invalid filter")

// Error is a filter that does not parse or check. Pos, when not 0, is the
// 1-based character of the text encoding where the problem is; Path, when
// not empty, is where in the JSON encoding.
type Error struct {
	Pos  int
	Path string
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Pos > 0:
		return fmt.Sprintf("cql2: at character %d: %s", e.Pos, e.Msg)
	case e.Path != "":
		return fmt.Sprintf("cql2: at %s: %s", e.Path, e.Msg)
	}
	return "cql2: " + e.Msg
}

func (e *Error) Unwrap() error { return ErrInvalid }

// Limits bound what one expression may cost to parse, check and run.
type Limits struct {
	MaxLength   int // bytes of the encoded expression
	MaxDepth    int // nesting of expressions and geometry parts
	MaxNodes    int // expressions, literals (each value of an IN list) and properties
	MaxVertices int // coordinates of all geometry literals together
	MaxLikes    int // LIKE comparisons, each reading the text of every row the rest leaves
}

// DefaultLimits keep a filter under a few milliseconds of parsing and a
// few hundred kilobytes of memory, while allowing a detailed district
// outline as a polygon. MaxLikes bounds what a filter costs to run: no
// index answers a LIKE over a summary, so each is tested against the text
// of every incident the rest of the filter leaves, about 6.5 ms per LIKE
// per 200,000 incidents on SQLite and 9 ms on PostgreSQL, and 300 of them
// took 2-3 s at 200,000. 64 is far more than a GDAL -where or a QGIS
// expression holds (IN lists whole values, as many as MaxNodes allows).
var DefaultLimits = Limits{MaxLength: 64 << 10, MaxDepth: 32, MaxNodes: 1000, MaxVertices: 5000, MaxLikes: 64}

// budget counts what a parse has used of its limits.
type budget struct {
	lim      Limits
	nodes    int
	vertices int
	likes    int
}

// node counts one node, failing past the limit.
func (b *budget) node() error {
	b.nodes++
	if b.nodes > b.lim.MaxNodes {
		return fmt.Errorf("more than %d terms, the most a filter may have", b.lim.MaxNodes)
	}
	return nil
}

// like counts one LIKE comparison, failing past the limit.
func (b *budget) like() error {
	b.likes++
	if b.likes > b.lim.MaxLikes {
		return fmt.Errorf("more than %d LIKE comparisons, the most a filter may have: "+
			"each reads the text of every incident the rest of the filter leaves (IN lists whole values)", b.lim.MaxLikes)
	}
	return nil
}

// vertex counts n coordinates, failing past the limit.
func (b *budget) vertex(n int) error {
	b.vertices += n
	if b.vertices > b.lim.MaxVertices {
		return fmt.Errorf("more than %d vertices in geometries, the most a filter may have", b.lim.MaxVertices)
	}
	return nil
}

// depth fails past the nesting limit.
func (b *budget) depth(d int) error {
	if d > b.lim.MaxDepth {
		return fmt.Errorf("nested more than %d deep, the most a filter may be", b.lim.MaxDepth)
	}
	return nil
}

func checkLength(s string, lim Limits) error {
	if len(s) > lim.MaxLength {
		return &Error{Msg: fmt.Sprintf("%d bytes long: a filter may have at most %d", len(s), lim.MaxLength)}
	}
	return nil
}
