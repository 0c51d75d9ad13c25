package postgis

import (
	"bytes"
	"context"
	"math/rand/v2"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestFill_InOrderOfPlace: the features an import leaves to the fill are
// stored, each the encoding of its incident, and laid in the table in order
// of place key, chunk after chunk, so that a page of one area reads the few
// table pages they share (schema/0008_features_by_place.sql).
func TestFill_InOrderOfPlace(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, pgtest.DSN(t))
	rng := rand.New(rand.NewPCG(31, 32))
	n, err := s.Import(ctx, storetest.Seq(storetest.LatticeIncidents(rng, 2*fillChunk+77)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, "TRUNCATE incident_features"); err != nil {
		t.Fatal(err)
	}
	var reported []int
	filled, err := s.FillFeatures(ctx, func(n int) { reported = append(reported, n) })
	if err != nil || filled != n || len(reported) != 3 {
		t.Fatalf("FillFeatures = %d, %v, progress %v; want all %d, in 3 chunks", filled, err, reported, n)
	}
	rows, err := s.pool.Query(ctx, `SELECT f.id, i.lon, i.lat, f.format, f.json
		FROM incident_features AS f JOIN incidents AS i ON i.id = f.id ORDER BY f.ctid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var keys []int64
	for rows.Next() {
		var id int64
		var lon, lat float64
		var format int
		var js []byte
		if err := rows.Scan(&id, &lon, &lat, &format, &js); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, feature.PlaceKey(id, lon, lat))
		inc, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := feature.AppendFeature(nil, inc); format != feature.Format || !bytes.Equal(js, want) {
			t.Errorf("incident %d: stored feature (format %d)\n%s\nwant\n%s", id, format, js, want)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(keys) != n {
		t.Fatalf("%d features stored, want %d", len(keys), n)
	}
	// PostgreSQL puts a row where it fits: a short one may go back into
	// room left on the page before. In order of ID, about half would lie
	// before the feature ahead of them.
	back := 0
	for i := 1; i < len(keys); i++ {
		if keys[i] < keys[i-1] {
			back++
		}
	}
	if back > len(keys)/20 {
		t.Errorf("%d of %d features lie in the table before one of a smaller place key; want them in order of place but for a few", back, len(keys))
	}
}
