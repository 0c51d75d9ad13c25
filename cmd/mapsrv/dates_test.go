package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// TestImport_DatesOutOfRange: GeoJSON and CSV imports refuse a date outside
// 1900-01-01..2100-12-31, naming the file, the feature or row, the field and
// the range, and import nothing.
func TestImport_DatesOutOfRange(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	geo := filepath.Join(dir, "wide.ndjson")
	os.WriteFile(geo, []byte(goodFeature+"\n"+strings.Replace(goodFeature, `"date_to":"2025-12-03"`, `"date_to":"9999-12-31"`, 1)+"\n"), 0o644)
	csv := filepath.Join(dir, "old.csv")
	os.WriteFile(csv, []byte("incident_type,date_from,date_to,date_precision,geo_precision,lon,lat\n"+
		"arrest,2025-12-03,2025-12-03,day,town,36.8,35.87\narrest,0001-01-02,2025-12-03,range,town,36.8,35.87\n"), 0o644)
	for file, where := range map[string]string{geo: "feature 2: incidents: invalid incident: date_to", csv: "row 3, column date_from"} {
		_, _, err := runCmd(t, "", "import", "--db", db, file)
		if err == nil || !strings.Contains(err.Error(), filepath.Base(file)) || !strings.Contains(err.Error(), where) ||
			!strings.Contains(err.Error(), "1900-01-01..2100-12-31") {
			t.Errorf("import %s: %v; want an error naming the file, %q and the range", filepath.Base(file), err, where)
		}
	}
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if n, _ := store.Count(context.Background()); n != 0 {
		t.Errorf("refused imports stored %d incidents", n)
	}
}

// TestCheckAndMigrate_StoredDatesOutOfRange: a database an older mapsrv
// filled with a date from year 1 is reported by check, and migrate refuses
// it, naming the incident and the range, rather than copying it on.
func TestCheckAndMigrate_StoredDatesOutOfRange(t *testing.T) {
	db := filepath.Join(t.TempDir(), "legacy.db")
	if _, _, err := runCmd(t, goodFeature, "import", "--db", db, "-"); err != nil {
		t.Fatal(err)
	}
	if out, _, err := runCmd(t, "", "check", "--db", db); err != nil || !strings.Contains(out, "every row as writes accept it") {
		t.Fatalf("check of a sound database = %q, %v", out, err)
	}
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec("UPDATE incidents SET date_from = '0001-01-02', date_to = '9999-12-31', date_precision = 'range'")
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = runCmd(t, "", "check", "--db", db)
	if err == nil || !strings.Contains(err.Error(), "incidents dated outside 1900-01-01..2100-12-31: 1") {
		t.Errorf("check of a year-1 incident: %v, want it reported", err)
	}
	dsn := pgtest.DSN(t)
	_, _, err = runCmd(t, "", "migrate", "--from", db, "--to", dsn)
	if err == nil || !strings.Contains(err.Error(), "incident 1") || !strings.Contains(err.Error(), "1900-01-01..2100-12-31") {
		t.Errorf("migrate of a year-1 incident: %v, want it refused naming the incident and the range", err)
	}
	dst, err := postgis.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if n, _ := dst.Count(context.Background()); n != 0 {
		t.Errorf("the refused migration copied %d incidents", n)
	}
}
