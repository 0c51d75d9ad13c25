package index

import "testing"

// TestApply_WidestGone: when the incident with the longest date range is
// deleted or narrowed, the index's span bound (which widens every period's
// walk) comes down to the widest left, built or added; it used to stay.
func TestApply_WidestGone(t *testing.T) {
	day := int32(20_000)
	ix := Build(1, []Point{
		{Lon: 36.8, Lat: 35.8, ID: 1, DayFrom: day, DayTo: day + 2},
		{Lon: 36.9, Lat: 35.9, ID: 2, DayFrom: -700_000, DayTo: 2_900_000}, // year 1 to 9999
		{Lon: 37.0, Lat: 36.0, ID: 3, DayFrom: day, DayTo: day},
	})
	if ix.maxSpan != 3_600_000 {
		t.Fatalf("built span %d", ix.maxSpan)
	}
	ix, _ = ix.Apply(2, []int64{2}, nil) // deleted
	if ix.maxSpan != 2 {
		t.Errorf("after deleting the widest, span %d, want 2", ix.maxSpan)
	}
	ix, _ = ix.Apply(3, []int64{4}, []Point{{Lon: 36.7, Lat: 35.7, ID: 4, DayFrom: day, DayTo: day + 30}})
	if ix.maxSpan != 30 {
		t.Errorf("after adding a month-long one, span %d, want 30", ix.maxSpan)
	}
	ix, _ = ix.Apply(4, []int64{4}, []Point{{Lon: 36.7, Lat: 35.7, ID: 4, DayFrom: day, DayTo: day + 5}})
	if ix.maxSpan != 5 {
		t.Errorf("after narrowing the added one, span %d, want 5", ix.maxSpan)
	}
	ix, _ = ix.Apply(5, []int64{1}, nil) // narrower than the widest: no pass over the points needed
	if ix.maxSpan != 5 {
		t.Errorf("after deleting a narrower one, span %d, want 5", ix.maxSpan)
	}
}
