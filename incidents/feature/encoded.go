package feature

import (
	"unsafe"

	"github.com/mapsrv/mapsrv/incidents"
)

// Format names the bytes [AppendFeature] writes for an incident. It changes
// whenever they do, so that a store keeping features encoded at write time
// (incidents/sqlite) knows that the ones it holds are out of date and encodes
// them again. TestFormat_Digest fails when the encoding changes without it.
const Format = 2 // 2: admin2_pcode

// Encoded is one incident's feature as [AppendFeature] writes it, with the
// cursor that continues a listing after it.
type Encoded struct {
	After incidents.Cursor
	JSON  []byte
}

// PageBytes is the memory page holds: its list and its features' bytes. A
// page of [Collector.Page] or [EncodeAll] holds no other: its features lie
// in buffers of their size. Pages held while their clients read are
// bounded by it.
func PageBytes(page []Encoded) int64 {
	n := int64(cap(page)) * int64(unsafe.Sizeof(Encoded{}))
	for _, e := range page {
		n += int64(len(e.JSON))
	}
	return n
}

// EncodeAll encodes incs, in order, into one buffer of their size. It fails
// on the first incident AppendFeature cannot encode.
func EncodeAll(incs []incidents.Incident) ([]Encoded, error) {
	var buf []byte
	ends := make([]int, len(incs))
	for i, inc := range incs {
		var err error
		if buf, err = AppendFeature(buf, inc); err != nil {
			return nil, err
		}
		ends[i] = len(buf)
	}
	if cap(buf) > len(buf) { // what append grew it by, up to as much again
		buf = append(make([]byte, 0, len(buf)), buf...)
	}
	out := make([]Encoded, len(incs))
	start := 0
	for i, inc := range incs {
		out[i] = Encoded{After: incidents.CursorOf(inc), JSON: buf[start:ends[i]:ends[i]]}
		start = ends[i]
	}
	return out, nil
}
