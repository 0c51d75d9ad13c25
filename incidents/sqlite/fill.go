package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// fillChunk is how many features FillFeatures stores per transaction: short
// enough not to hold writers back for long (about 0.1 s), long enough that a
// transaction rewrites each page of the ID index once for many features (a
// chunk's IDs are spread over the window's: 200,000 features sorted by key
// took 8.6 s in chunks of 2,000 and 4.0 s in chunks of 10,000).
const fillChunk = 10000

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
	var n int
	var err error
	s.fill.Do(func() { n, err = s.fillFeatures(ctx, progress) })
	return n, err
}

// StartFill starts filling features in the background, or has the fill
// under way run once more when it ends: a source marked stale after that
// fill passed it is not left for the next reader to notice.
func (s sqlReads) StartFill() {
	s.fill.Start(func() { s.fillFeatures(context.Background(), nil) })
}

// fillBatch is a chunk of missing features, encoded from their rows as they
// stood at version, in order of place key, or with the error that stopped
// the reading.
type fillBatch struct {
	version int64 // -1 when a write came in while reading
	ids     []int64
	keys    []int64 // feature.PlaceKey of each
	json    [][]byte
	err     error
}

// fillWindow is how many missing features the fill lists at a time (by ID)
// to store them in order of place key: inserted in that order they go into
// the table's B-tree one page after another, where in ID order each went to
// another page.
const fillWindow = 100_000

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
	if err := ctx.Err(); err != nil {
		return n, err
	}
	m, err := s.refreshStale(ctx, func(m int) {
		if progress != nil {
			progress(n + m)
		}
	})
	if err != nil {
		return n + m, fmt.Errorf("sqlite: fill features: %w", err)
	}
	return n + m, nil
}

// refreshChunk is how many features of a stale source's incidents one
// transaction encodes again: about 30 ms of the one writer.
const refreshChunk = 1000

// refreshStale encodes again, refreshChunk at a time, the features of the
// incidents citing each source marked stale (schema/0014_stale_sources.sql),
// then removes the mark if no correction came since it was read: every
// feature was then encoded after the last correction, in a transaction
// that held the writer. Until then readers patch the sources of those
// incidents' stored features (snapshot's ReadPage). It returns how many
// features it encoded.
func (s *Store) refreshStale(ctx context.Context, progress func(n int)) (int, error) {
	n := 0
	for {
		var source, marker int64
		err := s.db.QueryRowContext(ctx, "SELECT source_id, marker FROM stale_sources ORDER BY source_id LIMIT 1").Scan(&source, &marker)
		if errors.Is(err, sql.ErrNoRows) {
			return n, nil
		} else if err != nil {
			return n, err
		}
		for after := int64(0); ; {
			ids, err := s.citingAfter(ctx, source, after)
			if err != nil || len(ids) == 0 {
				if err != nil {
					return n, err
				}
				break
			}
			if err := s.inWriteTx(ctx, func(tx *sql.Tx, w *writer) error {
				w.touched = ids
				return w.encodeTouched(ctx, tx)
			}); err != nil {
				return n, err
			}
			n, after = n+len(ids), ids[len(ids)-1]
			progress(n)
		}
		if err := s.inWriteTx(ctx, func(tx *sql.Tx, _ *writer) error {
			_, err := tx.ExecContext(ctx, "DELETE FROM stale_sources WHERE source_id = ? AND marker = ?", source, marker)
			return err
		}); err != nil {
			return n, err
		}
	}
}

// citingAfter lists up to refreshChunk incidents citing a source, by ID,
// after the given one.
func (s *Store) citingAfter(ctx context.Context, source, after int64) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT incident_id FROM incident_sources
		WHERE source_id = ? AND incident_id > ? ORDER BY incident_id LIMIT ?`, source, after, refreshChunk)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// readMissing sends the missing features chunk by chunk, a window of IDs
// at a time in order of place key, and closes out after the last or the
// first error.
func (s *Store) readMissing(ctx context.Context, out chan<- fillBatch) {
	defer close(out)
	send := func(b fillBatch) bool {
		select {
		case out <- b:
			return b.err == nil
		case <-ctx.Done():
			return false
		}
	}
	for after := int64(0); ; {
		window, last, err := s.missingAfter(ctx, after)
		if err != nil {
			send(fillBatch{err: err})
			return
		}
		if len(window) == 0 {
			return
		}
		for chunk := range slices.Chunk(window, fillChunk) {
			if !send(s.readBatch(ctx, chunk)) {
				return
			}
		}
		after = last
	}
}

// missingAfter lists up to fillWindow incidents after the given ID whose
// features are missing, in order of place key, and the largest ID listed.
func (s *Store) missingAfter(ctx context.Context, after int64) ([]feature.Ref, int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, i.lon, i.lat FROM incidents AS i WHERE i.id > ? AND NOT EXISTS
		(SELECT 1 FROM incident_features AS f WHERE f.id = i.id AND f.format = ?) ORDER BY i.id LIMIT ?`,
		after, feature.Format, fillWindow)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var refs []feature.Ref
	var last int64
	for rows.Next() {
		var id int64
		var lon, lat float64
		if err := rows.Scan(&id, &lon, &lat); err != nil {
			return nil, 0, err
		}
		refs, last = append(refs, feature.RefOf(id, lon, lat)), id
	}
	feature.SortByKey(refs)
	return refs, last, rows.Err()
}

// readBatch reads and encodes the features of refs (in order of key)
// outside any transaction: the data version read before and after tells
// whether they are of one moment.
func (s *Store) readBatch(ctx context.Context, refs []feature.Ref) fillBatch {
	before, err := s.Version(ctx)
	if err != nil {
		return fillBatch{err: err}
	}
	b := fillBatch{version: before}
	for _, r := range refs {
		b.ids = append(b.ids, r.ID)
	}
	found, err := readIncidents(ctx, s.db, b.ids)
	if err != nil {
		return fillBatch{err: err}
	}
	if now, err := s.Version(ctx); err != nil || now != before || len(found) != len(b.ids) {
		b.version = -1 // storeBatch reads them again inside its transaction
		return b
	}
	byID := make(map[int64]incidents.Incident, len(found))
	for _, inc := range found {
		byID[inc.ID] = inc
	}
	for _, r := range refs {
		inc := byID[r.ID]
		js, err := feature.AppendFeature(nil, inc)
		if err != nil {
			return fillBatch{err: err}
		}
		b.json = append(b.json, js)
		b.keys = append(b.keys, feature.IncidentKey(inc))
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
