package sqlite

import (
	"strconv"
	"strings"
)

// idList writes ids as a JSON array, for json_each. The list is sized for
// the longest numbers at once and handed over without a copy: a page's
// place keys run to 19 digits, and a list sized for 8 grew and was copied
// about three times, then copied again into a string.
func idList(ids []int64) string {
	var b strings.Builder
	b.Grow(21*len(ids) + 2)
	b.WriteByte('[')
	var n [20]byte
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(strconv.AppendInt(n[:0], id, 10))
	}
	b.WriteByte(']')
	return b.String()
}
