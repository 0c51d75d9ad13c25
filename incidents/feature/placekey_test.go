package feature

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPlaceKey_UniqueAndBack: every ID has its own key, whatever the point
// (inside the extent, outside it, NaN), and KeyID gives the ID back: that
// it does for every key shows no two IDs share one.
func TestPlaceKey_UniqueAndBack(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[int64]int64{}
	points := [][2]float64{{36.3, 33.5}, {36.3, 33.5}, {0, 0}, {-180, 90}, {180, -90}, {math.NaN(), math.Inf(1)}}
	ids := []int64{1, 2, 3, 1<<39 - 1, 1 << 39, 1<<39 + 1, math.MaxInt64}
	for range 2000 {
		points = append(points, [2]float64{35 + 8*r.Float64(), 32 + 6*r.Float64()})
		ids = append(ids, r.Int64N(1<<40)+1)
	}
	for i, id := range ids {
		p := points[i%len(points)]
		k := PlaceKey(id, p[0], p[1])
		if got := KeyID(k); got != id {
			t.Fatalf("KeyID(PlaceKey(%d, %v)) = %d", id, p, got)
		}
		if other, ok := seen[k]; ok && other != id {
			t.Fatalf("IDs %d and %d share key %d", other, id, k)
		}
		seen[k] = id
		if RefOf(id, p[0], p[1]) != (Ref{ID: id, Key: k}) {
			t.Fatalf("RefOf(%d) is not its ID and PlaceKey", id)
		}
	}
}

// TestPlaceKey_NearbyTogether: laid out in order of key, six features to a
// disk page, the incidents of one small box fill a fraction of the pages
// they fill laid out by ID, which is what saves a page of the map its reads.
func TestPlaceKey_NearbyTogether(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	type pt struct {
		id       int64
		lon, lat float64
	}
	var all []pt
	for id := int64(1); id <= 200_000; id++ {
		all = append(all, pt{id, 35.7 + 6.5*r.Float64(), 32.4 + 4.9*r.Float64()})
	}
	in := func(p pt) bool { return p.lon >= 36.6 && p.lon < 36.8 && p.lat >= 35.8 && p.lat < 36.0 }
	const perPage = 6
	pages := func(key func(pt) int64) (n, pages int) {
		sorted := slices.Clone(all)
		slices.SortFunc(sorted, func(a, b pt) int { return cmp.Compare(key(a), key(b)) })
		seen := map[int]bool{}
		for i, p := range sorted {
			if in(p) {
				n++
				seen[i/perPage] = true
			}
		}
		return n, len(seen)
	}
	n, byID := pages(func(p pt) int64 { return p.id })
	_, byPlace := pages(func(p pt) int64 { return PlaceKey(p.id, p.lon, p.lat) })
	if n < 200 || byPlace*3 > byID {
		t.Fatalf("the %d incidents of a 0.2° box fill %d pages by place key, %d by ID: want a third or fewer", n, byPlace, byID)
	}
	t.Logf("the %d incidents of a 0.2° box fill %d pages by ID, %d by place key", n, byID, byPlace)
}

// TestSortByKey: refs come out in order of key, each with its own ID, the
// same as sorted by a comparison of keys; refs whose key is not their ID's
// are sorted as they are.
func TestSortByKey(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var refs []Ref
	for _, id := range []int64{1, 2, 1<<39 - 1, 1 << 39, 1<<39 + 7, math.MaxInt64} {
		refs = append(refs, RefOf(id, 36.3, 33.5))
	}
	for range 3000 {
		refs = append(refs, RefOf(r.Int64N(1<<40)+1, 35+8*r.Float64(), 32+6*r.Float64()))
	}
	r.Shuffle(len(refs), func(i, j int) { refs[i], refs[j] = refs[j], refs[i] })
	check := func(refs []Ref) {
		t.Helper()
		want := slices.Clone(refs)
		slices.SortFunc(want, func(a, b Ref) int { return cmp.Compare(a.Key, b.Key) })
		SortByKey(refs)
		if !slices.Equal(refs, want) {
			for i := range refs {
				if refs[i] != want[i] {
					t.Fatalf("SortByKey: [%d] = %+v, want %+v", i, refs[i], want[i])
				}
			}
		}
	}
	check(refs)
	r.Shuffle(len(refs), func(i, j int) { refs[i], refs[j] = refs[j], refs[i] })
	refs[len(refs)/2].ID++ // a key that is not its ID's
	check(refs)
}
