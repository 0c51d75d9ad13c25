package postgis

import (
	"math/rand/v2"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestReadFeatures_CopiedOutOfRowBuffer: ReadFeatures decodes each row from
// pgx's own memory (RawValues), which pgx reuses for the next row. Every
// feature of a page must be what its incident encodes to, and stay so
// while later pages are read on the same connections: a feature kept in
// the driver's memory rather than copied would be overwritten.
func TestReadFeatures_CopiedOutOfRowBuffer(t *testing.T) {
	s := openTest(t, pgtest.DSN(t))
	storetest.CheckPageKept(t, s, rand.New(rand.NewPCG(29, 30)), func(f incidents.Filter, what string) { checkAgainstSQL(t, s, f, what) })
}
