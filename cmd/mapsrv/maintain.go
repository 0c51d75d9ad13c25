package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// runBackup makes a consistent copy of a live database: the server can keep
// serving and writing meanwhile.
func runBackup(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "backup")
	db := dbFlag(fs, e, "mapsrv.db")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"usage: mapsrv backup --db PATH OUT"}
	}
	if postgis.IsDSN(*db) {
		return usageError{"backup works on SQLite files; back PostgreSQL up with pg_dump or base backups (docs/DEPLOY.md)"}
	}
	if _, err := os.Stat(*db); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	store, err := sqlite.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backed up %s to %s\n", *db, fs.Arg(0))
	return nil
}

// runCheck verifies a database; it fails, listing the problems, when any.
func runCheck(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "check")
	db := dbFlag(fs, e, "mapsrv.db")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !postgis.IsDSN(*db) {
		if _, err := os.Stat(*db); err != nil {
			return fmt.Errorf("check: %w", err)
		}
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	problems, err := store.Check(ctx)
	if err != nil {
		return err
	}
	n, err := store.Count(ctx)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("check: %s: %s", displayDSN(*db), strings.Join(problems, "; "))
	}
	what := "R*Tree and stored features in step, every row as writes accept it (dates, date precision, point, counts, text)"
	if postgis.IsDSN(*db) {
		what = "every row as writes accept it (dates, date precision, point, counts, text)"
	}
	fmt.Fprintf(e.stdout, "%s: ok, %d incidents, %s\n", displayDSN(*db), n, what)
	return nil
}
