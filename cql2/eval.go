package cql2

import (
	"cmp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// Truth is the value of an expression in three-valued logic: a comparison
// with a property that has no value is Unknown, as in SQL, and a filter
// keeps only what is True.
type Truth int8

// The truth values.
const (
	False Truth = iota
	Unknown
	True
)

func truth(b bool) Truth {
	if b {
		return True
	}
	return False
}

// Eval evaluates a checked expression for one feature, whose properties get
// returns: nil for no value, a string, a float64, a bool, a time.Time (for
// dates, midnight UTC) or an orb.Point. It is the reference the stores'
// compiled queries are tested against.
func Eval(e Expr, get func(property string) any) Truth {
	switch e := e.(type) {
	case And:
		out := True
		for _, a := range e.Args {
			out = min(out, Eval(a, get))
		}
		return out
	case Or:
		out := False
		for _, a := range e.Args {
			out = max(out, Eval(a, get))
		}
		return out
	case Not:
		return 2 - Eval(e.Arg, get)
	case Bool:
		return truth(e.Value)
	case IsNull:
		return truth(get(e.Property) == nil)
	}
	return evalPredicate(e, get)
}

// evalPredicate evaluates a comparison, Unknown when the property has no value.
func evalPredicate(e Expr, get func(string) any) Truth {
	switch e := e.(type) {
	case Compare:
		c, ok := compare(get(e.Property), e.Value)
		if !ok {
			return Unknown
		}
		switch e.Op {
		case Eq:
			return truth(c == 0)
		case Ne:
			return truth(c != 0)
		case Lt:
			return truth(c < 0)
		case Le:
			return truth(c <= 0)
		case Gt:
			return truth(c > 0)
		}
		return truth(c >= 0)
	case Like:
		s, ok := get(e.Property).(string)
		if !ok {
			return Unknown
		}
		return truth(Match(e.Pattern, s))
	case In:
		v := get(e.Property)
		if v == nil {
			return Unknown
		}
		for _, lit := range e.Values {
			if c, ok := compare(v, lit); ok && c == 0 {
				return True
			}
		}
		return False
	case Between:
		lo, ok1 := compare(get(e.Property), e.Low)
		hi, ok2 := compare(get(e.Property), e.High)
		if !ok1 || !ok2 {
			return Unknown
		}
		return truth(lo >= 0 && hi <= 0)
	case Intersects:
		pt, ok := get(e.Property).(orb.Point)
		if !ok {
			return Unknown
		}
		return truth(Contains(e.Geometry, pt))
	}
	return Unknown
}

// compare orders a property's value against a literal of its kind; ok is
// false when the value is missing or of another kind.
func compare(v any, lit Literal) (int, bool) {
	switch v := v.(type) {
	case string:
		return strings.Compare(v, lit.Text), lit.Kind == String
	case float64:
		return cmp.Compare(v, lit.Num), lit.Kind == Number
	case bool:
		return cmp.Compare(b2i(v), b2i(lit.Bool)), lit.Kind == Boolean
	case time.Time:
		// To the microsecond, as PostgreSQL keeps instants: digits past it
		// are dropped from both, so every store compares alike.
		return v.Truncate(time.Microsecond).Compare(lit.Time.Truncate(time.Microsecond)), lit.Kind == Date || lit.Kind == Timestamp
	}
	return 0, false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Match reports whether s matches the LIKE pattern p: % any run of
// characters, _ one character, a backslash escaping the next; case-sensitive.
func Match(p, s string) bool {
	toks := likeTokens(p)
	// Greedy match, backtracking to the last % on a mismatch: linear in
	// practice, len(p) × len(s) at worst.
	ti, si := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		r, size := utf8.DecodeRuneInString(s[si:])
		switch {
		case ti < len(toks) && toks[ti].kind == likeAny:
			star, mark = ti, si
			ti++
		case ti < len(toks) && (toks[ti].kind == likeOne || toks[ti].r == r):
			ti++
			si += size
		case star >= 0:
			ti = star + 1
			_, msize := utf8.DecodeRuneInString(s[mark:])
			mark += msize
			si = mark
		default:
			return false
		}
	}
	for ti < len(toks) && toks[ti].kind == likeAny {
		ti++
	}
	return ti == len(toks)
}

type likeKind int8

const (
	likeRune likeKind = iota
	likeOne
	likeAny
)

// LikeToken is one element of a LIKE pattern.
type likeToken struct {
	kind likeKind
	r    rune
}

func likeTokens(p string) []likeToken {
	var out []likeToken
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		i += size
		switch {
		case r == '\\' && i < len(p):
			r, size = utf8.DecodeRuneInString(p[i:])
			i += size
			out = append(out, likeToken{likeRune, r})
		case r == '%':
			out = append(out, likeToken{likeAny, 0})
		case r == '_':
			out = append(out, likeToken{likeOne, 0})
		default:
			out = append(out, likeToken{likeRune, r})
		}
	}
	return out
}

// PatternParts splits a LIKE pattern for a store's own pattern syntax:
// each part is a literal run, or "%" or "_" as wildcards (Wild true).
type PatternPart struct {
	Text string
	Wild bool
}

// Pattern returns p as literal runs and wildcards.
func Pattern(p string) []PatternPart {
	var out []PatternPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			out = append(out, PatternPart{Text: lit.String()})
			lit.Reset()
		}
	}
	for _, t := range likeTokens(p) {
		switch t.kind {
		case likeAny:
			flush()
			out = append(out, PatternPart{Text: "%", Wild: true})
		case likeOne:
			flush()
			out = append(out, PatternPart{Text: "_", Wild: true})
		default:
			lit.WriteRune(t.r)
		}
	}
	flush()
	return out
}
