package feature

import (
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// FuzzCRLFKeeper holds the CSV importer's reading, through crlfKeeper, to
// encoding/csv's own: the same records, but for a CR LF inside quotes kept
// where the reader alone gives LF, and the same errors on the same lines,
// whatever the reads' sizes. (A quote left open at the end of the file is
// reported one column further for its last line's CR, which is kept.)
func FuzzCRLFKeeper(f *testing.F) {
	for _, s := range []string{"a,b\r\n\"x\r\ny\",z\r\n", "\"\"\"\r\n\"\r\n", "a,\"b\r", "\"a\r\r\n\",\"\r\n\"\n", "x\"y\r\n", "\"a\"b\r\n"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, oneByte bool) {
		if strings.ContainsAny(s, "\xff\xfe") {
			return // the keeper's own byte, and the one it passes a file's on as
		}
		want, wantErr := csv.NewReader(strings.NewReader(s)).ReadAll()
		k := newCRLFKeeper(strings.NewReader(s))
		if oneByte {
			k = newCRLFKeeper(iotest.OneByteReader(strings.NewReader(s)))
		}
		got, gotErr := csv.NewReader(k).ReadAll()
		for _, rec := range got {
			keptCRLF(rec)
			for i, c := range rec {
				rec[i] = strings.ReplaceAll(c, "\r\n", "\n")
			}
		}
		var we, ge *csv.ParseError
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && (!errors.As(wantErr, &we) || !errors.As(gotErr, &ge) ||
			we.StartLine != ge.StartLine || we.Line != ge.Line || we.Err != ge.Err) {
			t.Fatalf("%q: error %v, want %v", s, gotErr, wantErr)
		}
		if wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: records %q, want %q", s, got, want)
		}
	})
}
