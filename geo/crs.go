package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// A GeoJSON position is [longitude, latitude] in WGS 84 (RFC 7946 section
// 4), the CRS the OGC names CRS84. GeoJSON 2008 let a "crs" member name
// another, and files still carry one: a name for CRS84 says what RFC 7946
// says and is read, but EPSG:4326 is latitude first in the OGC's axis
// order (the order of urn:ogc:def:crs:EPSG::4326 and of
// http://www.opengis.net/def/crs/EPSG/0/4326) while GeoJSON 2008 put
// longitude first whatever the CRS, and writers do either: a point in
// Aleppo, [37.16, 36.20], read the other way round, still lies in the
// mapped area. mapsrv does not guess: such a file, and one in any other
// CRS, is refused, naming the member and what to do. It read every "crs"
// as longitude first, saying nothing.

// crs84 matches the names of CRS84 (longitude, latitude, WGS 84).
var crs84 = regexp.MustCompile(`(?i)^(urn:ogc:def:crs:OGC:(1\.3)?:CRS84|https?://www\.opengis\.net/def/crs/OGC/(1\.3|0)/CRS84|\[?OGC:CRS84\]?)$`)

// epsg4326 matches the names of EPSG:4326, whose axis order is latitude
// first.
var epsg4326 = regexp.MustCompile(`(?i)^(urn:ogc:def:crs:EPSG:[0-9.]*:4326|https?://www\.opengis\.net/def/crs/EPSG/[0-9.]+/4326|\[?EPSG:4326\]?)$`)

// IsCRS84 tells whether name names CRS84, the CRS of every GeoJSON position:
// one of its URNs or URIs, or OGC:CRS84.
func IsCRS84(name string) bool { return crs84.MatchString(strings.TrimSpace(name)) }

// CheckCRSName says what is wrong with name as the CRS of a request's
// positions (a Content-Crs header, without its angle brackets), or nil for
// CRS84.
func CheckCRSName(name string) error {
	switch {
	case IsCRS84(name):
		return nil
	case epsg4326.MatchString(strings.TrimSpace(name)):
		return fmt.Errorf("%q is EPSG:4326, latitude first in the OGC's axis order, but GeoJSON writers put "+
			"longitude first as often as not, and mapsrv does not guess which: give positions as "+
			"[longitude, latitude] and name no CRS but %s (RFC 7946)", clip(name), crs84Name)
	}
	return fmt.Errorf("%q: mapsrv reads positions as [longitude, latitude] in WGS 84 only (%s, RFC 7946): "+
		"convert them", clip(name), crs84Name)
}

// crs84Name is the name of CRS84 an error suggests.
const crs84Name = "urn:ogc:def:crs:OGC:1.3:CRS84"

// clip cuts a name quoted in an error at 200 bytes.
func clip(s string) string {
	if len(s) <= 200 {
		return s
	}
	i := 200
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}

// CheckCRSMember says what is wrong with a GeoJSON object's "crs" member
// (raw, nil when there is none), or nil when there is none or it names
// CRS84.
func CheckCRSMember(raw json.RawMessage) error {
	if raw == nil {
		return nil
	}
	var c struct {
		Type       string `json:"type"`
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
	}
	switch {
	case string(raw) == "null":
		return errors.New("crs: null says the positions are in no known CRS (GeoJSON 2008); mapsrv reads " +
			"[longitude, latitude] in WGS 84 (RFC 7946): leave the member out")
	case json.Unmarshal(raw, &c) != nil || c.Type != "name" || c.Properties.Name == "":
		return errors.New("crs: not a named CRS (GeoJSON 2008's \"type\": \"name\"); mapsrv reads [longitude, latitude] " +
			"in WGS 84 only (RFC 7946): leave the member out")
	}
	if err := CheckCRSName(c.Properties.Name); err != nil {
		return fmt.Errorf("crs: %w", err)
	}
	return nil
}
