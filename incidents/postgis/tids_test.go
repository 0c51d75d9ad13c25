package postgis

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestReadFeatures_PlacesAreHints: a page's features are read where they
// were last seen in the table (tids.go), and every page must still hold
// what its incidents encode to when those places are wrong: after writes
// gave features new versions elsewhere, after VACUUM freed the old places
// and new incidents took them, with every hint pointing at another
// incident's feature, and with hints beyond the table's end. A feature not
// found at its hint is read by ID, and its new place learned.
func TestReadFeatures_PlacesAreHints(t *testing.T) {
	s := openTest(t, pgtest.DSN(t))
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(31, 32))
	ids, err := s.Add(ctx, storetest.LatticeIncidents(rng, 500))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil { // learns every feature's place
		t.Fatal(err)
	}
	place := func(id int64) uint64 {
		t.Helper()
		var at pgtype.TID
		if err := s.pool.QueryRow(ctx, "SELECT ctid FROM incident_features WHERE id = $1", id).Scan(&at); err != nil {
			t.Fatal(err)
		}
		return uint64(at.BlockNumber)<<16 | uint64(at.OffsetNumber)
	}
	for _, id := range ids {
		if got, want := s.tids.get(id), place(id); got != want {
			t.Fatalf("after Preload, incident %d's hint %x, its feature at %x", id, got, want)
		}
	}
	check := func(what string) {
		t.Helper()
		for i := range 25 {
			checkAgainstSQL(t, s, storetest.LatticeFilter(rng, nil), fmt.Sprint(what, ", case ", i))
		}
	}
	check("places loaded")

	// One feature moved by an update: the page holding it finds it gone
	// from its hint, reads it by ID and learns where it went.
	var inc incidents.Incident
	for _, id := range ids {
		if inc, err = s.Get(ctx, id); err != nil {
			t.Fatal(err)
		}
		if inc.Status == incidents.StatusPublished {
			break
		}
	}
	was := place(inc.ID)
	inc.SummaryEN += " (updated)"
	if _, err := s.Update(ctx, inc); err != nil {
		t.Fatal(err)
	}
	if place(inc.ID) == was {
		t.Fatal("the update left the feature where it was")
	}
	lon, lat := inc.Location.Lon(), inc.Location.Lat()
	f := incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{lon - 0.001, lat - 0.001}, Max: orb.Point{lon + 0.001, lat + 0.001}}}, Limit: 10}
	checkAgainstSQL(t, s, f, "the updated incident's box")
	if got, want := s.tids.get(inc.ID), place(inc.ID); got != want {
		t.Fatalf("after reading the moved feature, its hint %x, its place %x", got, want)
	}

	for range 80 {
		storetest.WriteAtRandom(t, s, rng, &ids)
	}
	check("after writes")

	if _, err := s.pool.Exec(ctx, "VACUUM incident_features"); err != nil {
		t.Fatal(err)
	}
	added, err := s.Add(ctx, storetest.LatticeIncidents(rng, 100))
	if err != nil {
		t.Fatal(err)
	}
	ids = append(ids, added...)
	check("after VACUUM and new incidents")

	// Every hint moved one incident on: each points at another's feature.
	places := make([]uint64, len(ids))
	for i, id := range ids {
		places[i] = place(id)
	}
	for i, id := range ids {
		at := places[(i+1)%len(ids)]
		raw := binary.BigEndian.AppendUint32(nil, uint32(at>>16))
		s.tids.set(id, binary.BigEndian.AppendUint16(raw, uint16(at)))
	}
	check("hints crossed")

	beyond := binary.BigEndian.AppendUint16(binary.BigEndian.AppendUint32(nil, 1<<30), 1)
	for _, id := range ids {
		s.tids.set(id, beyond)
	}
	check("hints beyond the table")
}
