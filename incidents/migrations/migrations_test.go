package migrations

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func files(names ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, n := range names {
		fsys["schema/"+n] = &fstest.MapFile{Data: []byte("-- " + n)}
	}
	return fsys
}

// TestLoad_Order: migrations come in the order of their numbers, with
// their text, whatever order the file system lists them in.
func TestLoad_Order(t *testing.T) {
	all, err := Load(files("0002_b.sql", "0001_a.sql", "0003_c.sql", "notes.txt"), "schema/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("%d migrations, want 3", len(all))
	}
	for i, m := range all {
		if m.Number != i+1 || !strings.HasSuffix(m.SQL, m.Name[len("schema/"):]) {
			t.Errorf("migration %d = %+v", i+1, m)
		}
	}
}

// TestLoad_RefusesGapsAndRepeats: a gap, a repeated number or a name
// without one fails, naming the file.
func TestLoad_RefusesGapsAndRepeats(t *testing.T) {
	for _, c := range [][]string{
		{"0001_a.sql", "0003_c.sql"},
		{"0001_a.sql", "0002_b.sql", "0002_other.sql"},
		{"0001_a.sql", "second.sql"},
		{"0002_b.sql"},
	} {
		_, err := Load(files(c...), "schema/*.sql")
		if err == nil || !strings.Contains(err.Error(), "schema/") {
			t.Errorf("Load(%v) = %v; want an error naming the file", c, err)
		}
	}
}

// TestAfter: a database gets what is numbered above its version; one
// migrated by a newer mapsrv is refused.
func TestAfter(t *testing.T) {
	all, err := Load(files("0001_a.sql", "0002_b.sql", "0003_c.sql"), "schema/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for version, want := range []int{3, 2, 1, 0} {
		todo, err := After(all, version)
		if err != nil || len(todo) != want || want > 0 && todo[0].Number != version+1 {
			t.Errorf("After(%d) = %+v, %v; want %d from %d", version, todo, err, want, version+1)
		}
	}
	if _, err := After(all, 4); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("After(4) = %v; want a database newer than this mapsrv refused", err)
	}
}

// TestRun: a database at version 1 gets migrations 2 and 3, in order; a
// failing one stops the run and is named.
func TestRun(t *testing.T) {
	fsys := files("0001_a.sql", "0002_b.sql", "0003_c.sql")
	var applied []int
	err := Run(fsys, "schema/*.sql", 1, func(m Migration) error {
		applied = append(applied, m.Number)
		return nil
	})
	if err != nil || len(applied) != 2 || applied[0] != 2 || applied[1] != 3 {
		t.Fatalf("Run from 1 applied %v, %v; want [2 3]", applied, err)
	}
	err = Run(fsys, "schema/*.sql", 0, func(m Migration) error {
		if m.Number == 2 {
			return errors.New("syntax error")
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "0002_b.sql") {
		t.Fatalf("Run with a failing migration = %v; want it named", err)
	}
}
