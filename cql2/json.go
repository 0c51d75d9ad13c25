package cql2

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/internal/jsondup"
)

// ParseJSON parses the CQL2 JSON encoding, e.g.
//
//	{"op": "and", "args": [
//	  {"op": "=", "args": [{"property": "incident_type"}, "arrest"]},
//	  {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [36, 35, 37, 36.5]}]}]}
//
// Errors are [*Error]s giving the path to the offending member.
func ParseJSON(s string, lim Limits) (Expr, error) {
	if err := checkLength(s, lim); err != nil {
		return nil, err
	}
	if !utf8.ValidString(s) {
		// encoding/json would read each bad byte as U+FFFD: a filter other
		// than the one written.
		return nil, &Error{Msg: "not valid UTF-8"}
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &Error{Msg: "not JSON: " + err.Error()}
	}
	if dec.More() {
		return nil, &Error{Msg: "more than one JSON value"}
	}
	if path, name, before := jsondup.Find([]byte(s), "filter"); name != "" {
		if before != name {
			return nil, jerr(path, "member %q given twice (as %q before it: names are matched whatever their case): which one is meant is not clear", name, before)
		}
		return nil, jerr(path, "member %q given twice: which one is meant is not clear", name)
	}
	p := &jsonParser{b: budget{lim: lim}}
	return p.expr(v, "filter", 1)
}

type jsonParser struct{ b budget }

func jerr(path, format string, args ...any) error {
	return &Error{Path: path, Msg: fmt.Sprintf(format, args...)}
}

// expr parses a boolean expression: true, false, or {"op": …, "args": […]}.
func (p *jsonParser) expr(v any, path string, depth int) (Expr, error) {
	if err := p.b.depth(depth); err != nil {
		return nil, jerr(path, "%v", err)
	}
	if err := p.b.node(); err != nil {
		return nil, jerr(path, "%v", err)
	}
	if b, ok := v.(bool); ok {
		return Bool{b}, nil
	}
	obj, ok := v.(map[string]any)
	op, _ := obj["op"].(string)
	args, argsOK := obj["args"].([]any)
	if !ok || op == "" || !argsOK {
		return nil, jerr(path, `expected an expression {"op": …, "args": […]}, true or false`)
	}
	if len(obj) > 2 {
		for k := range obj {
			if k != "op" && k != "args" {
				return nil, jerr(path, `unknown member %q: an expression has only "op" and "args"`, k)
			}
		}
	}
	switch op = strings.ToLower(op); op {
	case "and", "or":
		return p.logical(op, args, path, depth)
	case "not":
		if len(args) != 1 {
			return nil, jerr(path, "not takes one argument")
		}
		e, err := p.expr(args[0], path+".args[0]", depth+1)
		return Not{e}, err
	case "=", "<>", "<", "<=", ">", ">=":
		return p.comparison(Op(op), args, path)
	case "like":
		return p.like(args, path)
	case "between":
		return p.between(args, path)
	case "in":
		return p.in(args, path)
	case "isnull":
		if len(args) != 1 {
			return nil, jerr(path, "isNull takes one argument")
		}
		prop, err := p.property(args[0], path+".args[0]")
		return IsNull{prop}, err
	case "s_intersects":
		return p.intersects(args, path, depth)
	}
	return nil, jerr(path+".op", "the operator %q is not supported", op)
}

func (p *jsonParser) logical(op string, args []any, path string, depth int) (Expr, error) {
	if len(args) < 2 {
		return nil, jerr(path, "%s takes at least two arguments", op)
	}
	var out []Expr
	for i, a := range args {
		e, err := p.expr(a, fmt.Sprintf("%s.args[%d]", path, i), depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if op == "and" {
		return And{out}, nil
	}
	return Or{out}, nil
}

// operand parses {"property": name} or a literal.
func (p *jsonParser) operand(v any, path string) (operand, error) {
	if err := p.b.node(); err != nil {
		return operand{}, jerr(path, "%v", err)
	}
	if obj, ok := v.(map[string]any); ok {
		if name, ok := obj["property"].(string); ok && len(obj) == 1 {
			if name == "" {
				return operand{}, jerr(path, `"" is not a property name`)
			}
			return operand{property: name}, nil
		}
	}
	lit, err := jsonLiteral(v, path)
	return operand{lit: lit}, err
}

// jsonLiteral parses a string, number, boolean, {"date": …} or {"timestamp": …}.
func jsonLiteral(v any, path string) (Literal, error) {
	switch v := v.(type) {
	case string:
		if msg := badText(v); msg != "" {
			return Literal{}, jerr(path, "this string %s", msg)
		}
		return Literal{Kind: String, Text: v}, nil
	case json.Number:
		n, err := parseNumber(v.String())
		if err != nil {
			return Literal{}, jerr(path, "%v", err)
		}
		return Literal{Kind: Number, Num: n}, nil
	case bool:
		return Literal{Kind: Boolean, Bool: v}, nil
	case map[string]any:
		for key, kind := range map[string]string{"date": "DATE", "timestamp": "TIMESTAMP"} {
			if s, ok := v[key].(string); ok && len(v) == 1 {
				lit, err := temporalLiteral(kind, s)
				if err != nil {
					return lit, jerr(path, "%v", err)
				}
				return lit, nil
			}
		}
	}
	return Literal{}, jerr(path, `expected a property {"property": …} or a value (a string, number, boolean, {"date": …} or {"timestamp": …})`)
}

func (p *jsonParser) property(v any, path string) (string, error) {
	o, err := p.operand(v, path)
	if err == nil && o.property == "" {
		err = jerr(path, `expected a property {"property": …}`)
	}
	return o.property, err
}

func (p *jsonParser) value(v any, path string) (Literal, error) {
	o, err := p.operand(v, path)
	if err == nil && o.property != "" {
		err = jerr(path, "expected a value, found the property %q", o.property)
	}
	return o.lit, err
}

func (p *jsonParser) comparison(op Op, args []any, path string) (Expr, error) {
	if len(args) != 2 {
		return nil, jerr(path, "%s takes two arguments", op)
	}
	left, err := p.operand(args[0], path+".args[0]")
	if err != nil {
		return nil, err
	}
	right, err := p.operand(args[1], path+".args[1]")
	if err != nil {
		return nil, err
	}
	e, err := comparison(left, op, right)
	if err != nil {
		return nil, jerr(path, "%s", err.(*Error).Msg)
	}
	return e, nil
}

func (p *jsonParser) like(args []any, path string) (Expr, error) {
	if len(args) != 2 {
		return nil, jerr(path, "like takes two arguments")
	}
	prop, err := p.property(args[0], path+".args[0]")
	if err != nil {
		return nil, err
	}
	pat, ok := args[1].(string)
	if !ok {
		return nil, jerr(path+".args[1]", "expected the pattern, a string")
	}
	if trailingEscape(pat) {
		return nil, jerr(path+".args[1]", "the pattern ends with a lone backslash, which escapes nothing")
	}
	if msg := badText(pat); msg != "" {
		return nil, jerr(path+".args[1]", "this pattern %s", msg)
	}
	if err := p.b.like(); err != nil {
		return nil, jerr(path, "%v", err)
	}
	return Like{prop, pat}, nil
}

func (p *jsonParser) between(args []any, path string) (Expr, error) {
	if len(args) != 3 {
		return nil, jerr(path, "between takes three arguments: a property, low and high")
	}
	prop, err := p.property(args[0], path+".args[0]")
	if err != nil {
		return nil, err
	}
	low, err := p.value(args[1], path+".args[1]")
	if err != nil {
		return nil, err
	}
	high, err := p.value(args[2], path+".args[2]")
	return Between{prop, low, high}, err
}

func (p *jsonParser) in(args []any, path string) (Expr, error) {
	if len(args) != 2 {
		return nil, jerr(path, "in takes two arguments: a property and a list of values")
	}
	prop, err := p.property(args[0], path+".args[0]")
	if err != nil {
		return nil, err
	}
	list, ok := args[1].([]any)
	if !ok || len(list) == 0 {
		return nil, jerr(path+".args[1]", "expected a non-empty list of values")
	}
	var vals []Literal
	for i, v := range list {
		lit, err := p.value(v, fmt.Sprintf("%s.args[1][%d]", path, i))
		if err != nil {
			return nil, err
		}
		vals = append(vals, lit)
	}
	return In{prop, vals}, nil
}

func (p *jsonParser) intersects(args []any, path string, depth int) (Expr, error) {
	if len(args) != 2 {
		return nil, jerr(path, "s_intersects takes two arguments")
	}
	var prop string
	var geom orb.Geometry
	for i, a := range args {
		at := fmt.Sprintf("%s.args[%d]", path, i)
		if obj, ok := a.(map[string]any); ok && obj["property"] != nil {
			name, err := p.property(a, at)
			if err != nil {
				return nil, err
			}
			prop = name
			continue
		}
		g, err := p.geometry(a, at, depth+1)
		if err != nil {
			return nil, err
		}
		geom = g
	}
	if prop == "" || geom == nil {
		return nil, jerr(path, "s_intersects needs a property, such as geometry, and a geometry")
	}
	return Intersects{prop, geom}, nil
}

// geometry parses {"bbox": [w, s, e, n]} or a GeoJSON Point, Polygon or
// MultiPolygon.
func (p *jsonParser) geometry(v any, path string, depth int) (orb.Geometry, error) {
	if err := p.b.depth(depth); err != nil {
		return nil, jerr(path, "%v", err)
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, jerr(path, `expected a property, {"bbox": […]} or a GeoJSON geometry`)
	}
	if box, ok := obj["bbox"]; ok && obj["type"] == nil {
		return p.bbox(box, path+".bbox")
	}
	typ, _ := obj["type"].(string)
	coords, err := json.Marshal(obj["coordinates"])
	if err != nil || obj["coordinates"] == nil {
		return nil, jerr(path, "a GeoJSON geometry needs type and coordinates")
	}
	return p.coordinates(typ, coords, path)
}

func (p *jsonParser) bbox(v any, path string) (orb.Geometry, error) {
	arr, ok := v.([]any)
	if !ok || len(arr) != 4 {
		return nil, jerr(path, "a bbox has four numbers: west, south, east, north")
	}
	var n [4]float64
	for i, x := range arr {
		num, ok := x.(json.Number)
		if !ok {
			return nil, jerr(fmt.Sprintf("%s[%d]", path, i), "expected a number")
		}
		f, err := parseNumber(num.String())
		if err != nil {
			return nil, jerr(fmt.Sprintf("%s[%d]", path, i), "%v", err)
		}
		n[i] = f
	}
	g, err := bboxGeometry(n[0], n[1], n[2], n[3])
	if err != nil {
		return nil, jerr(path, "%v", err)
	}
	return g, p.countVertices(2, path)
}

func (p *jsonParser) countVertices(n int, path string) error {
	if err := p.b.vertex(n); err != nil {
		return jerr(path, "%v", err)
	}
	return nil
}

// coordinates decodes the coordinates of a Point, Polygon or MultiPolygon.
func (p *jsonParser) coordinates(typ string, raw []byte, path string) (orb.Geometry, error) {
	bad := func() (orb.Geometry, error) {
		return nil, jerr(path+".coordinates", "not the coordinates of a GeoJSON %s", typ)
	}
	dec := func(dst any) bool {
		d := json.NewDecoder(bytes.NewReader(raw))
		return d.Decode(dst) == nil
	}
	switch typ {
	case "Point":
		var c []float64
		if !dec(&c) || len(c) != 2 {
			return bad()
		}
		pt := orb.Point{c[0], c[1]}
		if err := checkPosition(pt); err != nil {
			return nil, jerr(path, "%v", err)
		}
		return pt, p.countVertices(1, path)
	case "Polygon":
		var c [][][]float64
		if !dec(&c) {
			return bad()
		}
		return p.jsonPolygon(c, path+".coordinates")
	case "MultiPolygon":
		var c [][][][]float64
		if !dec(&c) {
			return bad()
		}
		var mp orb.MultiPolygon
		for i, poly := range c {
			pg, err := p.jsonPolygon(poly, fmt.Sprintf("%s.coordinates[%d]", path, i))
			if err != nil {
				return nil, err
			}
			mp = append(mp, pg)
		}
		return mp, nil
	}
	return nil, jerr(path+".type", "%q geometries are not supported: use a bbox, Point, Polygon or MultiPolygon", typ)
}

func (p *jsonParser) jsonPolygon(c [][][]float64, path string) (orb.Polygon, error) {
	if len(c) == 0 {
		return nil, jerr(path, "a polygon needs at least its outer ring")
	}
	var poly orb.Polygon
	for i, ring := range c {
		at := fmt.Sprintf("%s[%d]", path, i)
		if err := p.countVertices(len(ring), at); err != nil {
			return nil, err
		}
		var r orb.Ring
		for j, pos := range ring {
			if len(pos) != 2 {
				return nil, jerr(fmt.Sprintf("%s[%d]", at, j), "a position is [longitude, latitude]")
			}
			pt := orb.Point{pos[0], pos[1]}
			if err := checkPosition(pt); err != nil {
				return nil, jerr(fmt.Sprintf("%s[%d]", at, j), "%v", err)
			}
			r = append(r, pt)
		}
		if msg := ringProblem(r); msg != "" {
			return nil, jerr(at, "%s", msg)
		}
		poly = append(poly, r)
	}
	return poly, nil
}
