package postgis

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// Each incident's GeoJSON feature is kept encoded in incident_features
// (schema/0003_features_and_changes.sql), written in the transaction that
// writes the incident, as in the SQLite store: a page then reads one
// column per incident, where reading twenty and aggregating the sources,
// then encoding them, cost several times as much. A feature that is
// missing, or encoded under another feature.Format, is encoded from its
// row when read.

// storeFeatures encodes the features of the incidents ids names that
// exist, as tx now holds them, and stores them, replacing any stored. A
// write calls it last, for what it changed, and it reads the rows and their
// sources FOR SHARE: a concurrent write changing either waits for tx, and
// stores its own encoding after. (Without the locks, two writes, one to an
// incident and one to a source it cites, could each encode the other's old
// half and the later one win.)
func storeFeatures(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `SELECT 1 FROM sources WHERE id IN
		(SELECT source_id FROM incident_sources WHERE incident_id = ANY($1)) FOR SHARE`, ids); err != nil {
		return err
	}
	return encodeFeatures(ctx, tx, ids, "FOR SHARE OF i", "DO UPDATE SET format = excluded.format, json = excluded.json")
}

// encodeFeatures reads the incidents ids names with lock, encodes their
// features and inserts them, doing onConflict where one is stored.
func encodeFeatures(ctx context.Context, tx pgx.Tx, ids []int64, lock, onConflict string) error {
	rows, err := tx.Query(ctx, "SELECT "+incidentColumns+" FROM incidents AS i WHERE i.id = ANY($1) "+lock, ids)
	if err != nil {
		return err
	}
	found, err := scanIncidents(rows)
	if err != nil {
		return err
	}
	// Inserted in order of place key: PostgreSQL lays new rows one after
	// another, so the features of one area written together share pages.
	slices.SortFunc(found, func(a, b incidents.Incident) int { return cmp.Compare(feature.IncidentKey(a), feature.IncidentKey(b)) })
	encoded, err := feature.EncodeAll(found)
	if err != nil {
		return err
	}
	fids, blobs := make([]int64, len(found)), make([][]byte, len(found))
	for i, inc := range found {
		fids[i], blobs[i] = inc.ID, encoded[i].JSON
	}
	_, err = tx.Exec(ctx, `INSERT INTO incident_features (id, format, json)
		SELECT f.id, $2, f.json FROM unnest($1::bigint[], $3::bytea[]) WITH ORDINALITY AS f (id, json, n)
		WHERE EXISTS (SELECT 1 FROM incidents AS i WHERE i.id = f.id)
		ORDER BY f.n
		ON CONFLICT (id) `+onConflict, fids, feature.Format, blobs)
	return err
}

// fillChunk is how many features FillFeatures stores per transaction: short
// enough not to hold writers back for long.
const fillChunk = 2000

// fillWindow is how many missing features the fill lists at a time (by ID)
// to store them in order of place key: written in that order, the features
// of one area lie together in the table. At 1,000,000, a 0.1° page of
// 1,000 then took 8.5–10.4 ms of CPU (mapsrv and PostgreSQL together)
// where it took 9.9–14.3 with the table in order of ID.
const fillWindow = 100_000

// FillFeatures encodes the features of incidents that have none in the
// current format: those imported or migrated since the last fill, or
// stored by a mapsrv with another feature.Format. It works in short
// transactions that leave the data version alone (the features it writes
// are the ones Find already serves), calls progress with the count so far
// after each, and returns how many it encoded. FindFeatures starts one in
// the background when it meets a missing feature; one runs at a time in a
// process.
func (s *Store) FillFeatures(ctx context.Context, progress func(n int)) (int, error) {
	var n int
	var err error
	s.fill.Do(func() { n, err = s.fillFeatures(ctx, progress) })
	return n, err
}

func (s *Store) fillFeatures(ctx context.Context, progress func(n int)) (int, error) {
	n := 0
	for after := int64(0); ; {
		window, last, err := s.missingAfter(ctx, after)
		if err != nil {
			return n, fmt.Errorf("postgis: fill features: %w", err)
		}
		if len(window) == 0 {
			m, err := s.refreshStale(ctx, func(m int) {
				if progress != nil {
					progress(n + m)
				}
			})
			if err != nil {
				return n + m, fmt.Errorf("postgis: fill features: %w", err)
			}
			return n + m, nil
		}
		for chunk := range slices.Chunk(window, fillChunk) {
			ids := make([]int64, len(chunk))
			for i, r := range chunk {
				ids[i] = r.ID
			}
			// No locks (a row lock rewrites the tuple: a million of them
			// took ten minutes), and a feature stored meanwhile is kept:
			// a write stores the encoding of what it changed last in its
			// own transaction, after its triggers dropped the old one, so
			// one stored here from rows read before it is either replaced
			// by that write or never stored.
			if err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
				return encodeFeatures(ctx, tx, ids, "", "DO NOTHING")
			}); err != nil {
				return n, fmt.Errorf("postgis: fill features: %w", err)
			}
			n += len(ids)
			if progress != nil {
				progress(n)
			}
		}
		after = last
	}
}

// missingAfter lists up to fillWindow incidents after the given ID whose
// features are missing, in order of place key, and the largest ID listed.
func (s *Store) missingAfter(ctx context.Context, after int64) ([]feature.Ref, int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT i.id, i.lon, i.lat FROM incidents AS i WHERE i.id > $1 AND NOT EXISTS
		(SELECT 1 FROM incident_features AS f WHERE f.id = i.id AND f.format = $2) ORDER BY i.id LIMIT $3`,
		after, feature.Format, fillWindow)
	if err != nil {
		return nil, 0, err
	}
	var refs []feature.Ref
	var id, last int64
	var lon, lat float64
	if _, err := pgx.ForEachRow(rows, []any{&id, &lon, &lat}, func() error {
		refs, last = append(refs, feature.RefOf(id, lon, lat)), id
		return nil
	}); err != nil {
		return nil, 0, err
	}
	feature.SortByKey(refs)
	return refs, last, nil
}

// StartFill starts filling features in the background, or has the fill
// under way run once more when it ends: a source marked stale after that
// fill passed it is not left for the next reader to notice.
func (s pgReads) StartFill() {
	s.fill.Start(func() { s.fillFeatures(context.Background(), nil) })
}

// refreshChunk is how many features of a stale source's incidents one
// transaction encodes again.
const refreshChunk = 1000

// refreshStale encodes again, refreshChunk at a time, the features of the
// incidents citing each source marked stale (schema/0009_stale_sources.sql),
// then removes the mark if no correction came since it was read. Each chunk
// is stored as a write stores its own (storeFeatures, reading rows and
// sources FOR SHARE): a write to one of them meanwhile either waits for
// the chunk and stores its own encoding after, or commits first and is
// what the chunk reads. Every feature was then encoded after the last
// correction; until then readers patch the sources of those incidents'
// stored features (snapshot's ReadPage).
// It returns how many features it encoded.
func (s *Store) refreshStale(ctx context.Context, progress func(n int)) (int, error) {
	n := 0
	for {
		var source, marker int64
		err := s.pool.QueryRow(ctx, "SELECT source_id, marker FROM stale_sources ORDER BY source_id LIMIT 1").Scan(&source, &marker)
		if errors.Is(err, pgx.ErrNoRows) {
			return n, nil
		} else if err != nil {
			return n, err
		}
		for after := int64(0); ; {
			rows, err := s.pool.Query(ctx, `SELECT incident_id FROM incident_sources
				WHERE source_id = $1 AND incident_id > $2 ORDER BY incident_id LIMIT $3`, source, after, refreshChunk)
			if err != nil {
				return n, err
			}
			ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
			if err != nil || len(ids) == 0 {
				if err != nil {
					return n, err
				}
				break
			}
			if err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
				return storeFeatures(ctx, tx, ids)
			}); err != nil {
				return n, err
			}
			n, after = n+len(ids), ids[len(ids)-1]
			progress(n)
		}
		if _, err := s.pool.Exec(ctx, "DELETE FROM stale_sources WHERE source_id = $1 AND marker = $2", source, marker); err != nil {
			return n, err
		}
	}
}

// ReadFeatures adds to c the stored features of refs, in one statement
// that also reads the data version; ok is false if that is no longer
// version. Those whose place in the table is known (tids.go) are read
// there, the others by ID, ascending, walking the primary key's index
// forward: the features of one area lie together in the table when the
// fill wrote them (in order of place key), and their pages are few then in
// whatever order they are read. Read in order of place key instead, the
// index walk jumps back and forth, and the pages were no cheaper (7.6 ms of
// CPU for a 0.1° page against 7.2–7.4, on the same table). Features not
// found where they were last seen are read by ID in a second statement.
func (s pgReads) ReadFeatures(ctx context.Context, refs []feature.Ref, version int64, c *feature.Collector) (ok bool, err error) {
	c.BorrowFrom(ctx) // pgx reuses a row's memory: each feature is copied, into buffers the request lends
	// In the page's order: sorted by place, the statement took as long
	// (pgbench, a 0.1° page of 1,000), and sorting cost mapsrv 5% of its
	// CPU under the 200 boxes.
	p := pageParamLists.Get().(*pageParams)
	defer p.release()
	p.tids, p.ids = p.tids[:0], p.ids[:0]
	for _, r := range refs {
		if at := s.tids.get(r.ID); at != 0 {
			p.tids = append(p.tids, at)
		} else {
			p.ids = append(p.ids, r.ID)
		}
	}
	if len(p.tids) == 0 {
		return s.readFeatures(ctx, p, version, c)
	}
	if ok, err := s.readFeatures(ctx, p, version, c); !ok || err != nil {
		return false, err
	}
	p.tids, p.ids = p.tids[:0], p.ids[:0]
	for _, r := range refs {
		if !c.Has(r.ID) {
			p.ids = append(p.ids, r.ID)
		}
	}
	if len(p.ids) == 0 {
		return true, nil
	}
	return s.readFeatures(ctx, p, version, c)
}

// readFeatures reads the stored features at p's tids and of its ids
// (sorted here) into c, and learns where those read by ID lie, in one
// statement that also reads the data version; ok is false if that is no
// longer version. A row found at one of tids is kept under the ID it holds,
// whatever ID that place was known for: it is the version of that
// incident's feature the statement sees, and there is no other (tids.go).
// Its place is not learned again: it is almost always the one its own ID
// knows, and the hint written back for every feature, a cache miss each in
// 8 MB, took 5% of mapsrv's CPU under the 200 boxes.
func (s pgReads) readFeatures(ctx context.Context, p *pageParams, version int64, c *feature.Collector) (ok bool, err error) {
	slices.Sort(p.ids)
	// unnest rather than = ANY($1): every query is planned for its values
	// (postgis.go), and planning = ANY for a thousand IDs cost about 1 ms,
	// four times the unnest join's.
	ok = true
	// A row's values are decoded by hand from the connection's memory
	// (binary: 8 bytes big endian for a bigint, a bytea as it is) rather
	// than by pgx's Scan, whose scan plans for three values a feature took
	// about a sixth of this function's CPU under the 200 boxes (perf,
	// 2026-12-06).
	err = s.queryPage(ctx, p, feature.Format, func(raw [][]byte) (bool, error) {
		// the connection's memory until the next row: Add copies it
		if len(raw[0]) != 8 {
			return false, fmt.Errorf("version of %d bytes", len(raw[0]))
		}
		if int64(binary.BigEndian.Uint64(raw[0])) != version {
			ok = false
			return false, nil
		}
		if raw[1] == nil {
			return true, nil
		}
		if len(raw[1]) != 8 {
			return false, fmt.Errorf("ID of %d bytes", len(raw[1]))
		}
		id := int64(binary.BigEndian.Uint64(raw[1]))
		c.Add(id, raw[2])
		if raw[3] != nil {
			s.tids.set(id, raw[3])
		}
		return true, nil
	})
	if err != nil {
		return false, fmt.Errorf("stored features: %w", err)
	}
	return ok, nil
}

// FeatureBytes returns the byte lengths of the stored features of refs, by
// ID, without reading the features: octet_length of a bytea stored apart
// (TOAST) reads its length from the pointer to it.
func (s pgReads) FeatureBytes(ctx context.Context, refs []feature.Ref) (map[int64]int, error) {
	ids := make([]int64, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	slices.Sort(ids)
	rows, err := s.reads().Query(ctx, `SELECT f.id, octet_length(f.json) FROM unnest($1::bigint[]) AS u (id)
		JOIN incident_features AS f ON f.id = u.id AND f.format = $2`, ids, feature.Format)
	if err != nil {
		return nil, fmt.Errorf("stored feature sizes: %w", err)
	}
	sizes := make(map[int64]int, len(refs))
	var id int64
	var n int
	_, err = pgx.ForEachRow(rows, []any{&id, &n}, func() error {
		sizes[id] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stored feature sizes: %w", err)
	}
	return sizes, nil
}
