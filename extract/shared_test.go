package extract

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// sharedDir holds the team's reference material outside the repository: real
// news passages, the seed reports and the OCHA files. Tests that read it skip
// when it is absent (a fresh clone).
const sharedDir = "../../shared"

// needShared skips the test when sharedDir/rel is absent.
func needShared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(sharedDir, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not present (it lives outside the repository, beside it): %v", p, err)
	}
	return p
}

var ochaFiles = []string{
	"syr_communities_2015.geojson", "syr_admin1_2020.geojson", "syr_admin2_2020.geojson",
	"syr_admin3_2020.geojson", "syr_neighbourhoods_2020.geojson",
}

var realGaz struct {
	sync.Once
	g   *gazetteer.Gazetteer
	err error
}

// realGazetteer is the gazetteer the real-news measurements run with: the
// built-in data with the OCHA files imported when they are present beside the
// repository, as an analyst's installation would have them.
func realGazetteer(tb testing.TB) *gazetteer.Gazetteer {
	tb.Helper()
	realGaz.Do(func() {
		dir := filepath.Join(sharedDir, "data", "ocha")
		if _, err := os.Stat(filepath.Join(dir, ochaFiles[0])); err != nil {
			realGaz.g, realGaz.err = gazetteer.Default()
			return
		}
		var places []gazetteer.Place
		var areas []gazetteer.Area
		for _, name := range ochaFiles {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				realGaz.err = err
				return
			}
			ps, as, err := gazetteer.ParseOCHA(f)
			f.Close()
			if err != nil {
				realGaz.err = err
				return
			}
			places, areas = append(places, ps...), append(areas, as...)
		}
		realGaz.g, realGaz.err = gazetteer.DefaultWith(places, areas)
	})
	if realGaz.err != nil {
		tb.Fatalf("gazetteer: %v", realGaz.err)
	}
	return realGaz.g
}
