package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// TestPageBuffer_KeptBytesSentInPlace: bytes a page keeps without copying
// (its features) go out between its own bytes where they were added,
// across sendChunk boundaries and around pieces larger than a chunk, and
// the page declares its length.
func TestPageBuffer_KeptBytesSentInPlace(t *testing.T) {
	var want bytes.Buffer
	rec := httptest.NewRecorder()
	p := newPageBuffer(rec)
	own := func(s string) {
		p.WriteString(s)
		want.WriteString(s)
	}
	keep := func(b []byte) {
		p.Keep(b)
		want.Write(b)
	}
	own(`{"features":[`)
	for i := range 900 {
		if i > 0 {
			p.WriteByte(',')
			want.WriteByte(',')
		}
		keep([]byte(`{"id":` + strconv.Itoa(i) + `,"p":"` + strings.Repeat(string(rune('a'+i%26)), 300+i%7) + `"}`))
		if i == 450 {
			keep(bytes.Repeat([]byte("x"), sendChunk+17)) // larger than a chunk
			keep(nil)
		}
	}
	own(`]}`)
	released := false
	p.send(func() { released = true })
	if !released {
		t.Error("the page's share was not given back")
	}
	if got := rec.Body.Bytes(); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("sent %d bytes, want %d; first difference at %d", len(got), want.Len(), firstDiff(got, want.Bytes()))
	}
	if got := rec.Header().Get("Content-Length"); got != strconv.Itoa(want.Len()) {
		t.Errorf("Content-Length = %q, want %d", got, want.Len())
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestPageBuffer_NoLengthWithoutBody: a status that has no body gets no
// Content-Length from the page.
func TestPageBuffer_NoLengthWithoutBody(t *testing.T) {
	rec := httptest.NewRecorder()
	p := newPageBuffer(rec)
	p.WriteHeader(http.StatusNotModified)
	p.send(func() {})
	if got := rec.Header().Get("Content-Length"); got != "" {
		t.Errorf("304 with Content-Length %q", got)
	}
}
