package main

import (
	"context"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

func TestMigrate_Usage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for name, args := range map[string][]string{
		"no destination":      {"migrate", "--from", db},
		"file as destination": {"migrate", "--from", db, "--to", "other.db"},
		"no source":           {"migrate", "--to", "postgres://localhost/x"},
	} {
		if _, _, err := runCmd(t, "", args...); !errors.As(err, new(usageError)) {
			t.Errorf("%s: %v, want a usage error", name, err)
		}
	}
	if _, _, err := runCmd(t, "", "migrate", "--from", db, "--to", "postgres://localhost/x"); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("a missing source file: %v", err)
	}
}

// TestMigrate moves a SQLite database holding published incidents, drafts
// (one without a date), shared sources and gazetteer records into PostGIS,
// keeping IDs, and refuses to migrate twice into the same database.
func TestMigrate(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "from.db")
	src, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Seed(t, src, 2500, rand.New(rand.NewPCG(3, 4)))
	undated := storetest.Incident(incidents.TypeKidnapping, 36.2, 36.6, "2025-01-01", "2025-01-01")
	undated.Status, undated.DateFrom, undated.DateTo, undated.DatePrecision = incidents.StatusDraft, time.Time{}, time.Time{}, ""
	undated.Sources = []incidents.Source{{Title: "digest", URL: "https://example.org/digest"}}
	draft := storetest.Incident(incidents.TypeArrest, 36.2, 36.6, "2025-02-01", "2025-02-03")
	draft.Status = incidents.StatusDraft
	ids, err := src.Add(ctx, []incidents.Incident{undated, draft})
	if err != nil {
		t.Fatal(err)
	}
	if err := src.Delete(ctx, 5); err != nil { // a gap in the IDs
		t.Fatal(err)
	}
	if _, err := src.PutPlaceRecords(ctx, []sqlite.PlaceRecord{{ID: "C1001", Source: "OCHA", Data: []byte(`{"x":1}`)}, {ID: "area:1:SY07", Source: "OCHA", Data: []byte(`{}`)}}); err != nil {
		t.Fatal(err)
	}
	src.Close()

	out, stderr, err := runCmd(t, "", "migrate", "--from", path, "--to", dsn)
	if err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	if want := "migrated 2499 published and 2 draft incidents"; !strings.Contains(out, want) || !strings.Contains(stderr, "2501 of 2501 incidents") {
		t.Errorf("migrate said %q (progress %q), want %q and progress to the end", out, stderr, want)
	}
	src, _ = sqlite.Open(ctx, path)
	defer src.Close()
	dst, err := postgis.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	for _, id := range []int64{1, 6, 2500, ids[0], ids[1]} {
		want, _ := src.Get(ctx, id)
		got, err := dst.Get(ctx, id)
		want.CreatedAt, want.UpdatedAt = want.CreatedAt.Truncate(time.Microsecond), want.UpdatedAt.Truncate(time.Microsecond)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("incident %d in PostGIS = %+v, %v\nwant %+v", id, got, err, want)
		}
	}
	if _, err := dst.Get(ctx, 5); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("the deleted ID 5 exists after migrating: %v", err)
	}
	if recs, _ := dst.PlaceRecords(ctx); len(recs) != 2 || recs[0].ID != "C1001" || recs[1].ID != "area:1:SY07" {
		t.Errorf("gazetteer records in PostGIS = %+v", recs)
	}
	if _, _, err := runCmd(t, "", "migrate", "--from", path, "--to", dsn); err == nil || !strings.Contains(err.Error(), "already holds 2501") {
		t.Errorf("a second migrate into the same database: %v", err)
	}
}
