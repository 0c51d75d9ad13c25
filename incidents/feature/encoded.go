package feature

import "github.com/mapsrv/mapsrv/incidents"

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

// EncodeAll encodes incs, in order, into one buffer. It fails on the first
// incident AppendFeature cannot encode.
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
	out := make([]Encoded, len(incs))
	start := 0
	for i, inc := range incs {
		out[i] = Encoded{After: incidents.CursorOf(inc), JSON: buf[start:ends[i]:ends[i]]}
		start = ends[i]
	}
	return out, nil
}
