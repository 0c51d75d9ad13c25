package web

import (
	"fmt"
	"strings"
	"testing"
)

// TestMergePatch_LinearWork: a merge patch's members are each checked
// against the feature's names as they fold; compared with every name merged
// so far, a patch of 87,000 members (under the 1 MiB body limit) ran past a
// minute. Four times the members must not cost eight times the allocations.
func TestMergePatch_LinearWork(t *testing.T) {
	doc := []byte(`{"type":"Feature","geometry":{"type":"Point","coordinates":[36.8,35.87]},"properties":{"killed":1,"summary_en":"x"}}`)
	patch := func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"properties":{`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"m%06d":1`, i)
		}
		b.WriteString(`}}`)
		return []byte(b.String())
	}
	allocs := func(n int) float64 {
		p := patch(n)
		return testing.AllocsPerRun(1, func() {
			if _, err := mergePatch(doc, p); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(2000), allocs(8000)
	t.Logf("allocations: %.0f for 2,000 members, %.0f for 8,000", small, large)
	if large > 8*small {
		t.Errorf("4 times the members cost %.1f times the allocations: the merge is not linear", large/small)
	}
}
