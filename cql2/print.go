package cql2

import (
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// Text writes e in the CQL2 text encoding; ParseText reads it back as e.
func Text(e Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

func writeExpr(b *strings.Builder, e Expr) {
	switch e := e.(type) {
	case And:
		writeJoined(b, e.Args, " AND ")
	case Or:
		writeJoined(b, e.Args, " OR ")
	case Not:
		b.WriteString("NOT (")
		writeExpr(b, e.Arg)
		b.WriteString(")")
	case Bool:
		b.WriteString(literalString(Literal{Kind: Boolean, Bool: e.Value}))
	case Compare:
		b.WriteString(quoteProperty(e.Property) + " " + string(e.Op) + " " + textLiteral(e.Value))
	case Like:
		b.WriteString(quoteProperty(e.Property) + " LIKE " + textLiteral(Literal{Kind: String, Text: e.Pattern}))
	case In:
		vals := make([]string, len(e.Values))
		for i, v := range e.Values {
			vals[i] = textLiteral(v)
		}
		b.WriteString(quoteProperty(e.Property) + " IN (" + strings.Join(vals, ", ") + ")")
	case Between:
		b.WriteString(quoteProperty(e.Property) + " BETWEEN " + textLiteral(e.Low) + " AND " + textLiteral(e.High))
	case IsNull:
		b.WriteString(quoteProperty(e.Property) + " IS NULL")
	case Intersects:
		b.WriteString("S_INTERSECTS(" + quoteProperty(e.Property) + ", " + wkt(e.Geometry) + ")")
	}
}

func writeJoined(b *strings.Builder, args []Expr, sep string) {
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString("(")
		writeExpr(b, a)
		b.WriteString(")")
	}
}

// quoteProperty writes a property name, quoted unless it is a plain word.
func quoteProperty(name string) string {
	plain := name != "" && !reserved[upper(name)] && (name[0] == '_' || name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z')
	for _, r := range name {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			plain = false
		}
	}
	if plain {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func textLiteral(l Literal) string {
	if l.Kind == String {
		return "'" + strings.ReplaceAll(l.Text, "'", "''") + "'"
	}
	return literalString(l)
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func position(p orb.Point) string { return num(p.Lon()) + " " + num(p.Lat()) }

func ring(r orb.Ring) string {
	parts := make([]string, len(r))
	for i, p := range r {
		parts[i] = position(p)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func polygonText(p orb.Polygon) string {
	parts := make([]string, len(p))
	for i, r := range p {
		parts[i] = ring(r)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// wkt writes a geometry literal.
func wkt(g orb.Geometry) string {
	switch g := g.(type) {
	case orb.Point:
		return "POINT(" + position(g) + ")"
	case orb.Bound:
		return "BBOX(" + num(g.Min.Lon()) + ", " + num(g.Min.Lat()) + ", " + num(g.Max.Lon()) + ", " + num(g.Max.Lat()) + ")"
	case orb.Collection: // a BBOX across the antimeridian
		w, e := g[0].(orb.Bound), g[1].(orb.Bound)
		return "BBOX(" + num(w.Min.Lon()) + ", " + num(w.Min.Lat()) + ", " + num(e.Max.Lon()) + ", " + num(e.Max.Lat()) + ")"
	case orb.Polygon:
		return "POLYGON" + polygonText(g)
	case orb.MultiPolygon:
		parts := make([]string, len(g))
		for i, p := range g {
			parts[i] = polygonText(p)
		}
		return "MULTIPOLYGON(" + strings.Join(parts, ", ") + ")"
	}
	return ""
}
