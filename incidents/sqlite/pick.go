package sqlite

import (
	"strconv"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// A page is picked as the cursors of its incidents, in order: each names an
// incident and continues a listing after it.

// picksOf are the picks of a page the index chose.
func picksOf(points []index.Point) []incidents.Cursor {
	picks := make([]incidents.Cursor, len(points))
	for i, p := range points {
		picks[i] = p.Cursor()
	}
	return picks
}

func pickIDs(picks []incidents.Cursor) []int64 {
	ids := make([]int64, len(picks))
	for i, p := range picks {
		ids[i] = p.ID
	}
	return ids
}

func pointIDs(points []index.Point) []int64 {
	ids := make([]int64, len(points))
	for i, p := range points {
		ids[i] = p.ID
	}
	return ids
}

// idList writes ids as a JSON array, for json_each.
func idList(ids []int64) string {
	list := make([]byte, 0, 8*len(ids)+2)
	list = append(list, '[')
	for i, id := range ids {
		if i > 0 {
			list = append(list, ',')
		}
		list = strconv.AppendInt(list, id, 10)
	}
	return string(append(list, ']'))
}
