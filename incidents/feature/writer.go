package feature

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/mapsrv/mapsrv/incidents"
)

// CollectionWriter streams a GeoJSON FeatureCollection: each incident is
// encoded as it comes, so a large export never sits in memory.
type CollectionWriter struct {
	w   memoryWriter  // bw, or the caller's writer when it buffers itself
	bw  *bufio.Writer // nil when writing to the caller's buffer
	buf []byte        // one feature, reused
	n   int
}

// memoryWriter is a writer that buffers what it is given (a bytes.Buffer, a
// bufio.Writer): a collection is written to it directly, without a copy
// through a buffer of its own.
type memoryWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// NewCollectionWriter starts a FeatureCollection on w, through a buffer
// unless w buffers itself (has WriteString and WriteByte).
func NewCollectionWriter(w io.Writer) *CollectionWriter {
	cw := &CollectionWriter{}
	if mw, ok := w.(memoryWriter); ok {
		cw.w = mw
	} else {
		cw.bw = bufferedWriters.Get().(*bufio.Writer)
		cw.bw.Reset(w)
		cw.w = cw.bw
	}
	cw.w.WriteString(`{"type":"FeatureCollection","features":[`)
	return cw
}

// bufferedWriters are reused by collections from Close on: a new 32 KiB
// buffer for each response was a tenth of a small page's cost.
var bufferedWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 32<<10) }}

// Write adds one incident as a feature, encoded by [AppendFeature], one
// feature a line. On an error (a location that is not a finite number) it
// writes nothing of the feature and does not count it.
func (cw *CollectionWriter) Write(inc incidents.Incident) error {
	b := cw.buf[:0]
	if cw.n > 0 {
		b = append(b, ',')
	}
	b, err := AppendFeature(b, inc)
	if err != nil {
		return err
	}
	cw.buf = append(b, '\n')
	cw.n++
	_, err = cw.w.Write(cw.buf)
	return err
}

// WriteEncoded adds one feature already encoded by [AppendFeature], as
// [CollectionWriter.Write] would have written it.
func (cw *CollectionWriter) WriteEncoded(feature []byte) error {
	if cw.n > 0 {
		cw.w.WriteByte(',')
	}
	cw.n++
	if k, ok := cw.w.(keeper); ok {
		k.Keep(feature)
	} else {
		cw.w.Write(feature)
	}
	return cw.w.WriteByte('\n')
}

// keeper is a writer that can take bytes to write later without copying
// them (a page held whole until it is sent): Keep's bytes must not change
// until the writer is done with them.
type keeper interface {
	Keep(b []byte)
}

// Close ends the collection with numberReturned and the extra members, in the
// order of their names, and flushes. The writer must not be used after.
func (cw *CollectionWriter) Close(extra map[string]any) error {
	cw.w.WriteString(`],"numberReturned":` + strconv.Itoa(cw.n))
	names := make([]string, 0, len(extra))
	for name := range extra {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		v, err := Marshal(extra[name])
		if err != nil {
			return err
		}
		cw.w.WriteByte(',')
		cw.w.Write(appendString(nil, name))
		cw.w.WriteByte(':')
		cw.w.Write(v)
	}
	_, err := cw.w.WriteString("}\n")
	if cw.bw != nil {
		err = cw.bw.Flush()
		cw.bw.Reset(nil)
		bufferedWriters.Put(cw.bw)
	}
	cw.w, cw.bw = nil, nil
	return err
}

// Marshal encodes v as encoding/json does with HTML escaping off ("<", ">"
// and "&" as written), without the encoder's newline.
func Marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
