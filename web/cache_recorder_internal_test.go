package web

import (
	"bytes"
	"net/http/httptest"
	"strconv"
	"testing"
)

// TestCacheRecorder_DeclaredTooBigNotCopied: a body whose declared length is
// over cacheEntryBytes is passed through without being copied, even the
// part that would fit (it was copied up to a megabyte, then dropped).
func TestCacheRecorder_DeclaredTooBigNotCopied(t *testing.T) {
	rec := httptest.NewRecorder()
	c := &cacheRecorder{ResponseWriter: rec, body: new(bytes.Buffer)}
	c.Header().Set("Content-Length", strconv.Itoa(cacheEntryBytes+1))
	c.Write(make([]byte, sendChunk))
	if c.body.Len() != 0 || !c.tooBig {
		t.Errorf("recorded %d bytes of a body declared too big (tooBig %t)", c.body.Len(), c.tooBig)
	}
	if rec.Body.Len() != sendChunk {
		t.Errorf("passed %d bytes through, want %d", rec.Body.Len(), sendChunk)
	}
	// One that fits is still recorded.
	rec = httptest.NewRecorder()
	c = &cacheRecorder{ResponseWriter: rec, body: new(bytes.Buffer)}
	c.Header().Set("Content-Length", "5")
	c.Write([]byte("hello"))
	if c.body.String() != "hello" || c.tooBig {
		t.Errorf("recorded %q (tooBig %t), want hello", c.body.String(), c.tooBig)
	}
}
