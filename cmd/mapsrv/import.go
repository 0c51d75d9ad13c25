package main

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/web"
)

// runImport imports GeoJSON files (CSV files when named *.csv) in one transaction: if any feature of any
// file is wrong, nothing is imported and the error names the file and feature.
func runImport(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "import")
	db := dbFlag(fs, e, "mapsrv.db")
	status := fs.String("status", string(incidents.StatusPublished), "status of features that give none: published or draft")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"usage: mapsrv import [--db PATH] FILE... (GeoJSON FeatureCollection or newline-delimited features, or CSV named *.csv; - for standard input)"}
	}
	if *status != string(incidents.StatusPublished) && *status != string(incidents.StatusDraft) {
		return usageError{fmt.Sprintf("--status %q: want published or draft", *status)}
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	gaz, err := loadGazetteer(ctx, store)
	if err != nil {
		return err
	}
	setLocator(store, gaz)
	bar := newProgress(e.stderr, "imported", "incidents", 0)
	n, err := store.Import(ctx, filesSeq(e, fs.Args(), incidents.Status(*status)), bar.update)
	bar.done()
	if err != nil {
		return fmt.Errorf("import: nothing imported: %w", err)
	}
	fmt.Fprintf(e.stdout, "imported %d incidents into %s\n", n, displayDSN(*db))
	return fillAfterImport(ctx, e, store, n)
}

// featureFiller is a store that keeps its incidents' features encoded and
// leaves those of an import to FillFeatures (both stores do).
type featureFiller interface {
	FillFeatures(ctx context.Context, progress func(n int)) (int, error)
}

// fillAfterImport encodes the features of the n incidents just imported, if
// the store keeps them, with a progress bar on a terminal. The import stands
// if this fails: the features are then encoded when read.
func fillAfterImport(ctx context.Context, e env, store any, n int) error {
	f, ok := store.(featureFiller)
	if !ok || n == 0 {
		return nil
	}
	start := time.Now()
	bar := newProgress(e.stderr, "encoding", "features", n)
	done, err := f.FillFeatures(ctx, bar.update)
	bar.done()
	if err != nil {
		return fmt.Errorf("the import stands; encoding its features failed (they are encoded when read, "+
			"and serve encodes the rest at start): %w", err)
	}
	fmt.Fprintf(e.stdout, "encoded %d features in %s\n", done, time.Since(start).Round(time.Millisecond))
	return nil
}

// filesSeq yields the incidents of each file in turn; errors name the file.
func filesSeq(e env, names []string, def incidents.Status) iter.Seq2[incidents.Incident, error] {
	return func(yield func(incidents.Incident, error) bool) {
		for _, name := range names {
			r := e.stdin
			if name != "-" {
				f, err := os.Open(name)
				if err != nil {
					yield(incidents.Incident{}, err)
					return
				}
				defer f.Close()
				r = f
			}
			decode := feature.Decode
			if strings.EqualFold(filepath.Ext(name), ".csv") {
				decode = feature.DecodeCSV
			}
			for inc, err := range decode(r, def) {
				if err != nil {
					err = fmt.Errorf("%s: %w", name, err)
				}
				if !yield(inc, err) || err != nil {
					return
				}
			}
		}
	}
}

// runExport writes the incidents that match the API's filters as one GeoJSON
// FeatureCollection, or as the items endpoint's CSV with --format csv,
// paging through the store so memory stays flat.
func runExport(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "export")
	db := dbFlag(fs, e, "mapsrv.db")
	format := fs.String("format", "geojson", "output format: geojson, or csv (the items endpoint's f=csv, which import reads back)")
	q := url.Values{}
	for _, name := range []string{"bbox", "datetime", "incident_type", "admin1_pcode", "admin2_pcode", "min_killed", "q", "filter", "filter-lang"} {
		fs.Func(name, "the items endpoint's "+name+" parameter", func(v string) error { q.Set(name, v); return nil })
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	out, err := exportWriter(e, *format)
	if err != nil {
		return err
	}
	f, err := web.ParseFilter(q)
	if err != nil {
		return usageError{err.Error()}
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	f.Limit = 1000
	for {
		page, err := store.Find(ctx, f)
		if err != nil {
			return err
		}
		for _, inc := range page {
			if err := out.Write(inc); err != nil {
				return err
			}
		}
		if len(page) < f.Limit {
			break
		}
		c := incidents.CursorOf(page[len(page)-1])
		f.After = &c
	}
	return out.finish()
}

// incidentWriter writes an export one incident at a time.
type incidentWriter struct {
	Write  func(incidents.Incident) error
	finish func() error
}

// exportWriter returns the writer of the named format to standard output.
func exportWriter(e env, format string) (incidentWriter, error) {
	switch format {
	case "geojson", "json":
		cw := feature.NewCollectionWriter(e.stdout)
		return incidentWriter{cw.Write, func() error { return cw.Close(nil) }}, nil
	case "csv":
		cw := feature.NewCSVWriter(e.stdout)
		return incidentWriter{cw.Write, cw.Flush}, nil
	}
	return incidentWriter{}, usageError{fmt.Sprintf("--format %q: want geojson or csv", format)}
}
