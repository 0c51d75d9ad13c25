package gazetteer

import "math"

// EstimateImportance ranks a place among its namesakes, 0..1, from its kind, its
// population (0 if unknown) and its administrative rank: capital is 0 for the
// national capital, 1 for a governorate seat, 2 a district seat, 3 a subdistrict
// seat, and -1 for none.
func EstimateImportance(k Kind, population, capital int) float64 {
	base := map[Kind]float64{
		KindCountry: 0.95, KindGovernorate: 0.75, KindDistrict: 0.5, KindSubdistrict: 0.35,
		KindRegion: 0.4, KindCity: 0.45, KindTown: 0.3, KindVillage: 0.15,
		KindNeighbourhood: 0.12, KindLandmark: 0.1,
	}[k]
	switch capital {
	case 0:
		base = max(base, 0.95)
	case 1:
		base = max(base, 0.8)
	case 2:
		base = max(base, 0.55)
	case 3:
		base = max(base, 0.4)
	}
	if population > 0 {
		base += 0.12 * math.Min(1, math.Log10(float64(population))/6.5)
	}
	return math.Min(1, base)
}
