package feature

import (
	"bufio"
	"encoding/json"
	"io"
	"slices"

	"github.com/mapsrv/mapsrv/incidents"
)

// CollectionWriter streams a GeoJSON FeatureCollection: each incident is
// encoded as it comes, so a large export never sits in memory.
type CollectionWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
	n   int
}

// NewCollectionWriter starts a FeatureCollection on w.
func NewCollectionWriter(w io.Writer) *CollectionWriter {
	bw := bufio.NewWriterSize(w, 32<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	return &CollectionWriter{bw: bw, enc: enc}
}

// Write adds one incident as a feature.
func (cw *CollectionWriter) Write(inc incidents.Incident) error {
	if cw.n > 0 {
		cw.bw.WriteByte(',')
	}
	cw.n++
	return cw.enc.Encode(Of(inc))
}

// Close ends the collection with numberReturned and the extra members, in the
// order of their names, and flushes.
func (cw *CollectionWriter) Close(extra map[string]any) error {
	cw.bw.WriteString(`],"numberReturned":`)
	cw.enc.Encode(cw.n)
	names := make([]string, 0, len(extra))
	for name := range extra {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		cw.bw.WriteByte(',')
		cw.enc.Encode(name)
		cw.bw.WriteByte(':')
		if err := cw.enc.Encode(extra[name]); err != nil {
			return err
		}
	}
	cw.bw.WriteString("}\n")
	return cw.bw.Flush()
}
