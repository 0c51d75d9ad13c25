package gazetteer

import (
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// TestRegions checks the regions and landmarks Syrian news names all the time:
// each resolves, in Arabic and English, to its curated record, ahead of a hamlet
// of the same name, which stays an alternative.
func TestRegions(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]string{
		"الغوطة الشرقية": "curated:ghouta-east", "Eastern Ghouta": "curated:ghouta-east",
		"الغوطة الغربية": "curated:ghouta-west", "الغوطة": "curated:ghouta",
		"الجولان": "curated:golan", "الجولان المحتل": "curated:golan-occupied", "Golan Heights": "curated:golan",
		"القلمون": "curated:qalamoun", "القلمون الشرقي": "curated:qalamoun-east", "Western Qalamoun": "curated:qalamoun-west",
		"حوران": "curated:hauran", "جبل الزاوية": "curated:jabal-zawiya", "سهل الغاب": "curated:ghab",
		"جبل الأكراد": "curated:jabal-akrad", "جبل التركمان": "curated:jabal-turkman", "اللجاة": "curated:lajat",
		"وادي بردى": "curated:wadi-barada", "الساحل السوري": "curated:coast", "البادية": "curated:badia",
		"مطار المزة العسكري": "curated:mezzeh-airbase", "مطار الشعيرات": "curated:shayrat-airbase",
		"مطار حماة العسكري": "curated:hama-airbase", "مطار منغ": "curated:menagh-airbase",
		"مطار الطبقة العسكري": "curated:tabqa-airbase", "مطار التيفور": "curated:t4-airbase",
		"قاعدة حميميم": "curated:hmeimim-airbase", "Hmeimim airbase": "curated:hmeimim-airbase",
		"سد تشرين": "curated:tishreen-dam", "سد الفرات": "curated:tabqa-dam", "Tabqa Dam": "curated:tabqa-dam",
		"معبر باب الهوى": "curated:bab-al-hawa-crossing", "باب الهوى": "curated:bab-al-hawa-crossing",
		"معبر باب السلامة": "curated:bab-al-salama-crossing", "معبر نصيب": "curated:nasib-crossing",
		"قاعدة التنف": "curated:tanf-base",
	}
	for q, id := range tests {
		m, err := g.Geocode(q)
		if err != nil || m.Place.ID != id {
			t.Errorf("Geocode(%q) = %s, %v; want %s", q, m.Place.ID, err, id)
		}
	}
	// the Raqqa hamlet called الغوطة and the Homs village called باب الهوى stay alternatives
	for q, hamlet := range map[string]string{"الغوطة": "ocha:C5728", "باب الهوى": "ocha:C2902"} {
		m, _ := g.Geocode(q)
		if !slices.ContainsFunc(m.Alternatives, func(p Place) bool { return p.ID == hamlet }) || m.Score >= 1 {
			t.Errorf("Geocode(%q) = %s %.2f, alternatives %v; want %s among them and a score under 1", q, m.Place.ID, m.Score, m.Alternatives, hamlet)
		}
	}
}

// TestFindAll_Regions reads regions and landmarks in running text: the region's
// usual form wins over a hamlet, a type word and a context still find the hamlet,
// a region locates a village, and a dam named after a month is a place.
func TestFindAll_Regions(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]struct {
		text, wantID string
		wantPrec     Precision
	}{
		"region over hamlet":   {"قصفت الطائرات مواقع بالغوطة", "curated:ghouta", PrecisionGovernorate},
		"eastern ghouta":       {"قصفت الطائرات مواقع بالغوطة الشرقية", "curated:ghouta-east", PrecisionDistrict},
		"hamlet when typed":    {"قتل عنصران في قرية الغوطة بريف الرقة", "ocha:C5728", PrecisionTown},
		"village in a region":  {"قصف على بلدة البارة في جبل الزاوية", "ocha:C4304", PrecisionTown},
		"dam named for month":  {"استهدفت طائرة مسيرة سد تشرين", "curated:tishreen-dam", PrecisionExact},
		"airbase":              {"غارات إسرائيلية على مطار المزة العسكري", "curated:mezzeh-airbase", PrecisionExact},
		"base at its village":  {"ضربات صاروخية على مطار الشعيرات", "curated:shayrat-airbase", PrecisionTown},
		"crossing":             {"دخلت قافلة مساعدات عبر معبر باب الهوى", "curated:bab-al-hawa-crossing", PrecisionExact},
		"english region":       {"Shelling hit towns in Eastern Ghouta", "curated:ghouta-east", PrecisionDistrict},
		"neighbourhood absent": {"قصف على حي الكورنيش في الغوطة الشرقية", "curated:ghouta-east", PrecisionDistrict},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) { wantOneMention(t, g, tc.text, tc.wantID, tc.wantPrec) })
	}
}

// TestCurated_Sourced checks every hand-written row: it names its source, and
// its point (given, or computed from its parts) lies in Syria, in the
// governorate it claims and, for a region, in one of its parts.
func TestCurated_Sourced(t *testing.T) {
	g := mustDefault(t)
	curated, err := embeddedTSV("data/curated.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range curated {
		i := slices.IndexFunc(g.Places(), func(p Place) bool { return hasID(p, c.ID) })
		if i < 0 {
			t.Errorf("%s: not in the gazetteer", c.ID)
			continue
		}
		p := g.Places()[i]
		if strings.TrimSpace(p.Source) == "" && strings.TrimSpace(c.Source) == "" {
			t.Errorf("%s: no source", c.ID)
		}
		if c.Location == (orb.Point{}) && len(c.Parts) == 0 {
			continue // names only: the point is the dataset's, not ours
		}
		r, ok := g.Reverse(p.Location)
		if !ok || r.OutsideKm > 0 {
			t.Errorf("%s at %v: outside Syria", c.ID, p.Location)
			continue
		}
		if p.Admin1PCode != "" && r.Governorate.PCode != p.Admin1PCode {
			t.Errorf("%s at %v lies in %s; its record says %s", c.ID, p.Location, r.Governorate.PCode, p.Admin1PCode)
		}
		if len(p.Parts) > 0 && !inParts(p.Parts, Place{Admin1PCode: r.Governorate.PCode, Admin2PCode: r.District.PCode, Admin3PCode: r.Subdistrict.PCode}) {
			t.Errorf("%s at %v lies in %s, none of its parts %v", c.ID, p.Location, r.Subdistrict.PCode, p.Parts)
		}
	}
}
