package index

import "unsafe"

// Bytes is about how much memory the index's points, grid and date order
// take, for metrics (its lazily built ID lookup aside).
func (ix *Index) Bytes() int64 {
	n := int64(len(ix.points)+len(ix.added)) * int64(unsafe.Sizeof(Point{}))
	n += int64(len(ix.byDate))*4 + int64(len(ix.gone))*8
	if ix.grid != nil {
		n += int64(len(ix.grid.start)) * 4
	}
	return n
}
