package cql2

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Schema gives the kind of each property an expression may use.
type Schema map[string]Kind

// Check returns e with every property known to s and every literal of the
// kind of the property it is compared with, or an [*Error] naming the
// property. Some literals are converted: a string holding a date, such as
// GDAL writes ('2025-11-24', '2025-11-24T'), for a date property; a
// date for a timestamp property (its first instant); a timestamp at
// midnight UTC for a date property.
func Check(e Expr, s Schema) (Expr, error) {
	switch e := e.(type) {
	case And:
		args, err := checkAll(e.Args, s)
		return And{args}, err
	case Or:
		args, err := checkAll(e.Args, s)
		return Or{args}, err
	case Not:
		arg, err := Check(e.Arg, s)
		return Not{arg}, err
	case Bool:
		return e, nil
	case Compare:
		kind, err := s.scalar(e.Property)
		if err != nil {
			return nil, err
		}
		e.Value, err = coerce(e.Property, kind, e.Value)
		return e, err
	case Like:
		kind, err := s.scalar(e.Property)
		if err == nil && kind != String {
			err = &Error{Msg: fmt.Sprintf("LIKE matches strings, and %s is %s", e.Property, kind)}
		}
		if n := longestLikeRun(e.Pattern); err == nil && n > MaxLikeRun {
			err = &Error{Msg: fmt.Sprintf("LIKE pattern for %s: %d characters without a %%, at most %d: split it with %% or match fewer", e.Property, n, MaxLikeRun)}
		}
		return e, err
	case In:
		kind, err := s.scalar(e.Property)
		e.Values = slices.Clone(e.Values)
		for i := range e.Values {
			if err != nil {
				break
			}
			e.Values[i], err = coerce(e.Property, kind, e.Values[i])
		}
		return e, err
	case Between:
		kind, err := s.scalar(e.Property)
		if err == nil {
			e.Low, err = coerce(e.Property, kind, e.Low)
		}
		if err == nil {
			e.High, err = coerce(e.Property, kind, e.High)
		}
		return e, err
	case IsNull:
		_, err := s.kind(e.Property)
		return e, err
	case Intersects:
		kind, err := s.kind(e.Property)
		if err == nil && kind != Geometry {
			err = &Error{Msg: fmt.Sprintf("S_INTERSECTS needs a geometry property, and %s is %s", e.Property, kind)}
		}
		return e, err
	}
	return nil, &Error{Msg: fmt.Sprintf("unknown expression %T", e)}
}

// MaxLikeRun is the most characters (literal or _) a LIKE pattern may
// have between two % wildcards. SQLite's GLOB and PostgreSQL's LIKE match
// such a run at each place of the text that starts like it, so a run costs
// the length of the text times its own wherever the text repeats itself:
// one stored summary of 32,000 letters took 0.69 s to test against a run of
// 16,000 of them (85 ms for 1,000, 12 ms for 100), for each such row. A
// phrase of 200 characters, as long as a q search, is far beyond what
// anyone looks for with LIKE; runs split by % cost no more than their
// longest.
const MaxLikeRun = 200

// longestLikeRun is the most characters of p between two % wildcards
// (an escaped character counting one).
func longestLikeRun(p string) int {
	most, n := 0, 0
	for _, t := range likeTokens(p) {
		if t.kind == likeAny {
			n = 0
			continue
		}
		n++
		most = max(most, n)
	}
	return most
}

func checkAll(args []Expr, s Schema) ([]Expr, error) {
	out := make([]Expr, len(args))
	for i, a := range args {
		var err error
		if out[i], err = Check(a, s); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// kind is the kind of a known property.
func (s Schema) kind(name string) (Kind, error) {
	k, ok := s[name]
	if !ok {
		names := make([]string, 0, len(s))
		for n := range s {
			names = append(names, n)
		}
		slices.Sort(names)
		return 0, &Error{Msg: fmt.Sprintf("unknown property %q; the queryables are %s", name, strings.Join(names, ", "))}
	}
	return k, nil
}

// scalar is the kind of a known property that is not a geometry.
func (s Schema) scalar(name string) (Kind, error) {
	k, err := s.kind(name)
	if err == nil && k == Geometry {
		err = &Error{Msg: fmt.Sprintf("%s is a geometry: test it with S_INTERSECTS", name)}
	}
	return k, err
}

// coerce converts lit to kind for property name, or says why it cannot.
func coerce(name string, kind Kind, lit Literal) (Literal, error) {
	if lit.Kind == kind {
		return lit, nil
	}
	switch {
	case kind == Date && lit.Kind == String:
		if d, ok := looseDate(lit.Text); ok {
			return Literal{Kind: Date, Time: d}, nil
		}
	case kind == Date && lit.Kind == Timestamp && lit.Time.Equal(lit.Time.Truncate(24*time.Hour)):
		return Literal{Kind: Date, Time: lit.Time}, nil
	case kind == Timestamp && lit.Kind == Date:
		return Literal{Kind: Timestamp, Time: lit.Time}, nil
	case kind == Timestamp && lit.Kind == String:
		if t, err := temporalLiteral("TIMESTAMP", lit.Text); err == nil {
			return t, nil
		}
		if d, ok := looseDate(lit.Text); ok {
			return Literal{Kind: Timestamp, Time: d}, nil
		}
	}
	hint := map[Kind]string{Date: "DATE('YYYY-MM-DD')", Timestamp: "TIMESTAMP('YYYY-MM-DDThh:mm:ssZ')",
		String: "a 'string'", Number: "a number", Boolean: "TRUE or FALSE"}[kind]
	return lit, &Error{Msg: fmt.Sprintf("%s is %s: compare it with %s, not %s", name, kind, hint, literalString(lit))}
}

// looseDate reads a date written as a string: YYYY-MM-DD, with the "T" GDAL
// leaves after it, or as a timestamp at midnight UTC.
func looseDate(s string) (time.Time, bool) {
	if d, err := time.Parse(dateLayout, strings.TrimSuffix(s, "T")); err == nil {
		return d, true
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil && t.UTC().Equal(t.UTC().Truncate(24*time.Hour)) {
		return t.UTC(), true
	}
	return time.Time{}, false
}
