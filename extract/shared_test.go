package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// sharedDir holds the team's reference material outside the repository: real
// news passages and the seed reports. Tests that read it skip
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

// realGazetteer is the gazetteer the real-news measurements run with: the
// built-in one (GeoNames, the OCHA COD and the curated rows), as shipped.
func realGazetteer(tb testing.TB) *gazetteer.Gazetteer {
	tb.Helper()
	return mustGazetteer(tb)
}

// testToday is the day the news measurements are read on, so that a year
// inferred from a weekday (the latest one not after today) does not change
// with the calendar: the day the labels of our own passages were written.
var testToday = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

// atToday sets x's clock to testToday.
func atToday(x *Extractor) *Extractor {
	x.now = func() time.Time { return testToday }
	return x
}
