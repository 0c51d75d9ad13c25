package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// checkFeatures holds FindFeatures(f) to the features of want, Find's
// answer: the same bytes and the same cursors, in order; and the same for
// the page picked by SQL, which FindFeatures uses when the index cannot
// answer.
func checkFeatures(t *testing.T, s *Store, f incidents.Filter, want []incidents.Incident) {
	t.Helper()
	ctx := context.Background()
	got, err := s.FindFeatures(ctx, f)
	if err != nil {
		t.Fatalf("FindFeatures(%+v): %v", f, err)
	}
	picks, version, err := sqlReads{s}.PickBySQL(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	bySQL, ok, err := s.snap.ReadPage(ctx, picks, version)
	if err != nil || !ok {
		t.Fatalf("ReadPage of the SQL picks: ok %v, %v", ok, err)
	}
	storetest.CheckFeatures(t, fmt.Sprintf("FindFeatures(%+v)", f), got, want)
	storetest.CheckFeatures(t, fmt.Sprintf("picked by SQL (%+v)", f), bySQL, want)
}

// checkPoints holds FindPoints(f) answered from the index to the same
// points read by SQL.
func checkPoints(t *testing.T, s *Store, f incidents.Filter) {
	t.Helper()
	ctx := context.Background()
	got, ok, err := s.snap.Points(ctx, f)
	if err != nil || !ok {
		t.Fatalf("pointsInSnapshot(%+v): ok %v, %v", f, ok, err)
	}
	want, err := s.findPointsSQL(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
		t.Fatalf("FindPoints(%+v) from the index =\n%+v\nby SQL\n%+v", f, got, want)
	}
}

// checkStoredFeatures holds every incident's stored feature to the encoding
// of the incident Get reads back: present, in the current format, the same
// bytes. A missing one would be served correctly but slowly, a stale one
// wrongly.
func checkStoredFeatures(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, f.format, f.json FROM incidents AS i
		LEFT JOIN incident_features AS f ON f.id = i.id ORDER BY i.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		var format *int
		var js []byte
		if err := rows.Scan(&id, &format, &js); err != nil {
			t.Fatal(err)
		}
		if format == nil || *format != feature.Format {
			t.Errorf("incident %d: feature format %v, want %d", id, format, feature.Format)
			continue
		}
		inc, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := feature.AppendFeature(nil, inc)
		if !bytes.Equal(js, want) {
			t.Errorf("incident %d: stored feature\n%s\nwant\n%s", id, js, want)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no incidents: the check checks nothing")
	}
}

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "features.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestFeatures_KeptInStep writes incidents every way the store can and
// checks each stored feature against the incident as read back: timestamps
// and dates given in other zones, a source key already stored under other
// words, drafts without dates, updates, added sources, deletes.
func TestFeatures_KeptInStep(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	east := time.FixedZone("east", 3*3600+1800)
	rng := rand.New(rand.NewPCG(21, 22))
	incs := storetest.LatticeIncidents(rng, 60)
	incs[0].CreatedAt = time.Date(2021, 3, 4, 23, 30, 0, 123456789, east)
	incs[0].DateFrom, incs[0].DateTo = time.Date(2021, 3, 4, 0, 0, 0, 0, east), time.Date(2021, 3, 5, 0, 0, 0, 0, east)
	incs[1].Status, incs[1].DateFrom, incs[1].DateTo, incs[1].DatePrecision = incidents.StatusDraft, time.Time{}, time.Time{}, ""
	shared := incidents.Source{Title: "first words", URL: "https://example.org/shared", Publisher: "Example"}
	incs[2].Sources = []incidents.Source{shared}
	shared.Title = "other words, same report"
	incs[3].Sources = []incidents.Source{shared}
	ids, err := s.Add(ctx, incs)
	if err != nil {
		t.Fatal(err)
	}
	more := storetest.LatticeIncidents(rng, 40)
	more[0].Sources = []incidents.Source{shared}
	if _, err := s.Import(ctx, func(yield func(incidents.Incident, error) bool) {
		for _, inc := range more {
			if !yield(inc, nil) {
				return
			}
		}
	}, nil); err != nil {
		t.Fatal(err)
	}
	if n, err := s.FillFeatures(ctx, nil); n != len(more) || err != nil {
		t.Fatalf("FillFeatures after importing %d = %d, %v", len(more), n, err)
	}
	up, err := s.Get(ctx, ids[4])
	if err != nil {
		t.Fatal(err)
	}
	up.SummaryEN, up.Location, up.Sources = "moved and re-sourced", orb.Point{36.5, 35.5}, []incidents.Source{shared}
	if _, err := s.Update(ctx, up); err != nil {
		t.Fatal(err)
	}
	if err := s.AddSources(ctx, ids[5], []incidents.Source{{Title: "later report", URL: "https://example.org/later"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, ids[6]); err != nil {
		t.Fatal(err)
	}
	checkStoredFeatures(t, s)

	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	for _, f := range []incidents.Filter{
		{Bounds: []orb.Bound{{Min: orb.Point{35, 34}, Max: orb.Point{38, 37}}}, Limit: 500},
		{Bounds: []orb.Bound{{Min: orb.Point{35, 34}, Max: orb.Point{38, 37}}}, Limit: 500, Status: incidents.StatusDraft},
		{Limit: 500},
	} {
		want, err := s.Find(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		checkFeatures(t, s, f, want)
	}
}

// TestFillFeatures: features missing or of another format are encoded
// again, by FillFeatures or in the background once a read meets them, are
// served correctly meanwhile, and filling leaves the data version alone.
func TestFillFeatures(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(23, 24))
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rng, 2*fillChunk+17)); err != nil {
		t.Fatal(err)
	}
	spoil := func() (stale int) {
		t.Helper()
		for _, q := range []string{"DELETE FROM incident_features WHERE id % 3 = 0",
			"UPDATE incident_features SET format = format + 1 WHERE id % 3 = 1"} {
			if _, err := s.db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM incidents AS i WHERE NOT EXISTS
			(SELECT 1 FROM incident_features AS f WHERE f.id = i.id AND f.format = ?)`, feature.Format).Scan(&stale); err != nil {
			t.Fatal(err)
		}
		return stale
	}
	stale := spoil()
	before, _ := s.Version(ctx)
	var reported []int
	n, err := s.FillFeatures(ctx, func(n int) { reported = append(reported, n) })
	if err != nil {
		t.Fatal(err)
	}
	if n != stale || len(reported) < 2 || reported[len(reported)-1] != n {
		t.Errorf("FillFeatures = %d, progress %v; want the %d missing or stale filled, in steps", n, reported, stale)
	}
	if after, _ := s.Version(ctx); after != before {
		t.Errorf("FillFeatures moved the data version from %d to %d", before, after)
	}
	checkStoredFeatures(t, s)

	spoil()
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	f := incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{35, 34}, Max: orb.Point{38, 37}}}, Limit: 300}
	want, err := s.Find(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	checkFeatures(t, s, f, want) // encoded from their rows, and a fill started
	if n, err := s.FillFeatures(ctx, nil); n != 0 || err != nil {
		t.Errorf("FillFeatures after a read met missing features = %d, %v; want 0 left by the background fill", n, err)
	}
	checkStoredFeatures(t, s)
	got, err := s.FindFeatures(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	enc, _ := feature.EncodeAll(want)
	if !reflect.DeepEqual(got, enc) {
		t.Error("FindFeatures after filling differs from Find's incidents encoded")
	}
}

// TestFill_WriteBetweenReadAndStore: features read and encoded before a
// write to their incident are not stored as they were: the batch is encoded
// again from the rows inside the storing transaction.
func TestFill_WriteBetweenReadAndStore(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	ids, err := s.Add(ctx, storetest.LatticeIncidents(rand.New(rand.NewPCG(25, 26)), 30))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "DELETE FROM incident_features"); err != nil {
		t.Fatal(err)
	}
	refs, _, err := s.missingAfter(ctx, 0)
	if err != nil || len(refs) != len(ids) {
		t.Fatalf("missingAfter: %d refs, %v", len(refs), err)
	}
	b := s.readBatch(ctx, refs)
	if b.err != nil || len(b.ids) != len(ids) {
		t.Fatalf("readBatch: %d ids, %v", len(b.ids), b.err)
	}
	inc, err := s.Get(ctx, ids[3])
	if err != nil {
		t.Fatal(err)
	}
	inc.SummaryEN = "changed after the fill read it"
	if _, err := s.Update(ctx, inc); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, ids[4]); err != nil {
		t.Fatal(err)
	}
	if err := s.storeBatch(ctx, b); err != nil {
		t.Fatal(err)
	}
	checkStoredFeatures(t, s)
}

// TestReadFeatures_PageOfManyStatements: a page longer than one statement
// reads (a country view) comes back whole and in order, across the
// statements' edges.
func TestReadFeatures_PageOfManyStatements(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(25, 26))
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rng, 3*readChunk)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	all := []orb.Bound{{Min: orb.Point{35, 32}, Max: orb.Point{43, 38}}}
	for _, limit := range []int{readChunk, readChunk + 1, 2*readChunk + 1} {
		f := incidents.Filter{Bounds: all, Limit: limit}
		want, err := s.Find(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) != limit {
			t.Fatalf("Find(limit %d) = %d incidents; the test needs a full page", limit, len(want))
		}
		checkFeatures(t, s, f, want)
	}
}

// TestReadFeatures_KeptAfterLaterReads: a page's features are kept in the
// memory the driver handed over for its statement, not copied (addAll).
// Pages read after it, on the same connections, must leave its bytes as
// they were: a driver that reused that memory would change them.
func TestReadFeatures_KeptAfterLaterReads(t *testing.T) {
	storetest.CheckPageKept(t, openTemp(t), rand.New(rand.NewPCG(27, 28)), nil)
}
