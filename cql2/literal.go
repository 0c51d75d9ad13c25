package cql2

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// parseNumber reads a finite number.
func parseNumber(s string) (float64, error) {
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		return 0, fmt.Errorf("%q is not a number this filter can use", s)
	}
	return n, nil
}

// dateLayout is how dates are written: ISO 8601 calendar dates.
const dateLayout = "2006-01-02"

// temporalLiteral reads the text of DATE(…) (kind "DATE") or TIMESTAMP(…).
func temporalLiteral(kind, s string) (Literal, error) {
	if kind == "DATE" {
		d, err := time.Parse(dateLayout, s)
		if err != nil {
			return Literal{}, fmt.Errorf("%q is not a date YYYY-MM-DD", s)
		}
		return Literal{Kind: Date, Time: d}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return Literal{}, fmt.Errorf("%q is not an RFC 3339 timestamp such as 2025-11-24T08:00:00Z", s)
	}
	return Literal{Kind: Timestamp, Time: t.UTC()}, nil
}

// trailingEscape reports whether a LIKE pattern ends with a backslash that
// escapes nothing.
func trailingEscape(p string) bool {
	n := 0
	for i := len(p) - 1; i >= 0 && p[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// literalString writes a literal back as CQL2 text, for messages.
func literalString(l Literal) string {
	switch l.Kind {
	case String:
		return "'" + l.Text + "'"
	case Number:
		return strconv.FormatFloat(l.Num, 'g', -1, 64)
	case Boolean:
		return map[bool]string{true: "TRUE", false: "FALSE"}[l.Bool]
	case Date:
		return "DATE('" + l.Time.Format(dateLayout) + "')"
	case Timestamp:
		return "TIMESTAMP('" + l.Time.Format(time.RFC3339Nano) + "')"
	}
	return "?"
}

func upper(s string) string { return strings.ToUpper(s) }
