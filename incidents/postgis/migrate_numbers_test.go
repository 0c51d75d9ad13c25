package postgis

import (
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestMigrations_Numbered guards the schema files against two branches each
// adding "the next" migration: numbers must run 1..N with no repeat or gap,
// or a database already at a number would silently skip its twin.
func TestMigrations_Numbered(t *testing.T) {
	names, err := fs.Glob(schemaFS, "schema/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	for i, name := range names {
		n, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil || n != i+1 {
			t.Errorf("migration %d is %s: want the number %04d (numbers run 1..N, no repeat or gap)", i+1, name, i+1)
		}
	}
}
