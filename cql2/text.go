package cql2

import (
	"fmt"
	"strings"
)

// ParseText parses the CQL2 text encoding, e.g.
//
//	incident_type = 'arrest' AND killed > 0 AND S_INTERSECTS(geometry, BBOX(36, 35, 37, 36.5))
//
// Keywords are case-insensitive; a property named like one is written in
// double quotes. Errors are [*Error]s giving the character where parsing
// stopped.
func ParseText(s string, lim Limits) (Expr, error) {
	if err := checkLength(s, lim); err != nil {
		return nil, err
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &textParser{toks: toks, b: budget{lim: lim}}
	e, err := p.or(1)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.errAt(t, "expected AND, OR or the end of the filter, found %s", t.describe())
	}
	return e, nil
}

// textParser is a recursive descent over the tokens. Every rule that nests
// takes its depth, so that the stack stays within the limits.
type textParser struct {
	toks []token
	i    int
	b    budget
}

func (p *textParser) peek() token { return p.toks[p.i] }

func (p *textParser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *textParser) errAt(t token, format string, args ...any) error {
	return &Error{Pos: t.pos, Msg: fmt.Sprintf(format, args...)}
}

// limit turns a budget failure into an error at t.
func (p *textParser) limit(t token, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Pos: t.pos, Msg: err.Error()}
}

// isWord reports whether t is the keyword kw.
func isWord(t token, kw string) bool { return t.kind == tWord && strings.EqualFold(t.text, kw) }

// accept consumes the next token if it is the keyword kw.
func (p *textParser) accept(kw string) bool {
	if isWord(p.peek(), kw) {
		p.i++
		return true
	}
	return false
}

func (p *textParser) expect(kind tokenKind, what string) (token, error) {
	t := p.next()
	if t.kind != kind {
		return t, p.errAt(t, "expected %s, found %s", what, t.describe())
	}
	return t, nil
}

// or parses term {OR term}.
func (p *textParser) or(depth int) (Expr, error) {
	if err := p.limit(p.peek(), p.b.depth(depth)); err != nil {
		return nil, err
	}
	first, err := p.and(depth)
	if err != nil {
		return nil, err
	}
	args := []Expr{first}
	for p.accept("OR") {
		e, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		args = append(args, e)
	}
	if len(args) == 1 {
		return first, nil
	}
	return Or{args}, p.limit(p.peek(), p.b.node())
}

// and parses factor {AND factor}.
func (p *textParser) and(depth int) (Expr, error) {
	first, err := p.factor(depth)
	if err != nil {
		return nil, err
	}
	args := []Expr{first}
	for p.accept("AND") {
		e, err := p.factor(depth)
		if err != nil {
			return nil, err
		}
		args = append(args, e)
	}
	if len(args) == 1 {
		return first, nil
	}
	return And{args}, p.limit(p.peek(), p.b.node())
}

// factor parses [NOT] primary.
func (p *textParser) factor(depth int) (Expr, error) {
	t := p.peek()
	if err := p.limit(t, p.b.node()); err != nil {
		return nil, err
	}
	if p.accept("NOT") {
		if err := p.limit(t, p.b.depth(depth+1)); err != nil {
			return nil, err
		}
		e, err := p.factor(depth + 1)
		return Not{e}, err
	}
	return p.primary(depth)
}

// primary parses a parenthesised expression, TRUE, FALSE, S_INTERSECTS or
// a comparison.
func (p *textParser) primary(depth int) (Expr, error) {
	t := p.peek()
	switch {
	case t.kind == tLParen:
		p.next()
		e, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		_, err = p.expect(tRParen, "')'")
		return e, err
	case isWord(t, "S_INTERSECTS"):
		return p.intersects(depth)
	case (isWord(t, "TRUE") || isWord(t, "FALSE")) && !p.comparesNext():
		p.next()
		return Bool{isWord(t, "TRUE")}, nil
	}
	return p.predicate()
}

// comparesNext reports whether the token after the next one starts a
// comparison (TRUE = x), so that TRUE is a value rather than a predicate.
func (p *textParser) comparesNext() bool {
	if p.i+1 >= len(p.toks) {
		return false
	}
	n := p.toks[p.i+1]
	return n.kind == tOp || isWord(n, "LIKE") || isWord(n, "IN") || isWord(n, "BETWEEN") || isWord(n, "IS") || isWord(n, "NOT")
}

// operand is one side of a comparison: a property or a literal.
type operand struct {
	tok      token
	property string // "" for a literal
	lit      Literal
}

// predicate parses operand followed by a comparison operator, [NOT] LIKE,
// [NOT] BETWEEN, [NOT] IN or IS [NOT] NULL.
func (p *textParser) predicate() (Expr, error) {
	left, err := p.operand()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if t.kind == tOp {
		p.next()
		right, err := p.operand()
		if err != nil {
			return nil, err
		}
		return comparison(left, Op(t.text), right)
	}
	if isWord(t, "IS") {
		p.next()
		not := p.accept("NOT")
		if _, err := p.keyword("NULL"); err != nil {
			return nil, err
		}
		return negate(IsNull{left.property}, not), needProperty(left, "IS NULL")
	}
	not := p.accept("NOT")
	switch t := p.peek(); {
	case isWord(t, "LIKE"):
		p.next()
		e, err := p.like(left)
		return negate(e, not), err
	case isWord(t, "BETWEEN"):
		p.next()
		e, err := p.between(left)
		return negate(e, not), err
	case isWord(t, "IN"):
		p.next()
		e, err := p.in(left)
		return negate(e, not), err
	}
	return nil, p.errAt(p.peek(), "expected a comparison (=, <>, <, <=, >, >=, LIKE, BETWEEN, IN or IS NULL), found %s", p.peek().describe())
}

func negate(e Expr, not bool) Expr {
	if not && e != nil {
		return Not{e}
	}
	return e
}

// comparison builds left op right with the property on the left.
func comparison(left operand, op Op, right operand) (Expr, error) {
	switch {
	case left.property != "" && right.property != "":
		return nil, &Error{Pos: right.tok.pos, Msg: "comparing two properties is not supported: compare a property with a value"}
	case left.property == "" && right.property == "":
		return nil, &Error{Pos: left.tok.pos, Msg: "a comparison needs a property on one side"}
	case left.property == "":
		return Compare{right.property, op.flip(), left.lit}, nil
	}
	return Compare{left.property, op, right.lit}, nil
}

func needProperty(o operand, what string) error {
	if o.property == "" {
		return &Error{Pos: o.tok.pos, Msg: what + " applies to a property, not to a value"}
	}
	return nil
}

func (p *textParser) keyword(kw string) (token, error) {
	t := p.next()
	if !isWord(t, kw) {
		return t, p.errAt(t, "expected %s, found %s", kw, t.describe())
	}
	return t, nil
}

func (p *textParser) like(left operand) (Expr, error) {
	if err := needProperty(left, "LIKE"); err != nil {
		return nil, err
	}
	t, err := p.expect(tString, "a 'pattern' in single quotes")
	if err != nil {
		return nil, err
	}
	if trailingEscape(t.text) {
		return nil, p.errAt(t, "the pattern ends with a lone backslash, which escapes nothing")
	}
	if err := p.limit(t, p.b.like()); err != nil {
		return nil, err
	}
	return Like{left.property, t.text}, nil
}

func (p *textParser) between(left operand) (Expr, error) {
	if err := needProperty(left, "BETWEEN"); err != nil {
		return nil, err
	}
	low, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := p.keyword("AND"); err != nil {
		return nil, err
	}
	high, err := p.value()
	return Between{left.property, low, high}, err
}

func (p *textParser) in(left operand) (Expr, error) {
	if err := needProperty(left, "IN"); err != nil {
		return nil, err
	}
	if _, err := p.expect(tLParen, "'(' and a list of values"); err != nil {
		return nil, err
	}
	var vals []Literal
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
		if t := p.next(); t.kind == tRParen {
			return In{left.property, vals}, nil
		} else if t.kind != tComma {
			return nil, p.errAt(t, "expected ',' or ')' in the IN list, found %s", t.describe())
		}
	}
}

// value parses an operand that must be a literal.
func (p *textParser) value() (Literal, error) {
	o, err := p.operand()
	if err == nil && o.property != "" {
		err = p.errAt(o.tok, "expected a value, found the property %q", o.property)
	}
	return o.lit, err
}

// operand parses a property name, a string, a number, TRUE, FALSE,
// DATE('…') or TIMESTAMP('…').
func (p *textParser) operand() (operand, error) {
	t := p.next()
	if err := p.limit(t, p.b.node()); err != nil {
		return operand{}, err
	}
	o := operand{tok: t}
	switch {
	case t.kind == tQuoted && t.text == "":
		return o, p.errAt(t, `"" is not a property name`)
	case t.kind == tQuoted:
		o.property = t.text
	case t.kind == tString:
		o.lit = Literal{Kind: String, Text: t.text}
	case t.kind == tNumber:
		n, err := parseNumber(t.text)
		if err != nil {
			return o, p.errAt(t, "%v", err)
		}
		o.lit = Literal{Kind: Number, Num: n}
	case isWord(t, "TRUE") || isWord(t, "FALSE"):
		o.lit = Literal{Kind: Boolean, Bool: isWord(t, "TRUE")}
	case isWord(t, "DATE") || isWord(t, "TIMESTAMP"):
		return p.temporal(t)
	case t.kind == tWord && p.peek().kind == tLParen:
		return o, p.errAt(t, "the function %s is not supported", t.text)
	case t.kind == tWord && !reserved[strings.ToUpper(t.text)]:
		o.property = t.text
	default:
		return o, p.errAt(t, "expected a property or a value, found %s", t.describe())
	}
	return o, nil
}

// reserved are the keywords that cannot name a property unquoted.
var reserved = map[string]bool{"AND": true, "OR": true, "NOT": true, "LIKE": true, "BETWEEN": true, "IN": true,
	"IS": true, "NULL": true, "TRUE": true, "FALSE": true, "DATE": true, "TIMESTAMP": true, "S_INTERSECTS": true,
	"BBOX": true, "POINT": true, "POLYGON": true, "MULTIPOLYGON": true}

// temporal parses the rest of DATE('YYYY-MM-DD') or TIMESTAMP('…Z').
func (p *textParser) temporal(kw token) (operand, error) {
	if _, err := p.expect(tLParen, "'('"); err != nil {
		return operand{}, err
	}
	s, err := p.expect(tString, "a date or timestamp in single quotes")
	if err != nil {
		return operand{}, err
	}
	if _, err := p.expect(tRParen, "')'"); err != nil {
		return operand{}, err
	}
	lit, err := temporalLiteral(strings.ToUpper(kw.text), s.text)
	if err != nil {
		return operand{}, p.errAt(s, "%v", err)
	}
	return operand{tok: kw, lit: lit}, nil
}
