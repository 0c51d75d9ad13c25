package sqlite

import (
	"strconv"
)

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
