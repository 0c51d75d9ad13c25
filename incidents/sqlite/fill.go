package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/mapsrv/mapsrv/incidents/feature"
)

// fillChunk is how many features FillFeatures stores per transaction: short
// enough not to hold writers back for long.
const fillChunk = 2000

// FillFeatures encodes the features of incidents that have none in the
// current format: those imported since the last fill, stored before
// incident_features existed, or by a mapsrv with another feature.Format. It
// works in short transactions that leave the data version alone, since the
// features it writes are the ones Find already serves, calls progress with
// the count so far after each, and returns how many it encoded. One fill
// runs at a time; FindFeatures starts one in the background when it meets a
// missing feature.
//
// Reading and encoding a chunk (half the work) runs on its own connection
// while the chunk before is stored: 1,000,000 features took 12-16 s one
// after the other.
func (s *Store) FillFeatures(ctx context.Context, progress func(n int)) (int, error) {
	s.filling.Lock()
	defer s.filling.Unlock()
	return s.fillFeatures(ctx, progress)
}

// StartFill starts filling features in the background unless a fill is
// under way.
func (s sqlReads) StartFill() {
	if !s.filling.TryLock() {
		return
	}
	go func() {
		defer s.filling.Unlock()
		s.fillFeatures(context.Background(), nil)
	}()
}

// fillBatch is a chunk of missing features, encoded from their rows as they
// stood at version, or with the error that stopped the reading.
type fillBatch struct {
	version int64 // -1 when a write came in while reading
	last    int64 // the largest ID looked at
	ids     []int64
	keys    []int64 // feature.PlaceKey of each
	json    [][]byte
	err     error
}

func (s *Store) fillFeatures(ctx context.Context, progress func(n int)) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan fillBatch, 1)
	go s.readMissing(ctx, batches)
	n := 0
	for b := range batches {
		if b.err != nil {
			return n, fmt.Errorf("sqlite: fill features: %w", b.err)
		}
		if err := s.storeBatch(ctx, b); err != nil {
			return n, fmt.Errorf("sqlite: fill features: %w", err)
		}
		n += len(b.ids)
		if progress != nil {
			progress(n)
		}
	}
	return n, ctx.Err()
}

// readMissing sends the missing features chunk by chunk, in ID order, and
// closes out after the last or the first error.
func (s *Store) readMissing(ctx context.Context, out chan<- fillBatch) {
	defer close(out)
	for after := int64(0); ; {
		b := s.readBatch(ctx, after)
		if b.err == nil && len(b.ids) == 0 {
			return
		}
		select {
		case out <- b:
		case <-ctx.Done():
			return
		}
		if b.err != nil {
			return
		}
		after = b.last
	}
}

// readBatch reads and encodes up to fillChunk missing features of incidents
// after the given ID, outside any transaction: the data version read before
// and after tells whether they are of one moment.
func (s *Store) readBatch(ctx context.Context, after int64) fillBatch {
	before, err := s.Version(ctx)
	if err != nil {
		return fillBatch{err: err}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT i.id FROM incidents AS i WHERE i.id > ? AND NOT EXISTS
		(SELECT 1 FROM incident_features AS f WHERE f.id = i.id AND f.format = ?) ORDER BY i.id LIMIT ?`,
		after, feature.Format, fillChunk)
	if err != nil {
		return fillBatch{err: err}
	}
	b := fillBatch{version: before}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fillBatch{err: err}
		}
		b.ids, b.last = append(b.ids, id), id
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(b.ids) == 0 {
		return fillBatch{err: err}
	}
	found, err := readIncidents(ctx, s.db, b.ids)
	if err != nil {
		return fillBatch{err: err}
	}
	if now, err := s.Version(ctx); err != nil || now != before || len(found) != len(b.ids) {
		b.version = -1 // storeBatch reads them again inside its transaction
		return b
	}
	b.ids = b.ids[:0] // in found's order, with their features
	for _, inc := range found {
		js, err := feature.AppendFeature(nil, inc)
		if err != nil {
			return fillBatch{err: err}
		}
		b.ids, b.json = append(b.ids, inc.ID), append(b.json, js)
		b.keys = append(b.keys, feature.PlaceKey(inc.ID, inc.Location.Lon(), inc.Location.Lat()))
	}
	return b
}

// storeBatch stores b's features in one transaction if no write came in
// since they were read; otherwise it encodes them again from the rows as
// they stand inside it.
func (s *Store) storeBatch(ctx context.Context, b fillBatch) error {
	return s.inWriteTx(ctx, func(tx *sql.Tx, w *writer) error {
		now, err := versionIn(ctx, tx)
		if err != nil {
			return err
		}
		if now != b.version {
			w.touched = b.ids
			return w.encodeTouched(ctx, tx)
		}
		for i, id := range b.ids {
			if _, err := w.feature.ExecContext(ctx, b.keys[i], id, feature.Format, b.json[i]); err != nil {
				return err
			}
		}
		return nil
	})
}
