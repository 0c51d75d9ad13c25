package main

import (
	"context"
	"iter"
	"net/url"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// placeRecord is an imported gazetteer record, whichever backend keeps it.
type placeRecord struct {
	ID     string
	Source string
	Data   []byte
}

// store is what the commands need of a database: incidents and imported
// gazetteer records.
type store interface {
	incidents.Store
	Empty(ctx context.Context) (bool, error) // no incident stored: cheaper than Count

	PutPlaceRecords(ctx context.Context, recs []placeRecord) (int, error)
	// PutPlaceRecordsFrom is PutPlaceRecords of records read one at a time.
	PutPlaceRecordsFrom(ctx context.Context, recs iter.Seq2[placeRecord, error]) (int, error)
	PlaceRecords(ctx context.Context) ([]placeRecord, error)
}

// openStore opens the PostGIS backend for a postgres:// or postgresql:// DSN
// and otherwise the SQLite file at dsn, the default.
func openStore(ctx context.Context, dsn string) (store, error) {
	if postgis.IsDSN(dsn) {
		s, err := postgis.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return pgStore{s}, nil
	}
	s, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return sqliteStore{s}, nil
}

// openReplicated is openStore reading from the hot standby at readDSN, if
// any (PostGIS only).
func openReplicated(ctx context.Context, dsn, readDSN string) (store, error) {
	if readDSN == "" {
		return openStore(ctx, dsn)
	}
	s, err := postgis.OpenReplicated(ctx, dsn, readDSN)
	if err != nil {
		return nil, err
	}
	return pgStore{s}, nil
}

// sqliteStore adapts *sqlite.Store's place records to placeRecord.
type sqliteStore struct{ *sqlite.Store }

func (s sqliteStore) PutPlaceRecords(ctx context.Context, recs []placeRecord) (int, error) {
	out := make([]sqlite.PlaceRecord, len(recs))
	for i, r := range recs {
		out[i] = sqlite.PlaceRecord(r)
	}
	return s.Store.PutPlaceRecords(ctx, out)
}

func (s sqliteStore) PutPlaceRecordsFrom(ctx context.Context, recs iter.Seq2[placeRecord, error]) (int, error) {
	return s.Store.PutPlaceRecordsFrom(ctx, convertRecords[sqlite.PlaceRecord](recs))
}

// convertRecords reads recs as another package's records of the same fields.
func convertRecords[R ~struct {
	ID     string
	Source string
	Data   []byte
}](recs iter.Seq2[placeRecord, error]) iter.Seq2[R, error] {
	return func(yield func(R, error) bool) {
		for r, err := range recs {
			if !yield(R(r), err) {
				return
			}
		}
	}
}

func (s sqliteStore) PlaceRecords(ctx context.Context) ([]placeRecord, error) {
	recs, err := s.Store.PlaceRecords(ctx)
	out := make([]placeRecord, len(recs))
	for i, r := range recs {
		out[i] = placeRecord(r)
	}
	return out, err
}

// pgStore adapts *postgis.Store's place records to placeRecord.
type pgStore struct{ *postgis.Store }

func (s pgStore) PutPlaceRecords(ctx context.Context, recs []placeRecord) (int, error) {
	out := make([]postgis.PlaceRecord, len(recs))
	for i, r := range recs {
		out[i] = postgis.PlaceRecord(r)
	}
	return s.Store.PutPlaceRecords(ctx, out)
}

func (s pgStore) PutPlaceRecordsFrom(ctx context.Context, recs iter.Seq2[placeRecord, error]) (int, error) {
	return s.Store.PutPlaceRecordsFrom(ctx, convertRecords[postgis.PlaceRecord](recs))
}

func (s pgStore) PlaceRecords(ctx context.Context) ([]placeRecord, error) {
	recs, err := s.Store.PlaceRecords(ctx)
	out := make([]placeRecord, len(recs))
	for i, r := range recs {
		out[i] = placeRecord(r)
	}
	return out, err
}

// displayDSN is a database name fit for logs and messages: a PostgreSQL URL
// without its password, or the SQLite path.
func displayDSN(dsn string) string {
	if !postgis.IsDSN(dsn) { // a path, or none
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unparsable DSN)"
	}
	return u.Redacted()
}
