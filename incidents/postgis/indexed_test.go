package postgis

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

func openTest(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// checkAgainstSQL holds what s answers for f from its index (Find's
// incidents with their sources, FindFeatures' bytes and cursors,
// FindPoints) to what SQL answers.
func checkAgainstSQL(t *testing.T, s *Store, f incidents.Filter, what string) {
	t.Helper()
	ctx := context.Background()
	want, err := pgReads{s}.FindBySQL(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.snap.FindIndexed(ctx, f)
	if err != nil || !ok {
		t.Fatalf("%s: the index did not answer %+v: %v", what, f, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s, filter %+v:\n got %v\nwant %v", what, f, storetest.IDs(got), storetest.IDs(want))
	}
	page, err := s.FindFeatures(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	storetest.CheckFeatures(t, fmt.Sprintf("%s: FindFeatures(%+v)", what, f), page, want)
	points, ok, err := s.snap.Points(ctx, f)
	if err != nil || !ok {
		t.Fatalf("%s: FindPoints(%+v) from the index: %v, %v", what, f, ok, err)
	}
	storetest.CheckPoints(t, fmt.Sprintf("%s: FindPoints(%+v) from the index", what, f), points, want)
}

// checkStoredFeatures holds every incident's stored feature to the encoding
// of the incident Get reads back.
func checkStoredFeatures(t *testing.T, s *Store, what string) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.pool.Query(ctx, `SELECT i.id, f.format, f.json FROM incidents AS i
		LEFT JOIN incident_features AS f ON f.id = i.id ORDER BY i.id`)
	if err != nil {
		t.Fatal(err)
	}
	type stored struct {
		id     int64
		format *int32
		json   []byte
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (stored, error) {
		var st stored
		return st, r.Scan(&st.id, &st.format, &st.json)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range all {
		inc, err := s.Get(ctx, st.id)
		if err != nil {
			t.Fatal(err)
		}
		want, err := feature.AppendFeature(nil, inc)
		if err != nil {
			t.Fatal(err)
		}
		if st.format == nil || *st.format != feature.Format || !bytes.Equal(st.json, want) {
			t.Fatalf("%s: incident %d's stored feature (format %v)\n%s\nwant\n%s", what, st.id, st.format, st.json, want)
		}
	}
}

// TestFind_IndexAgreesWithSQL runs random filters through the index and
// through SQL: the incidents, sources, features and order must be the same.
func TestFind_IndexAgreesWithSQL(t *testing.T) {
	s := openTest(t, pgtest.DSN(t))
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(21, 22))
	if _, err := s.Add(ctx, storetest.LatticeIncidents(rng, 600)); err != nil {
		t.Fatal(err)
	}
	if err := s.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	var page []incidents.Incident
	for i := range 400 {
		f := storetest.LatticeFilter(rng, page)
		checkAgainstSQL(t, s, f, fmt.Sprint("case ", i))
		if got, _ := (pgReads{s}).FindBySQL(ctx, f); len(got) > 0 {
			page = got
		}
	}
	checkStoredFeatures(t, s, "after adding")
}

// TestIndex_FollowsAnotherServer: two stores on one database stand for two
// servers. After each of one's writes, the other's index catches up from the
// change log without being built again and answers as SQL does, and every
// stored feature is what its incident encodes to; after an import too large
// to log, the index is built again.
func TestIndex_FollowsAnotherServer(t *testing.T) {
	dsn := pgtest.DSN(t)
	a, b := openTest(t, dsn), openTest(t, dsn)
	rng := rand.New(rand.NewPCG(23, 24))
	storetest.Follows{A: a, B: b, Builds: a.snap.Builds, Rng: rng, Big: snapshot.LogLimit + 1,
		Check: func(what string) {
			t.Helper()
			for range 4 {
				checkAgainstSQL(t, a, storetest.LatticeFilter(rng, nil), what)
			}
		},
		AfterWrites: func(check func(string)) {
			checkStoredFeatures(t, b, "after the writes")
			// A source corrected in place, as an editor may: the features
			// citing it follow.
			ctx := context.Background()
			err := b.write(ctx, func(tx pgx.Tx) error {
				_, err := tx.Exec(ctx, "UPDATE sources SET title = 'corrected ' || title WHERE id = (SELECT min(id) FROM sources)")
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			checkStoredFeatures(t, b, "after a source was corrected")
			check("a source corrected")
		}}.Run(t)
}
