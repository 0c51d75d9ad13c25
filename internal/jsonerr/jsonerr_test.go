package jsonerr

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestDescribe(t *testing.T) {
	type source struct {
		Title string `json:"title"`
	}
	type props struct {
		Killed  *int     `json:"killed"`
		Ratio   float64  `json:"ratio"`
		Count   uint     `json:"count"`
		Flag    bool     `json:"flag"`
		Sources []source `json:"sources"`
		Tags    map[string]string
	}
	tests := map[string]struct {
		in, want string
	}{
		"root array":      {`[]`, "an array where an object is wanted"},
		"root string":     {`"x"`, "a string where an object is wanted"},
		"root bool":       {`true`, "true or false where an object is wanted"},
		"string for int":  {`{"killed":"5"}`, "killed: a string where a whole number is wanted"},
		"fraction":        {`{"killed":1.5}`, "killed: the number 1.5 where a whole number is wanted"},
		"too big":         {`{"killed":1e400}`, "killed: the number 1e400 where a whole number is wanted"},
		"negative uint":   {`{"count":-1}`, "count: the number -1 where a whole number of at least 0 is wanted"},
		"array for float": {`{"ratio":[]}`, "ratio: an array where a number is wanted"},
		"number for bool": {`{"flag":0}`, "flag: a number where true or false is wanted"},
		"object for list": {`{"sources":{}}`, "sources: an object where an array is wanted"},
		"number in list":  {`{"sources":[1]}`, "sources: a number where an object is wanted"},
		"nested member":   {`{"sources":[{"title":1}]}`, "sources.title: a number where a string is wanted"},
		"map value":       {`{"Tags":{"a":1}}`, "Tags: a number where a string is wanted"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var p props
			err := json.Unmarshal([]byte(tc.in), &p)
			if err == nil {
				t.Fatalf("Unmarshal(%s): no error", tc.in)
			}
			if got := Describe(err); got != tc.want {
				t.Errorf("Describe(%v) = %q; want %q", err, got, tc.want)
			}
		})
	}
	if got := Describe(errors.New(`json: unknown field "x"`)); got != `unknown field "x"` {
		t.Errorf("Describe(unknown field) = %q", got)
	}
}
