package feature

import (
	"encoding/json"
	"fmt"

	"github.com/mapsrv/mapsrv/geo"
)

// CheckCRSName says what is wrong with name as the CRS of a request's
// positions (a Content-Crs header, without its angle brackets), or nil for
// CRS84 (see [geo.CheckCRSName]).
func CheckCRSName(name string) error { return geo.CheckCRSName(name) }

// CheckCRS says what is wrong with the "crs" member raw of a GeoJSON
// object (a merge patch's), or nil when it names CRS84; where is the
// object holding it ("" for the feature).
func CheckCRS(raw json.RawMessage, where string) error {
	if err := checkCRS(raw); err != nil {
		if where != "" {
			return fmt.Errorf("%w: %s: %v", ErrBadGeoJSON, where, err)
		}
		return fmt.Errorf("%w: %v", ErrBadGeoJSON, err)
	}
	return nil
}

// checkCRS is [geo.CheckCRSMember]: a GeoJSON 2008 "crs" member is read
// only when it names CRS84, whose positions are longitude first.
func checkCRS(raw json.RawMessage) error { return geo.CheckCRSMember(raw) }
