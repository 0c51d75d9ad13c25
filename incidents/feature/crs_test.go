package feature

import (
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestDecode_CRS: a GeoJSON 2008 "crs" member, on the collection, a feature
// or its geometry, is read only when it names CRS84 (longitude, latitude,
// as RFC 7946 positions are). EPSG:4326, latitude first in the OGC's axis
// order and written either way round by GeoJSON writers, and any other CRS
// are refused, naming the member; mapsrv read every one as longitude
// first, so that a file written latitude first had its points swapped.
func TestDecode_CRS(t *testing.T) {
	named := func(name string) string { return `{"type":"name","properties":{"name":"` + name + `"}}` }
	// A point in Aleppo, latitude first as EPSG:4326's axis order has it:
	// read longitude first it still lies in the mapped area.
	latLon := strings.Replace(good, "[36.8,35.87]", "[36.2,37.16]", 1)
	inCollection := func(crs string) string {
		return `{"type":"FeatureCollection","crs":` + crs + `,"features":[` + latLon + `]}`
	}
	afterFeatures := func(crs string) string {
		return `{"type":"FeatureCollection","features":[` + latLon + `],"CRS":` + crs + `}`
	}
	onFeature := func(crs string) string {
		return strings.Replace(latLon, `"type":"Feature",`, `"type":"Feature","crs":`+crs+`,`, 1)
	}
	onGeometry := func(crs string) string {
		return strings.Replace(latLon, `"type":"Point",`, `"type":"Point","crs":`+crs+`,`, 1)
	}
	places := map[string]func(string) string{"collection": inCollection, "after the features": afterFeatures,
		"feature": onFeature, "geometry": onGeometry}

	// A member of an empty name is no crs.
	if n, err := decodeAll(`{"type":"FeatureCollection","":{"type":"name"},"features":[` + latLon + `]}`); err != nil || n != 1 {
		t.Errorf("a collection with a member of an empty name: %d read, %v", n, err)
	}
	for _, crs := range []string{named("urn:ogc:def:crs:OGC:1.3:CRS84"), named("urn:ogc:def:crs:OGC::CRS84"),
		named("http://www.opengis.net/def/crs/OGC/1.3/CRS84"), named("OGC:CRS84"), named("URN:OGC:DEF:CRS:OGC:1.3:CRS84")} {
		for where, in := range places {
			var got []incidents.Incident
			for inc, err := range Decode(strings.NewReader(in(crs)), incidents.StatusPublished) {
				if err != nil {
					t.Fatalf("%s on the %s: %v", crs, where, err)
				}
				got = append(got, inc)
			}
			if len(got) != 1 || got[0].Location[0] != 36.2 || got[0].Location[1] != 37.16 {
				t.Errorf("%s on the %s: read %v, want one incident at lon 36.2, lat 37.16", crs, where, got)
			}
		}
	}

	for crs, want := range map[string]string{
		named("urn:ogc:def:crs:EPSG::4326"):                 "latitude first",
		named("urn:ogc:def:crs:EPSG:6.6:4326"):              "latitude first",
		named("EPSG:4326"):                                  "latitude first",
		named("http://www.opengis.net/def/crs/EPSG/0/4326"): "latitude first",
		named("urn:ogc:def:crs:EPSG::3857"):                 "convert them",
		named("urn:ogc:def:crs:OGC:1.3:CRS83"):              "convert them",
		`null`:                                              "no known CRS",
		`{"type":"link","properties":{"href":"http://example.org/crs","type":"proj4"}}`: "not a named CRS",
		`"EPSG:4326"`: "not a named CRS",
	} {
		for where, in := range places {
			n, err := decodeAll(in(crs))
			if err == nil || !strings.Contains(err.Error(), "crs: ") || !strings.Contains(err.Error(), want) {
				t.Errorf("%s on the %s: %d read, err %v; want an error naming crs and saying %q", crs, where, n, err, want)
			}
		}
		if _, err := Unmarshal([]byte(onFeature(crs)), incidents.StatusPublished); err == nil {
			t.Errorf("Unmarshal of a feature with crs %s: no error", crs)
		}
	}
}

// TestCheckCRSName: a Content-Crs names CRS84 or is refused.
func TestCheckCRSName(t *testing.T) {
	for _, ok := range []string{"http://www.opengis.net/def/crs/OGC/1.3/CRS84", "https://www.opengis.net/def/crs/OGC/1.3/CRS84",
		"urn:ogc:def:crs:OGC:1.3:CRS84", "[OGC:CRS84]"} {
		if err := CheckCRSName(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://www.opengis.net/def/crs/EPSG/0/4326", "EPSG:4326", "http://www.opengis.net/def/crs/EPSG/0/3857",
		"", "CRS84x", strings.Repeat("x", 1000)} {
		err := CheckCRSName(bad)
		if err == nil || len(err.Error()) > 600 {
			t.Errorf("%.40s: %v", bad, err)
		}
	}
}
