package extract

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/paulmach/orb"
)

func TestCandidate_MarshalJSON(t *testing.T) {
	two := 2
	full := Candidate{
		IncidentType: TypeArrest, DateFrom: ymd("2025-11-24"), DateTo: ymd("2025-11-24"), DatePrecision: PrecisionDay,
		PlaceNameAR: "البدروسية", PlaceNameEN: "Badrousiya", Location: orb.Point{35.9, 35.89}, HasLocation: true,
		Admin1PCode: "SY06", Admin1Name: "Latakia", GeoPrecision: "town", Killed: &two, Evidence: "نص",
		Places: []PlaceRef{{Text: "البدروسية", NameEN: "Badrousiya", Lat: 35.89, Lon: 35.9, Admin1PCode: "SY06", Role: RoleIncident}},
		Notes:  []string{"year 2025 inferred from the weekday (Monday); check"},
	}
	keys := []string{"incident_type", "date_from", "date_to", "date_precision", "place_name_ar", "place_name_en",
		"lat", "lon", "admin1_pcode", "admin1_name", "admin2_pcode", "admin2_name", "geo_precision", "places", "killed", "injured", "arrested", "evidence", "notes"}
	tests := map[string]struct {
		c    Candidate
		want map[string]any
	}{
		"full": {c: full, want: map[string]any{"date_from": "2025-11-24", "lat": 35.89, "lon": 35.9, "killed": 2.0,
			"injured": nil, "arrested": nil, "geo_precision": "town", "admin1_name": "Latakia",
			"notes": []any{"year 2025 inferred from the weekday (Monday); check"}}},
		"unknowns are null": {c: Candidate{IncidentType: TypeClash, Evidence: "x"}, want: map[string]any{"date_from": nil,
			"date_to": nil, "date_precision": nil, "lat": nil, "lon": nil, "admin1_pcode": nil, "admin1_name": nil, "killed": nil, "places": []any{}, "notes": []any{}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(tc.c)
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			var gotKeys []string
			for k := range got {
				gotKeys = append(gotKeys, k)
			}
			slices.Sort(gotKeys)
			wantKeys := slices.Sorted(slices.Values(keys))
			if !slices.Equal(gotKeys, wantKeys) {
				t.Errorf("keys = %v, want %v", gotKeys, wantKeys)
			}
			for k, v := range tc.want {
				gj, _ := json.Marshal(got[k])
				wj, _ := json.Marshal(v)
				if string(gj) != string(wj) {
					t.Errorf("%s = %s, want %s", k, gj, wj)
				}
			}
		})
	}
}
