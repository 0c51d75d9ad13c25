package gazetteer

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestSuggest(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]struct {
		prefix string
		first  string // ID of the expected first suggestion
	}{
		"arabic":           {"حل", "geonames:170063"},
		"arabic article":   {"الرق", "geonames:172955"},
		"english":          {"Dam", "geonames:170654"},
		"english article":  {"al-Hasa", "geonames:173811"},
		"article optional": {"Hasa", "geonames:173811"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := g.Suggest(tc.prefix, 5)
			if len(got) == 0 || !hasID(got[0], tc.first) {
				t.Fatalf("Suggest(%q) = %v; want %s first", tc.prefix, ids(got), tc.first)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Importance > got[i-1].Importance {
					t.Errorf("Suggest(%q) not ranked by importance: %v", tc.prefix, ids(got))
				}
			}
		})
	}
	if got := g.Suggest("ا", 3); len(got) != 3 {
		t.Errorf("Suggest limit 3 gave %d", len(got))
	}
	if got := g.Suggest("zzzz", 3); len(got) != 0 {
		t.Errorf("Suggest(zzzz) = %v; want none", ids(got))
	}
}

func ids(ps []Place) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.ID)
	}
	return strings.Join(s, ",")
}

func TestReverse(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]struct {
		pt      orb.Point
		want    string
		outside bool
	}{
		"idlib city":         {orb.Point{36.634, 35.931}, "SY07", false},
		"damascus":           {orb.Point{36.291, 33.510}, "SY01", false},
		"deir ez-zor desert": {orb.Point{40.0, 34.9}, "SY09", false},
		"off latakia coast":  {orb.Point{35.755, 35.53}, "SY06", true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r, ok := g.Reverse(tc.pt)
			if !ok || r.Governorate.PCode != tc.want {
				t.Fatalf("Reverse(%v) = %s, %v; want %s", tc.pt, r.Governorate.PCode, ok, tc.want)
			}
			if (r.OutsideKm > 0) != tc.outside {
				t.Errorf("Reverse(%v).OutsideKm = %.1f; want outside %v", tc.pt, r.OutsideKm, tc.outside)
			}
			if len(r.Nearest) != 5 {
				t.Errorf("Reverse(%v) gave %d nearest places; want 5", tc.pt, len(r.Nearest))
			}
		})
	}
	if r, ok := g.Reverse(orb.Point{2.35, 48.85}); ok {
		t.Errorf("Reverse(Paris) = %s; want not found", r.Governorate.PCode)
	}
}

func TestReverse_OCHADistricts(t *testing.T) {
	g := ochaGazetteer(t)
	r, ok := g.Reverse(orb.Point{36.7699, 36.2125}) // Dana
	if !ok || r.Governorate.PCode != "SY07" || r.District.PCode != "SY0703" || r.Subdistrict.PCode == "" {
		t.Errorf("Reverse(Dana) = %s/%s/%s; want SY07/SY0703/a subdistrict", r.Governorate.PCode, r.District.PCode, r.Subdistrict.PCode)
	}
}

func TestNearest(t *testing.T) {
	g := mustDefault(t)
	got := g.Nearest(orb.Point{36.8636, 36.5133}, 3) // OCHA's point for Afrin town
	if len(got) != 3 || !hasID(got[0], "geonames:174186") {
		t.Fatalf("Nearest(Afrin) = %s; want geonames:174186 first", ids(got))
	}
}
