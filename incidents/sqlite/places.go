package sqlite

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
// a dataset is idempotent. It returns how many records it wrote.
func (s *Store) PutPlaceRecords(ctx context.Context, recs []PlaceRecord) (int, error) {
	return s.PutPlaceRecordsFrom(ctx, func(yield func(PlaceRecord, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	})
}

// PutPlaceRecordsFrom is PutPlaceRecords of records read one at a time, so
// that a large import need not hold them all; an error from recs rolls the
// transaction back and is returned.
func (s *Store) PutPlaceRecordsFrom(ctx context.Context, recs iter.Seq2[PlaceRecord, error]) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sqlite: put places: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT INTO gazetteer_places (id, source, data) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET source = excluded.source, data = excluded.data`)
	if err != nil {
		return 0, fmt.Errorf("sqlite: put places: %w", err)
	}
	defer st.Close()
	n := 0
	for r, err := range recs {
		if err != nil {
			return 0, err
		}
		if _, err := st.ExecContext(ctx, r.ID, r.Source, r.Data); err != nil {
			return 0, fmt.Errorf("sqlite: put place %s: %w", r.ID, err)
		}
		n++
	}
	return n, tx.Commit()
}

// PlaceRecords returns every imported place record, by ID.
func (s *Store) PlaceRecords(ctx context.Context) ([]PlaceRecord, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, source, data FROM gazetteer_places ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("sqlite: places: %w", err)
	}
	defer rows.Close()
	var out []PlaceRecord
	for rows.Next() {
		var r PlaceRecord
		if err := rows.Scan(&r.ID, &r.Source, &r.Data); err != nil {
			return nil, fmt.Errorf("sqlite: places: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
