package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/gazetteer/answer"
)

// areaPrefix marks the records of imported admin areas among place records.
const areaPrefix = "area:"

// loadGazetteer builds the gazetteer from the embedded data merged with the
// places and admin areas imported into the database, if any.
func loadGazetteer(ctx context.Context, store store) (*gazetteer.Gazetteer, error) {
	recs, err := store.PlaceRecords(ctx)
	if err != nil {
		return nil, err
	}
	var places []gazetteer.Place
	var areas []gazetteer.Area
	for _, r := range recs {
		if strings.HasPrefix(r.ID, areaPrefix) {
			a, err := gazetteer.UnmarshalArea(r.Data)
			if err != nil {
				return nil, fmt.Errorf("imported area %s: %w", r.ID, err)
			}
			areas = append(areas, a)
			continue
		}
		p, err := gazetteer.UnmarshalPlace(r.Data)
		if err != nil {
			return nil, fmt.Errorf("imported place %s: %w", r.ID, err)
		}
		places = append(places, p)
	}
	return gazetteer.DefaultWith(places, areas)
}

// runGazetteerImport loads OCHA datasets (communities, admin-1/2/3 and
// neighbourhood files as HDX distributes them) into the database, all files in
// one transaction. Re-importing replaces records by their P-codes.
func runGazetteerImport(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "gazetteer import")
	db := dbFlag(fs, e, "mapsrv.db")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"usage: mapsrv gazetteer import --db PATH FILE... (OCHA GeoJSON files)"}
	}
	var recs []placeRecord
	for _, name := range fs.Args() {
		fileRecs, err := placeRecordsOf(name)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Fprintf(e.stderr, "%s: %d records\n", name, len(fileRecs))
		recs = append(recs, fileRecs...)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := store.PutPlaceRecords(ctx, recs)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %d gazetteer records into %s\n", n, displayDSN(*db))
	return nil
}

// placeRecordsOf parses one OCHA file into store records.
func placeRecordsOf(name string) ([]placeRecord, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	places, areas, err := gazetteer.ParseOCHA(f)
	if err != nil {
		return nil, err
	}
	var recs []placeRecord
	for _, p := range places {
		b, err := gazetteer.MarshalPlace(p)
		if err != nil {
			return nil, err
		}
		recs = append(recs, placeRecord{ID: p.ID, Source: p.Source, Data: b})
	}
	for _, a := range areas {
		b, err := gazetteer.MarshalArea(a)
		if err != nil {
			return nil, err
		}
		recs = append(recs, placeRecord{ID: fmt.Sprintf("%s%d:%s", areaPrefix, a.Level, a.PCode), Source: "OCHA", Data: b})
	}
	return recs, nil
}

// runGeocode prints one JSON object per query, in order.
func runGeocode(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "geocode")
	db := dbFlag(fs, e, "")
	fs.Bool("json", true, "print one JSON object per query: the default and only format (accepted for older scripts)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"usage: mapsrv geocode [--db PATH] QUERY..."}
	}
	gaz, err := openGazetteer(ctx, *db)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, q := range fs.Args() {
		m, err := gaz.Geocode(q)
		var out any = answer.GeocodeOf(m)
		if errors.Is(err, gazetteer.ErrNotFound) {
			out = answer.Failure{Query: q, Error: "no place matches"}
		} else if err != nil {
			out = answer.Failure{Query: q, Error: err.Error()}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}
