package cql2

import (
	"errors"
	"strings"
	"testing"
)

// TestCheck_LikeRun: a LIKE pattern may hold at most 200 characters between
// two % wildcards, literal or _, an escaped character counting one, in CQL2
// text and JSON alike; a longer run is refused naming the property, the
// run's length and the limit. A run of 16,000 letters against a stored
// summary of 32,000 took 0.69 s a row (SQLite), and any run was read.
func TestCheck_LikeRun(t *testing.T) {
	run := func(n int, c string) string { return strings.Repeat(c, n) }
	ok := []string{
		"%" + run(200, "a") + "%",
		run(200, "a"),
		"%" + run(150, "a") + "%" + run(150, "b") + "%",
		"%" + run(100, "a") + run(100, "_") + "%",
		"%" + run(199, "a") + `\%`,
		run(2000, "%a"),
		"%Ma''arrat%",
	}
	bad := []string{
		"%" + run(201, "a") + "%",
		"%" + run(16000, "a") + "b",
		"%" + run(201, "_") + "b",
		"%" + run(100, "a") + run(101, "_"),
		"%" + run(200, "a") + `\%`,
		"%" + run(100, "a") + "%" + run(300, "é"),
	}
	check := func(pattern string) error {
		text, err := ParseText("summary_en LIKE '"+pattern+"'", DefaultLimits)
		if err != nil {
			return err
		}
		_, textErr := Check(text, schemaWithSummary)
		js, err := ParseJSON(`{"op":"like","args":[{"property":"summary_en"},"`+strings.ReplaceAll(strings.ReplaceAll(pattern, `\`, `\\`), "''", "'")+`"]}`, DefaultLimits)
		if err != nil {
			return err
		}
		_, jsonErr := Check(js, schemaWithSummary)
		if (textErr == nil) != (jsonErr == nil) {
			t.Errorf("pattern of %d bytes: text %v, JSON %v", len(pattern), textErr, jsonErr)
		}
		return textErr
	}
	for _, p := range ok {
		if err := check(p); err != nil {
			t.Errorf("pattern of %d bytes: %v, want it read", len(p), err)
		}
	}
	for _, p := range bad {
		err := check(p)
		if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "summary_en") || !strings.Contains(err.Error(), "at most 200") {
			t.Errorf("pattern of %d bytes: %v, want an error naming summary_en and the limit of 200", len(p), err)
		}
	}
}

var schemaWithSummary = Schema{"summary_en": String}
