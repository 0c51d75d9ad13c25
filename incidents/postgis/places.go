package postgis

import (
	"context"
	"fmt"
	"iter"
)

// PlaceRecord is an imported gazetteer place as the store keeps it: an ID, the
// dataset it came from, and bytes only the gazetteer package reads.
type PlaceRecord struct {
	ID     string
	Source string
	Data   []byte
}

// PutPlaceRecords inserts or replaces recs in one transaction, so re-importing
// a dataset is idempotent. It returns how many records it wrote. When one ID
// comes twice, the last record wins.
func (s *Store) PutPlaceRecords(ctx context.Context, recs []PlaceRecord) (int, error) {
	return s.PutPlaceRecordsFrom(ctx, func(yield func(PlaceRecord, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	})
}

// placeBatch is how many place records one statement writes.
const placeBatch = 2000

// PutPlaceRecordsFrom is PutPlaceRecords of records read one at a time, so
// that a large import need not hold them all: they are written a batch at a
// time in one transaction. An error from recs rolls it back and is returned.
func (s *Store) PutPlaceRecordsFrom(ctx context.Context, recs iter.Seq2[PlaceRecord, error]) (int, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("postgis: put places: %w", err)
	}
	defer tx.Rollback(ctx)
	var batch []PlaceRecord
	flush := func() error {
		// One statement cannot update a row twice: of one ID in a batch,
		// the last is written (later batches update it again, in order).
		last := make(map[string]int, len(batch))
		for i, r := range batch {
			last[r.ID] = i
		}
		var ids, sources []string
		var data [][]byte
		for i, r := range batch {
			if last[r.ID] == i {
				ids, sources, data = append(ids, r.ID), append(sources, r.Source), append(data, r.Data)
			}
		}
		batch = batch[:0]
		_, err := tx.Exec(ctx, `INSERT INTO gazetteer_places (id, source, data)
			SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])
			ON CONFLICT (id) DO UPDATE SET source = excluded.source, data = excluded.data`, ids, sources, data)
		if err != nil {
			return fmt.Errorf("postgis: put places: %w", err)
		}
		return nil
	}
	n := 0
	for r, err := range recs {
		if err != nil {
			return 0, err
		}
		batch = append(batch, r)
		n++
		if len(batch) == placeBatch {
			if err := flush(); err != nil {
				return 0, err
			}
		}
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("postgis: put places: %w", err)
	}
	return n, nil
}

// PlaceRecords returns every imported place record, by ID.
func (s *Store) PlaceRecords(ctx context.Context) ([]PlaceRecord, error) {
	rows, err := s.reads().Query(ctx, "SELECT id, source, data FROM gazetteer_places ORDER BY id COLLATE \"C\"")
	if err != nil {
		return nil, fmt.Errorf("postgis: places: %w", err)
	}
	defer rows.Close()
	var out []PlaceRecord
	for rows.Next() {
		var r PlaceRecord
		if err := rows.Scan(&r.ID, &r.Source, &r.Data); err != nil {
			return nil, fmt.Errorf("postgis: places: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Counts is what a database holds, by kind: for verifying a migration.
type Counts struct {
	Published, Drafts int
	SourceLinks       int // incident–source links
	Places            int // imported gazetteer records
}

// Counts counts the rows of each kind.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM incidents WHERE status = 'published'),
		(SELECT count(*) FROM incidents WHERE status = 'draft'),
		(SELECT count(*) FROM incident_sources),
		(SELECT count(*) FROM gazetteer_places)`).Scan(&c.Published, &c.Drafts, &c.SourceLinks, &c.Places)
	if err != nil {
		return Counts{}, fmt.Errorf("postgis: counts: %w", err)
	}
	return c, nil
}
