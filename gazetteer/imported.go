package gazetteer

import (
	"fmt"
	"math"
)

// MaxImportedName bounds each name of an imported place or area, in bytes:
// OCHA's longest names are some 60 characters (about 120 bytes in Arabic).
// Building the gazetteer costs more than linear time in a name's length: one
// community named with a 1 MB word, imported once, left every later serve,
// import, extract and geocode loading the gazetteer for over half an hour.
const MaxImportedName = 512

// MaxImportedVariants bounds the other spellings of one imported place.
const MaxImportedVariants = 64

// checkImportedPlace reports why p, read from an imported dataset or from a
// record stored by an import, cannot join the gazetteer: a name over
// MaxImportedName bytes, too many variants, or a location that is not a
// finite longitude and latitude.
func checkImportedPlace(p Place) error {
	if p.ID == "" {
		return fmt.Errorf("%w: a place without an id (P-code)", ErrBadData)
	}
	if err := checkNames(p.ID, p.NameEN, p.NameAR, p.Admin1Name, p.Admin2Name, p.Admin3Name); err != nil {
		return err
	}
	if len(p.Variants) > MaxImportedVariants {
		return fmt.Errorf("%w: place %s: %d variant names, at most %d", ErrBadData, p.ID, len(p.Variants), MaxImportedVariants)
	}
	if err := checkNames(p.ID, p.Variants...); err != nil {
		return err
	}
	if !validLonLat(p.Location) {
		return fmt.Errorf("%w: place %s: location %v is not a longitude and latitude", ErrBadData, p.ID, p.Location)
	}
	return nil
}

// checkImportedArea reports why a cannot join the gazetteer: no polygon, a
// name over MaxImportedName bytes, a vertex that is not a longitude and
// latitude. Reverse geocoding reads every area's outline.
func checkImportedArea(a Area) error {
	if a.PCode == "" {
		return fmt.Errorf("%w: an admin area without a P-code", ErrBadData)
	}
	if len(a.Geometry) == 0 {
		return fmt.Errorf("%w: area %s: want a Polygon or MultiPolygon", ErrBadData, a.PCode)
	}
	if err := checkNames(a.PCode, a.NameEN, a.NameAR); err != nil {
		return err
	}
	for _, poly := range a.Geometry {
		for _, ring := range poly {
			for _, pt := range ring {
				if !validLonLat(pt) {
					return fmt.Errorf("%w: area %s: vertex %v is not a longitude and latitude", ErrBadData, a.PCode, pt)
				}
			}
		}
	}
	return nil
}

func checkNames(id string, names ...string) error {
	for _, n := range names {
		if len(n) > MaxImportedName {
			return fmt.Errorf("%w: place %s: a name of %d bytes, at most %d", ErrBadData, id, len(n), MaxImportedName)
		}
	}
	return nil
}

func validLonLat(p [2]float64) bool {
	return !math.IsNaN(p[0]) && !math.IsNaN(p[1]) && math.Abs(p[0]) <= 180 && math.Abs(p[1]) <= 90
}
