package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// migrateCounts is what a migration read from the source, to verify against
// what the destination holds.
type migrateCounts struct {
	published, drafts, links int
}

// runMigrate copies a SQLite database into an empty PostGIS one: the imported
// gazetteer records (an idempotent upsert), then every incident, published and
// draft, with its ID, sources and timestamps, in one transaction, all or
// nothing. It then checks the counts on both sides. Writers to the SQLite file
// should be stopped first: a write while the incidents are read (an edit, which
// changes no count, as well as an addition or a deletion) makes the migration
// fail before its transaction commits, so nothing is copied.
func runMigrate(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "migrate")
	from := fs.String("from", "", "SQLite database file to copy from")
	to := fs.String("to", "", "postgres:// URL of the PostGIS database to copy into")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" || !postgis.IsDSN(*to) || postgis.IsDSN(*from) || fs.NArg() > 0 {
		return usageError{"usage: mapsrv migrate --from PATH.db --to postgres://..."}
	}
	if _, err := os.Stat(*from); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	src, err := sqlite.Open(ctx, *from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := postgis.Open(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	return migrate(ctx, e, src, dst, displayDSN(*to))
}

func migrate(ctx context.Context, e env, src *sqlite.Store, dst *postgis.Store, to string) error {
	if n, err := dst.Count(ctx); err != nil {
		return err
	} else if n > 0 {
		return fmt.Errorf("migrate: %s already holds %d incidents: migrate into an empty database", to, n)
	}
	total, err := src.Count(ctx)
	if err != nil {
		return err
	}
	places, err := copyPlaces(ctx, src, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "migrate: %d gazetteer records copied\n", places)
	version, err := src.Version(ctx)
	if err != nil {
		return err
	}
	var read migrateCounts
	bar := newProgress(e.stderr, "migrate:", "incidents", total)
	n, err := dst.Restore(ctx, unwritten(ctx, src, version, allIncidents(ctx, src, &read)), bar.update)
	bar.done()
	if err != nil {
		return fmt.Errorf("migrate: no incident copied: %w", err)
	}
	if err := verifyMigration(ctx, src, dst, total, n, read, places); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "migrated %d published and %d draft incidents (%d source links) and %d gazetteer records into %s\n",
		read.published, read.drafts, read.links, places, to)
	return fillAfterImport(ctx, e, dst, n)
}

// copyPlaces upserts every imported gazetteer record of src into dst.
func copyPlaces(ctx context.Context, src *sqlite.Store, dst *postgis.Store) (int, error) {
	recs, err := src.PlaceRecords(ctx)
	if err != nil || len(recs) == 0 {
		return 0, err
	}
	out := make([]postgis.PlaceRecord, len(recs))
	for i, r := range recs {
		out[i] = postgis.PlaceRecord(r)
	}
	if _, err := dst.PutPlaceRecords(ctx, out); err != nil {
		return 0, fmt.Errorf("migrate: gazetteer records: %w", err)
	}
	return len(recs), nil
}

// allIncidents pages through every incident of s, published then drafts,
// counting what it yields into c.
func allIncidents(ctx context.Context, s incidents.Store, c *migrateCounts) iter.Seq2[incidents.Incident, error] {
	return func(yield func(incidents.Incident, error) bool) {
		for _, status := range []incidents.Status{incidents.StatusPublished, incidents.StatusDraft} {
			f := incidents.Filter{Status: status, Limit: 1000}
			for {
				page, err := s.Find(ctx, f)
				if err != nil {
					yield(incidents.Incident{}, err)
					return
				}
				for _, inc := range page {
					if status == incidents.StatusDraft {
						c.drafts++
					} else {
						c.published++
					}
					c.links += len(inc.Sources)
					if !yield(inc, nil) {
						return
					}
				}
				if len(page) < f.Limit {
					break
				}
				cur := incidents.CursorOf(page[len(page)-1])
				f.After = &cur
			}
		}
	}
}

// errSourceWritten is a migration's source written to while it was read.
var errSourceWritten = errors.New("the SQLite database was written to while it was read; stop every mapsrv serve and import using it, then migrate again")

// unwritten yields seq, then an error if the data version of s has moved
// from version meanwhile: the pages were read at different versions, so a
// write between them (an edit changes no count) may be missing. The error
// comes before the destination's transaction commits, which then copies
// nothing.
func unwritten(ctx context.Context, s *sqlite.Store, version int64, seq iter.Seq2[incidents.Incident, error]) iter.Seq2[incidents.Incident, error] {
	return func(yield func(incidents.Incident, error) bool) {
		for inc, err := range seq {
			if !yield(inc, err) || err != nil {
				return
			}
		}
		now, err := s.Version(ctx)
		if err == nil && now != version {
			err = fmt.Errorf("%w (data version %d when the copy began, %d after)", errSourceWritten, version, now)
		}
		if err != nil {
			yield(incidents.Incident{}, err)
		}
	}
}

// verifyMigration compares what was read, what the source holds now and what
// the destination holds.
func verifyMigration(ctx context.Context, src *sqlite.Store, dst *postgis.Store, total, copied int, read migrateCounts, places int) error {
	got, err := dst.Counts(ctx)
	if err != nil {
		return err
	}
	now, err := src.Count(ctx)
	if err != nil {
		return err
	}
	var problems []error
	check := func(what string, want, have int) {
		if want != have {
			problems = append(problems, fmt.Errorf("%s: source %d, destination %d", what, want, have))
		}
	}
	check("incidents (source count vs copied)", total, copied)
	check("incidents (source before vs after: was it written to meanwhile?)", total, now)
	check("published incidents", read.published, got.Published)
	check("draft incidents", read.drafts, got.Drafts)
	check("source links", read.links, got.SourceLinks)
	if got.Places < places {
		check("gazetteer records", places, got.Places)
	}
	if err := errors.Join(problems...); err != nil {
		return fmt.Errorf("migrate: counts differ:\n%w", err)
	}
	return nil
}
