package gazetteer

import "testing"

// TestGeocode_CityQuarters resolves quarters the news names by popular names that
// OCHA's neighbourhood list lacks or spells otherwise (curated.tsv): each lands in
// its own city, where the bare name had gone to a village of another governorate
// (the Hilaliya of Qamishli to a Hasakah hamlet) or to nothing. The quarters in no
// dataset carry their city's point; those OCHA holds under another name (Rumaila is
// OCHA's Tishrine, Joura its Thawra) keep OCHA's point and precision.
func TestGeocode_CityQuarters(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]geocodeCase{
		"hasakah ar":       {query: "حي غويران في الحسكة", wantID: "curated:hasakah-ghuwayran", wantAdm2: "SY0800"},
		"hasakah en":       {query: "the Ghuwayran neighborhood", wantID: "curated:hasakah-ghuwayran", wantAdm2: "SY0800"},
		"hasakah nashwa":   {query: "حي النشوة", wantID: "curated:hasakah-nashwa", wantAdm2: "SY0800"},
		"qamishli ar":      {query: "حي العنترية", wantID: "curated:qamishli-antariya", wantAdm2: "SY0802"},
		"qamishli city":    {query: "حي الهلالية في القامشلي", wantID: "curated:qamishli-hilaliya", wantAdm2: "SY0802"},
		"qamishli en":      {query: "Hilaliya, Qamishli", wantID: "curated:qamishli-hilaliya", wantAdm2: "SY0802"},
		"qamishli tay":     {query: "حي طي في القامشلي", wantID: "curated:qamishli-tay", wantAdm2: "SY0802"},
		"raqqa ar":         {query: "حي المشلب بالرقة", wantID: "curated:raqqa-mashlab", wantAdm2: "SY1101"},
		"raqqa en":         {query: "the Mashlab neighborhood", wantID: "curated:raqqa-mashlab", wantAdm2: "SY1101"},
		"raqqa rumaila":    {query: "حي الرميلة في الرقة", wantID: "ocha:N0464", wantPrec: PrecisionNeighbourhood},
		"deir joura":       {query: "حي الجورة في دير الزور", wantID: "ocha:N0413", wantPrec: PrecisionNeighbourhood},
		"deir huweiqa":     {query: "حي الحويقة", wantID: "ocha:N0415", wantPrec: PrecisionNeighbourhood},
		"deir jbeileh":     {query: "حي الجبيلة في دير الزور", wantID: "curated:deir-ez-zor-jbeileh", wantAdm2: "SY0901"},
		"latakia ramel ar": {query: "حي الرمل الفلسطيني", wantID: "ocha:N0342", wantPrec: PrecisionNeighbourhood},
		"latakia ramel en": {query: "the Ramel al-Filastini neighborhood", wantID: "ocha:N0342", wantPrec: PrecisionNeighbourhood},
		"daraa mahatta":    {query: "Daraa al-Mahatta", wantID: "curated:daraa-mahatta", wantAdm2: "SY1200"},
		"hama arbaeen":     {query: "حي الأربعين في حماة", wantID: "curated:hama-arbaeen", wantAdm2: "SY0501"},
		"homs inshaat":     {query: "حي الإنشاءات بحمص", wantID: "curated:homs-inshaat", wantAdm2: "SY0401"},
		"idlib hittin":     {query: "حي حطين في إدلب", wantID: "curated:idlib-hittin", wantAdm2: "SY0700"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if tc.wantPrec == "" {
				tc.wantPrec = PrecisionTown // the quarter carries its city's point
			}
			checkGeocode(t, g, tc)
		})
	}
}

// TestGeocode_CityQuartersKeepNamesakes checks what the quarters must not take:
// a bare name another city's OCHA quarter holds stays that quarter (Aleppo's
// Ashrafiyeh, not Idlib's), and the village a quarter is named like keeps its
// bare name (the hamlet Jbeileh north of Deir ez-Zor).
func TestGeocode_CityQuartersKeepNamesakes(t *testing.T) {
	g := mustDefault(t)
	for query, id := range map[string]string{
		"حي الأشرفية": "ocha:N0128", "حي الحجاز": "ocha:N0046", "جبيله": "ocha:C6309",
		"هلالية": "ocha:C4375", "Ziraa": "ocha:C2182",
	} {
		m, err := g.Geocode(query)
		if err != nil || m.Place.ID != id {
			t.Errorf("Geocode(%q) = %s (%s), %v; want %s", query, m.Place.ID, m.Place.NameEN, err, id)
		}
	}
}

// TestFindAll_CityQuarters finds a quarter in running text at its city.
func TestFindAll_CityQuarters(t *testing.T) {
	g := mustDefault(t)
	for text, id := range map[string]string{
		"قصفت قوات النظام حي غويران في مدينة الحسكة صباح اليوم":      "curated:hasakah-ghuwayran",
		"انفجرت عبوة ناسفة في حي المشلب بمدينة الرقة":                "curated:raqqa-mashlab",
		"Clashes broke out in the Antariya neighborhood of Qamishli": "curated:qamishli-antariya",
	} {
		found := false
		for _, m := range g.FindAll(text) {
			found = found || m.Match.Place.ID == id
		}
		if !found {
			t.Errorf("FindAll(%q) does not find %s", text, id)
		}
	}
}
