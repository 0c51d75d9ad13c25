package storetest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// CheckFeatures holds a page of FindFeatures to the features of want,
// Find's answer: the same bytes and the same cursors, in order.
func CheckFeatures(t testing.TB, what string, got []feature.Encoded, want []incidents.Incident) {
	t.Helper()
	enc, err := feature.EncodeAll(want)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(enc) {
		t.Fatalf("%s: %d features, want %d", what, len(got), len(enc))
	}
	for i := range got {
		if got[i].After != enc[i].After || !bytes.Equal(got[i].JSON, enc[i].JSON) {
			t.Fatalf("%s: feature %d =\n%s %+v\nwant\n%s %+v", what, i, got[i].JSON, got[i].After, enc[i].JSON, enc[i].After)
		}
	}
}

// CheckPoints holds FindPoints' answer to want, Find's, reduced to what a
// map draws: ID, type, dates and location, in order.
func CheckPoints(t testing.TB, what string, got, want []incidents.Incident) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d points, want %d", what, len(got), len(want))
	}
	for i, p := range got {
		w := want[i]
		if p.ID != w.ID || p.Type != w.Type || !p.DateFrom.Equal(w.DateFrom) || !p.DateTo.Equal(w.DateTo) || p.Location != w.Location {
			t.Fatalf("%s: point %d = %+v, want %+v", what, i, p, w)
		}
	}
}

// PageStore is a store whose pages of stored features are read from its
// in-memory index once Preload has brought it up to the data.
type PageStore interface {
	incidents.Store
	Preload(ctx context.Context) error
	FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error)
}

// CheckPageKept adds 600 incidents on a lattice, reads a page of 200 of
// them, then pages of 81 other boxes on the same connections (each handed
// to check as well, when check is not nil), and fails if the first page's
// bytes changed since it was read: a store that kept features in memory
// its driver reuses for later reads would show it here.
func CheckPageKept(t *testing.T, s PageStore, rng *rand.Rand, check func(f incidents.Filter, what string)) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Add(ctx, LatticeIncidents(rng, 600)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	f := func(lon, lat, size float64) incidents.Filter {
		return incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{lon, lat}, Max: orb.Point{lon + size, lat + size}}}, Limit: 200}
	}
	first := f(35.9, 34.9, 0.6)
	if check != nil {
		check(first, "the first page")
	}
	page, err := s.FindFeatures(ctx, first)
	if err != nil || len(page) < 20 {
		t.Fatalf("FindFeatures: %d features, %v; the check needs a fuller page", len(page), err)
	}
	kept := make([][]byte, len(page))
	for i, e := range page {
		kept[i] = bytes.Clone(e.JSON)
	}
	for lon := 35.95; lon < 36.4; lon += 0.05 {
		for lat := 34.95; lat < 35.4; lat += 0.05 {
			box := f(lon, lat, 0.1)
			if check != nil {
				check(box, fmt.Sprintf("box at %.2f %.2f", lon, lat))
			}
			if _, err := s.FindFeatures(ctx, box); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, e := range page {
		if !bytes.Equal(e.JSON, kept[i]) {
			t.Fatalf("feature %d of the first page changed after later reads:\n%s\nwas\n%s", i, e.JSON, kept[i])
		}
	}
}
