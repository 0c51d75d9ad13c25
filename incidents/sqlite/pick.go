package sqlite

import (
	"strconv"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// pick is an incident a page holds: its ID and the cursor continuing after
// it.
type pick struct {
	id    int64
	after incidents.Cursor
}

// picksOf are the picks of a page the index chose.
func picksOf(points []index.Point) []pick {
	picks := make([]pick, len(points))
	for i, p := range points {
		picks[i] = pick{p.ID, p.Cursor()}
	}
	return picks
}

func pickIDs(picks []pick) []int64 {
	ids := make([]int64, len(picks))
	for i, p := range picks {
		ids[i] = p.id
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
