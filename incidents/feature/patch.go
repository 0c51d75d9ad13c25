package feature

import (
	"bytes"

	"github.com/mapsrv/mapsrv/incidents"
)

// AppendPatched appends to dst the feature stored, as [AppendFeature] wrote
// it, with its sources member written again from srcs: the bytes
// AppendFeature writes for the incident citing srcs, when nothing else of
// it changed. ok is false, and dst unchanged, when stored holds no sources
// member where AppendFeature puts one.
//
// A correction of a source cited by many incidents leaves their stored
// features saying what it said before (the stores mark it stale, and a
// background pass encodes them again); a page reads those features and
// their sources and patches them here, which costs a copy where encoding
// them from their rows cost reading every column (round 19).
func AppendPatched(dst, stored []byte, srcs []incidents.Source) (out []byte, ok bool) {
	start := bytes.LastIndex(stored, []byte(sourcesMember))
	if start < 0 {
		return dst, false
	}
	end := arrayEnd(stored, start+len(sourcesMember))
	if end < 0 {
		return dst, false
	}
	dst = append(dst, stored[:start]...)
	dst = appendSources(dst, srcs)
	return append(dst, stored[end:]...), true
}

// arrayEnd returns the offset just past the ']' closing the array whose
// elements begin at from in b, or -1 if it is not closed: brackets and
// braces are counted outside strings, and a string's escapes are stepped
// over.
func arrayEnd(b []byte, from int) int {
	depth := 0
	for i := from; i < len(b); i++ {
		switch b[i] {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				if b[i] == ']' {
					return i + 1
				}
				return -1
			}
			depth--
		}
	}
	return -1
}
