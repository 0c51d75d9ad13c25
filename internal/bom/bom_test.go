package bom

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestSkip(t *testing.T) {
	tests := map[string]struct {
		in, want string
		err      error
	}{
		"no mark":          {in: `{"a":1}`, want: `{"a":1}`},
		"UTF-8 mark":       {in: "\xEF\xBB\xBF{\"a\":1}", want: `{"a":1}`},
		"mark alone":       {in: "\xEF\xBB\xBF", want: ""},
		"two marks":        {in: "\xEF\xBB\xBF\xEF\xBB\xBF{}", want: "\xEF\xBB\xBF{}"},
		"part of a mark":   {in: "\xEF\xBB", want: "\xEF\xBB"},
		"empty":            {in: "", want: ""},
		"UTF-16 LE":        {in: "\xFF\xFE{\x00", err: ErrNotUTF8},
		"UTF-16 BE":        {in: "\xFE\xFF\x00{", err: ErrNotUTF8},
		"UTF-32 LE":        {in: "\xFF\xFE\x00\x00{\x00\x00\x00", err: ErrNotUTF8},
		"UTF-32 BE":        {in: "\x00\x00\xFE\xFF\x00\x00\x00{", err: ErrNotUTF8},
		"text of one byte": {in: "{", want: "{"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, err := Skip(strings.NewReader(tc.in))
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			got, _ := io.ReadAll(r)
			if string(got) != tc.want {
				t.Errorf("read %q, want %q", got, tc.want)
			}
		})
	}
}

// A read error met while looking for the mark is not lost.
func TestSkip_ReadError(t *testing.T) {
	boom := errors.New("disk gone")
	r, err := Skip(io.MultiReader(strings.NewReader("{"), errReader{boom}))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if string(got) != "{" || !errors.Is(err, boom) {
		t.Errorf("read %q, %v; want \"{\" and %v", got, err, boom)
	}
}
