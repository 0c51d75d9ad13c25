package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mapsrv/mapsrv/incidents/feature"
)

// featuresByKeyQuery, where go-sqlite3's C handle is not found
// (rawread.go reads featuresRowsQuery otherwise), reads, in one row, the
// data version and the stored features of a JSON array of place keys:
// their IDs and byte lengths as comma-separated text, and the features one
// after the other. One row
// rather than one a feature: stepping through rows cost a cgo call and a
// copy of each feature in the driver, more than a third of a page's time
// for a thousand features. The keys go in ascending, so that the lookups
// walk the table's B-tree in order, reading the features of one area from
// the few pages they share (schema/0011_features_by_place.sql).
const featuresByKeyQuery = `SELECT (SELECT version FROM data_version WHERE id = 1),
	group_concat(f.id), group_concat(octet_length(f.json)), CAST(group_concat(f.json, '') AS BLOB)
	FROM json_each(?) AS j CROSS JOIN incident_features AS f ON f.place_key = j.value AND f.format = ?`

// readChunk is how many features one statement reads. A country page of
// 10,000 in one statement went through three 6 MB copies at once (SQLite's
// group_concat, the driver's, the page's): at 1,000,000 incidents the
// server's peak RSS over the load benchmark was 297–319 MB, 250–273 MB in
// chunks of 2,500, for 5–10% more CPU a country page (four statements
// instead of one); chunks of 1,000 saved no more memory and cost 15%.
const readChunk = 2500

// ReadFeatures adds to c the stored features of refs, in statements of up
// to readChunk that each also check the data version is still version; ok
// is false if not. refs are sorted by key first: in that order the lookups
// walk the table's B-tree forward, and the features of one area lie
// together in it.
func (s sqlReads) ReadFeatures(ctx context.Context, refs []feature.Ref, version int64, c *feature.Collector) (ok bool, err error) {
	if refs, ok, err = s.withoutStale(ctx, refs, version); !ok || err != nil {
		return false, err
	}
	return s.readByKey(ctx, refs, version, c)
}

// readByKey reads the stored features of refs, sorted by key, in chunks of
// readChunk, each checking the data version is still version.
func (s sqlReads) readByKey(ctx context.Context, refs []feature.Ref, version int64, c *feature.Collector) (ok bool, err error) {
	feature.SortByKey(refs)
	keys := make([]int64, 0, min(len(refs), readChunk))
	for chunk := range slices.Chunk(refs, readChunk) {
		keys = keys[:0]
		for _, r := range chunk {
			keys = append(keys, r.Key)
		}
		if ok, err := s.readFeatures(ctx, keys, version, c); !ok || err != nil {
			return false, err
		}
	}
	return true, nil
}

func (s sqlReads) readFeatures(ctx context.Context, keys []int64, version int64, c *feature.Collector) (ok bool, err error) {
	if ok, handled, err := s.readFeaturesRaw(ctx, keys, version, c); handled {
		return ok, err
	}
	return s.readFeaturesSQL(ctx, keys, version, c)
}

// readFeaturesSQL is readFeatures through database/sql, where the driver's
// C handle is not found (rawread.go).
func (s sqlReads) readFeaturesSQL(ctx context.Context, keys []int64, version int64, c *feature.Collector) (ok bool, err error) {
	var v int64
	// The blob is the driver's own copy of the statement's one result
	// (go-sqlite3 copies a blob column out of SQLite into fresh Go memory
	// at every step: C.GoBytes), and a RawBytes of it is that copy itself,
	// not database/sql's buffer: the features are kept in it rather than
	// copied once more (TestReadFeatures_KeptAfterLaterReads holds the
	// driver to it).
	var idText, lenText, blob sql.RawBytes
	rows, err := s.featuresByKey.QueryContext(ctx, idList(keys), feature.Format)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return false, rows.Err()
	}
	if err := rows.Scan(&v, &idText, &lenText, &blob); err != nil || v != version {
		return false, err
	}
	return true, addAll(c, idText, lenText, blob)
}

// addAll keeps the features of blob, laid one after the other, of the IDs
// and byte lengths idText and lenText list (comma-separated, in step),
// where they lie in blob.
func addAll(c *feature.Collector, idText, lenText, blob []byte) error {
	c.Hold(blob)
	for at := 0; len(idText) > 0; {
		var id, n []byte
		id, idText, _ = bytes.Cut(idText, []byte(","))
		n, lenText, _ = bytes.Cut(lenText, []byte(","))
		i, err := strconv.ParseInt(string(id), 10, 64)
		if err != nil {
			return err
		}
		k, err := strconv.Atoi(string(n))
		if err != nil || at+k > len(blob) {
			return fmt.Errorf("stored features: length %q at %d of %d bytes: %v", n, at, len(blob), err)
		}
		c.Keep(i, blob[at:at+k])
		at += k
	}
	return nil
}

// featureBytesQuery reads, in one row, the IDs and byte lengths of the
// stored features of a JSON array of place keys, as comma-separated text,
// without the features: octet_length reads a value's length from its
// record's header.
const featureBytesQuery = `SELECT group_concat(f.id), group_concat(octet_length(f.json))
	FROM json_each(?) AS j CROSS JOIN incident_features AS f ON f.place_key = j.value AND f.format = ?`

// FeatureBytes returns the byte lengths of the stored features of refs,
// by ID, in statements of up to readChunk.
func (s sqlReads) FeatureBytes(ctx context.Context, refs []feature.Ref) (map[int64]int, error) {
	feature.SortByKey(refs)
	sizes := make(map[int64]int, len(refs))
	keys := make([]int64, 0, min(len(refs), readChunk))
	for chunk := range slices.Chunk(refs, readChunk) {
		keys = keys[:0]
		for _, r := range chunk {
			keys = append(keys, r.Key)
		}
		var idText, lenText sql.NullString
		if err := s.db.QueryRowContext(ctx, featureBytesQuery, idList(keys), feature.Format).Scan(&idText, &lenText); err != nil {
			return nil, fmt.Errorf("stored feature sizes: %w", err)
		}
		ids, lens := idText.String, lenText.String
		for ids != "" {
			var id, n string
			id, ids, _ = strings.Cut(ids, ",")
			n, lens, _ = strings.Cut(lens, ",")
			i, err := strconv.ParseInt(id, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("stored feature sizes: id %q: %w", id, err)
			}
			k, err := strconv.Atoi(n)
			if err != nil {
				return nil, fmt.Errorf("stored feature sizes: length %q: %w", n, err)
			}
			sizes[i] = k
		}
	}
	return sizes, nil
}

// staleQuery reads, in one statement, the data version and whether any
// source is marked stale (schema/0014_stale_sources.sql).
const staleQuery = `SELECT version, EXISTS (SELECT 1 FROM stale_sources) FROM data_version WHERE id = 1`

// citingStaleQuery lists which of a JSON array of incident IDs cite a
// source marked stale.
const citingStaleQuery = `SELECT j.value FROM json_each(?) AS j WHERE EXISTS (SELECT 1
	FROM incident_sources AS l JOIN stale_sources AS t ON t.source_id = l.source_id WHERE l.incident_id = j.value)`

// withoutStale returns refs without the incidents citing a source marked
// stale, whose stored features may say what the source said before its
// correction: left out, they are read apart and patched (ReadPage). ok is
// false when the data version is no longer version. A source's mark is
// removed only once every feature citing it was encoded after its last
// correction, so one not marked here, at version, has no stale feature;
// one marked after is a write, which the version read with the features
// catches.
func (s sqlReads) withoutStale(ctx context.Context, refs []feature.Ref, version int64) ([]feature.Ref, bool, error) {
	var v int64
	var anyStale bool
	if err := s.db.QueryRowContext(ctx, staleQuery).Scan(&v, &anyStale); err != nil || v != version {
		return nil, false, err
	}
	if !anyStale {
		return refs, true, nil
	}
	ids := make([]int64, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	rows, err := s.db.QueryContext(ctx, citingStaleQuery, idList(ids))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	stale := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, false, err
		}
		stale[id] = true
	}
	if err := rows.Err(); err != nil || len(stale) == 0 {
		return refs, err == nil, err
	}
	fresh := make([]feature.Ref, 0, len(refs)-len(stale))
	for _, r := range refs {
		if !stale[r.ID] {
			fresh = append(fresh, r)
		}
	}
	return fresh, true, nil
}
