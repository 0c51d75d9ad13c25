package postgis

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

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
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(29, 30))
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rng, 600)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	f := func(lon, lat, size float64) incidents.Filter {
		return incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{lon, lat}, Max: orb.Point{lon + size, lat + size}}}, Limit: 200}
	}
	first := f(35.9, 34.9, 0.6)
	checkAgainstSQL(t, s, first, "the first page")
	page, err := s.FindFeatures(ctx, first)
	if err != nil || len(page) < 20 {
		t.Fatalf("FindFeatures: %d features, %v; the test needs a fuller page", len(page), err)
	}
	kept := make([][]byte, len(page))
	for i, e := range page {
		kept[i] = bytes.Clone(e.JSON)
	}
	for lon := 35.95; lon < 36.4; lon += 0.05 {
		for lat := 34.95; lat < 35.4; lat += 0.05 {
			checkAgainstSQL(t, s, f(lon, lat, 0.1), fmt.Sprintf("box at %.2f %.2f", lon, lat))
		}
	}
	for i, e := range page {
		if !bytes.Equal(e.JSON, kept[i]) {
			t.Fatalf("feature %d of the first page changed after later reads:\n%s\nwas\n%s", i, e.JSON, kept[i])
		}
	}
}
