package gazetteer

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// ochaDir holds the reference OCHA files outside the repository, when present.
const ochaDir = "../../shared/data/ocha"

var ochaFiles = []string{
	"syr_communities_2015.geojson", "syr_admin1_2020.geojson", "syr_admin2_2020.geojson",
	"syr_admin3_2020.geojson", "syr_neighbourhoods_2020.geojson",
}

var ochaOnce struct {
	sync.Once
	places []Place
	areas  []Area
	err    error
}

// loadOCHA parses every OCHA file once per test binary, or skips the test when
// the files are absent (a fresh clone).
func loadOCHA(tb testing.TB) ([]Place, []Area) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(ochaDir, ochaFiles[0])); err != nil {
		tb.Skipf("OCHA reference files not present in %s", ochaDir)
	}
	ochaOnce.Do(func() {
		for _, name := range ochaFiles {
			f, err := os.Open(filepath.Join(ochaDir, name))
			if err != nil {
				ochaOnce.err = err
				return
			}
			ps, as, err := ParseOCHA(f)
			f.Close()
			if err != nil {
				ochaOnce.err = err
				return
			}
			ochaOnce.places = append(ochaOnce.places, ps...)
			ochaOnce.areas = append(ochaOnce.areas, as...)
		}
	})
	if ochaOnce.err != nil {
		tb.Fatal(ochaOnce.err)
	}
	return ochaOnce.places, ochaOnce.areas
}

// ochaGazetteer is the embedded data with every OCHA file imported.
func ochaGazetteer(tb testing.TB) *Gazetteer {
	places, areas := loadOCHA(tb)
	g, err := DefaultWith(places, areas)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}
