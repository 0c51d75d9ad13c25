package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
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
	gaz, err := loadGazetteer(ctx, store)
	if err != nil {
		return err
	}
	misplaced, err := governorateMismatches(ctx, store, gaz.District)
	if err != nil {
		return err
	}
	for _, m := range misplaced {
		fmt.Fprintf(e.stdout, "warning: incident %d: %s\n", m.id, strings.TrimPrefix(m.err.Error(), incidents.ErrInvalid.Error()+": "))
	}
	if len(misplaced) > 0 {
		fmt.Fprintf(e.stdout, "warning: %d incidents stored before the governorate rule would now be refused (an edit of one is, until its admin1_pcode or point is corrected)\n", len(misplaced))
	}
	if why, err := foldMismatch(ctx, store); err != nil {
		return err
	} else if why != "" {
		fmt.Fprintf(e.stdout, "warning: %s\n", why)
	}
	what := "R*Tree and stored features in step, every row as writes accept it (dates, date precision, point, counts, text)"
	if postgis.IsDSN(*db) {
		what = "every row as writes accept it (dates, date precision, point, counts, text)"
	}
	fmt.Fprintf(e.stdout, "%s: ok, %d incidents, %s\n", displayDSN(*db), n, what)
	return nil
}

// foldMismatch says why a PostGIS database folds stored text otherwise than
// search queries are folded (postgis.Store.FoldMismatch), or "": a database
// created with LC_CTYPE C had text search miss words beyond ASCII, with
// nothing to tell why. SQLite folds with mapsrv's own function.
func foldMismatch(ctx context.Context, s store) (string, error) {
	if f, ok := s.(interface {
		FoldMismatch(context.Context) (string, error)
	}); ok {
		return f.FoldMismatch(ctx)
	}
	return "", nil
}

// misplaced is a stored incident a write would now refuse, and why.
type misplaced struct {
	id  int64
	err error
}

// governorateMismatches lists the stored incidents, published and drafts,
// in ID order, that a write would now refuse for a governorate the point
// does not lie in (incidents.CheckGovernorate, with their districts found
// from their points by loc as a write finds them). They were stored before
// the rule; the stores' own checks do not know the districts' outlines.
func governorateMismatches(ctx context.Context, s store, loc incidents.Locator) ([]misplaced, error) {
	var out []misplaced
	for _, status := range []incidents.Status{incidents.StatusPublished, incidents.StatusDraft} {
		f := incidents.Filter{Status: status, Limit: 2000}
		for {
			page, err := s.Find(ctx, f)
			if err != nil {
				return nil, err
			}
			for _, inc := range page {
				incidents.Locate(&inc, loc)
				if err := incidents.CheckGovernorate(inc, loc); err != nil {
					out = append(out, misplaced{inc.ID, err})
				}
			}
			if len(page) < f.Limit {
				break
			}
			c := incidents.CursorOf(page[len(page)-1])
			f.After = &c
		}
	}
	slices.SortFunc(out, func(a, b misplaced) int { return cmp.Compare(a.id, b.id) })
	return out, nil
}
