package gazetteer

import "testing"

// TestDistrict: the built-in data has OCHA's districts; a place's point lies in
// the district Reverse names, and a point at sea lies in none.
func TestDistrict(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(g.Areas(2)); n < 60 {
		t.Fatalf("Areas(2) = %d districts, want Syria's 60-odd", n)
	}
	if n := len(g.Areas(1)); n != 14 {
		t.Errorf("Areas(1) = %d governorates, want 14", n)
	}
	checked := 0
	for _, p := range g.Places() {
		if p.Kind != KindTown && p.Kind != KindCity || checked == 300 {
			continue
		}
		rev, ok := g.Reverse(p.Location)
		if !ok || rev.District.PCode == "" {
			continue
		}
		checked++
		if got := g.District(p.Location); got != rev.District.PCode && got != "" {
			t.Errorf("District(%s at %v) = %q, Reverse says %q", p.NameEN, p.Location, got, rev.District.PCode)
		}
	}
	if checked < 100 {
		t.Errorf("only %d towns checked", checked)
	}
	if got := g.District([2]float64{34.5, 34.5}); got != "" {
		t.Errorf("a point in the sea off Tartus lies in district %q", got)
	}
}
