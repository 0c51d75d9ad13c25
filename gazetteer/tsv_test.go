package gazetteer

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

var dana = Place{
	ID: "geonames:174259", NameEN: "Ad Dana", NameAR: "الدانا", Variants: []string{"Dana", "دانا"},
	Kind: KindTown, Location: orb.Point{36.76998, 36.21254}, Admin1PCode: "SY07", Admin1Name: "Idlib",
	Admin2PCode: "SY0703", Admin2Name: "Harim", Population: 21987, Importance: 0.48,
	Source: "GeoNames cities500 (CC BY 4.0)", SameAs: []string{"ocha:C4126"},
}

func TestMarshalPlace(t *testing.T) {
	b, err := MarshalPlace(dana)
	if err != nil {
		t.Fatal(err)
	}
	got, err := UnmarshalPlace(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, dana) {
		t.Errorf("UnmarshalPlace(MarshalPlace(p)) = %+v; want %+v", got, dana)
	}
	if _, err := UnmarshalPlace([]byte(`{"name_en":"x"}`)); !errors.Is(err, ErrBadData) {
		t.Errorf("UnmarshalPlace without id: err %v; want ErrBadData", err)
	}
}

func TestTSV_RoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTSV(&buf, []Place{dana}); err != nil {
		t.Fatal(err)
	}
	got, err := LoadTSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := dana
	want.Importance = 0.48 // three decimals kept
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("LoadTSV(WriteTSV(p)) = %+v; want %+v", got, want)
	}
	if _, err := LoadTSV(strings.NewReader("id\tname_en\tlat\nx\ty\tnorth\n")); !errors.Is(err, ErrBadData) {
		t.Errorf("LoadTSV with a bad latitude: err %v; want ErrBadData", err)
	}
}

func TestParseOCHA_Fixtures(t *testing.T) {
	tests := map[string]struct {
		file      string
		wantIDs   []string
		wantAreas int
	}{
		"communities":    {"communities.geojson", []string{"ocha:C4126", "ocha:C3965"}, 0},
		"admin2":         {"admin2.geojson", []string{"ocha:SY0703"}, 1},
		"neighbourhoods": {"neighbourhoods.geojson", []string{"ocha:N0049", "ocha:C1001/A010"}, 1},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open("testdata/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			places, areas, err := ParseOCHA(f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range places {
				got = append(got, p.ID)
				if p.Admin1PCode != "SY07" && p.Admin1PCode != "SY01" || p.Location == (orb.Point{}) {
					t.Errorf("%s: admin1 %q at %v", p.ID, p.Admin1PCode, p.Location)
				}
			}
			if !reflect.DeepEqual(got, tc.wantIDs) || len(areas) != tc.wantAreas {
				t.Errorf("ParseOCHA(%s) = %v, %d areas; want %v, %d", tc.file, got, len(areas), tc.wantIDs, tc.wantAreas)
			}
		})
	}
	if _, _, err := ParseOCHA(strings.NewReader(`{"type":"FeatureCollection","features":[]}`)); !errors.Is(err, ErrBadData) {
		t.Errorf("ParseOCHA(empty): err %v; want ErrBadData", err)
	}
}

// TestMerge checks that the same place from GeoNames and OCHA becomes one, keeps
// the OCHA code and both sets of names, and that merging again changes nothing.
func TestMerge(t *testing.T) {
	f, err := os.Open("testdata/communities.geojson")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ocha, _, err := ParseOCHA(f)
	if err != nil {
		t.Fatal(err)
	}
	once := Merge([]Place{dana}, ocha)
	if len(once) != 2 {
		t.Fatalf("Merge gave %d places; want 2 (Dana of Harim merged, Dana of Maarrat an-Numan apart)", len(once))
	}
	m := once[0]
	if m.ID != "ocha:C4126" || m.Admin2PCode != "SY0703" || !contains(m.SameAs, "geonames:174259") ||
		m.NameEN != "Ad Dana" || !contains(m.names(), "Dana") || m.NameAR != "الدانا" {
		t.Errorf("merged = %+v; want OCHA ID and codes, the GeoNames ID in SameAs, GeoNames' English name and OCHA's as a variant", m)
	}
	// a newer release of the same record moves the point and keeps the names
	moved := ocha[0]
	moved.Location, moved.NameEN = orb.Point{36.77, 36.22}, "Dana (2025)"
	again := Merge(once, []Place{moved})
	if got := again[0]; got.Location != moved.Location || got.NameEN != "Ad Dana" || !contains(got.Variants, "Dana (2025)") {
		t.Errorf("re-import = %s at %v, variants %v; want the new point, the name kept and the new one a variant", got.NameEN, got.Location, got.Variants)
	}
	twice := Merge(once, ocha)
	if !reflect.DeepEqual(once, twice) {
		t.Errorf("Merge is not idempotent:\n%+v\n%+v", once, twice)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
