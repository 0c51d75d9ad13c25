package sqlite

import (
	"encoding/json"
	"math"
	"slices"
	"testing"
)

// TestIDList: the list is the JSON array of the IDs, the longest and
// negative ones included.
func TestIDList(t *testing.T) {
	for _, ids := range [][]int64{nil, {7}, {1, -2, math.MaxInt64, math.MinInt64, 0, 1 << 40}} {
		var back []int64
		if err := json.Unmarshal([]byte(idList(ids)), &back); err != nil || !slices.Equal(back, ids) && len(ids) > 0 {
			t.Fatalf("idList(%v) = %s, read back %v, %v", ids, idList(ids), back, err)
		}
	}
	if got := idList(nil); got != "[]" {
		t.Fatalf("idList(nil) = %q", got)
	}
}
