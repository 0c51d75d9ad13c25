package postgis

import (
	"context"
	"fmt"
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
	last := make(map[string]int, len(recs))
	for i, r := range recs {
		last[r.ID] = i
	}
	var ids, sources []string
	var data [][]byte
	for i, r := range recs {
		if last[r.ID] == i {
			ids, sources, data = append(ids, r.ID), append(sources, r.Source), append(data, r.Data)
		}
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO gazetteer_places (id, source, data)
		SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, data = excluded.data`, ids, sources, data)
	if err != nil {
		return 0, fmt.Errorf("postgis: put places: %w", err)
	}
	return len(recs), nil
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
