// Package migrations reads a store's schema migrations, files named
// NNNN_what.sql and numbered 1..N, and tells which of them a database at a
// given version still needs. It knows no database: each store applies them
// in its own transaction and records its version its own way.
package migrations

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one schema file.
type Migration struct {
	Number int    // the version a database is at once it is applied
	Name   string // the file's path in its file system
	SQL    string
}

// Load reads the files of fsys matching pattern, in the order of their
// numbers, which must run 1..N with no repeat or gap: two branches each
// adding "the next" migration would otherwise let a database already at
// that number silently skip its twin.
func Load(fsys fs.FS, pattern string) ([]Migration, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	sort.Strings(names)
	all := make([]Migration, len(names))
	for i, name := range names {
		n, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil || n != i+1 {
			return nil, fmt.Errorf("migrations: %s is migration %d: want its name to start with %04d (numbers run 1..N, no repeat or gap)", name, i+1, i+1)
		}
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		all[i] = Migration{Number: n, Name: name, SQL: string(text)}
	}
	return all, nil
}

// After returns the migrations a database at version still needs, those
// numbered above it, or an error when it is above all of them: a database
// migrated by a newer mapsrv.
func After(all []Migration, version int) ([]Migration, error) {
	if version > len(all) {
		return nil, fmt.Errorf("database schema version %d is newer than this mapsrv knows (%d): upgrade mapsrv", version, len(all))
	}
	return all[max(version, 0):], nil
}

// Run brings a database at version up to date: it loads the migrations of
// fsys matching pattern (see Load) and passes each one the database still
// needs to apply, in order, which runs its SQL and records its number.
func Run(fsys fs.FS, pattern string, version int, apply func(Migration) error) error {
	all, err := Load(fsys, pattern)
	if err != nil {
		return err
	}
	todo, err := After(all, version)
	if err != nil {
		return err
	}
	for _, m := range todo {
		if err := apply(m); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return nil
}
