package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/gazetteer/answer"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// loadGazetteer builds the gazetteer from the embedded data merged with the
// places imported into the database, if any.
func loadGazetteer(ctx context.Context, store *sqlite.Store) (*gazetteer.Gazetteer, error) {
	places, govs, err := gazetteer.DefaultData()
	if err != nil {
		return nil, err
	}
	recs, err := store.PlaceRecords(ctx)
	if err != nil {
		return nil, err
	}
	var imported []gazetteer.Place
	for _, r := range recs {
		p, err := gazetteer.UnmarshalPlace(r.Data)
		if err != nil {
			return nil, fmt.Errorf("imported place %s: %w", r.ID, err)
		}
		imported = append(imported, p)
	}
	return gazetteer.New(gazetteer.Merge(places, imported), govs), nil
}

// runGeocode prints one JSON object per query, in order.
func runGeocode(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "geocode")
	db := dbFlag(fs, e, "")
	asJSON := fs.Bool("json", false, "print one JSON object per query (the only output format)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !*asJSON || fs.NArg() == 0 {
		return usageError{"usage: mapsrv geocode [--db PATH] --json QUERY..."}
	}
	var gaz *gazetteer.Gazetteer
	var err error
	if *db == "" {
		gaz, err = gazetteer.Default()
	} else {
		var store *sqlite.Store
		if store, err = sqlite.Open(ctx, *db); err != nil {
			return err
		}
		defer store.Close()
		gaz, err = loadGazetteer(ctx, store)
	}
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
