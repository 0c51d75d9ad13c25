package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// Add validates and stores incs in one transaction: all of them or, on any
// error, none. The error names the position of the offending incident.
func (s *Store) Add(ctx context.Context, incs []incidents.Incident) ([]int64, error) {
	for i := range incs {
		if err := incidents.Prepare(&incs[i], s.locate); err != nil {
			return nil, fmt.Errorf("incident %d: %w", i+1, err)
		}
	}
	now := time.Now().UTC()
	ids := make([]int64, len(incs))
	err := s.write(ctx, func(_ *sql.Tx, w *writer) error {
		for i, inc := range incs {
			var err error
			if ids[i], err = w.insert(ctx, inc, now); err != nil {
				return fmt.Errorf("incident %d: %w", i+1, formatError(err))
			}
		}
		return nil
	})
	if err != nil {
		return nil, storeError(err, "add")
	}
	return ids, nil
}

// Import stores the incidents of seq in one transaction through prepared
// statements, so memory stays flat however long the stream. It leaves their
// features to [Store.FillFeatures]: encoding them inside the import, their
// pages crowd the index pages out of the bulk page cache (1,000,000
// incidents: 68 s instead of 43); until then they are encoded when read.
func (s *Store) Import(ctx context.Context, seq iter.Seq2[incidents.Incident, error], progress func(int)) (int, error) {
	now := time.Now().UTC()
	n := 0
	err := s.write(ctx, func(tx *sql.Tx, w *writer) error {
		restore, err := bulkCache(ctx, tx)
		if err != nil {
			return err
		}
		defer restore()
		var before int64 // new rows get larger IDs: rowids count up from the largest
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM incidents").Scan(&before); err != nil {
			return err
		}
		w.bulk, w.bulkAfter = true, before
		for inc, err := range seq {
			if err != nil {
				return err
			}
			n++
			w.bulkCount = n
			if err := incidents.Prepare(&inc, s.locate); err != nil {
				return fmt.Errorf("incident %d: %w", n, err)
			}
			if _, err := w.insert(ctx, inc, now); err != nil {
				return fmt.Errorf("incident %d: %w", n, formatError(err))
			}
			if progress != nil && n%10000 == 0 {
				progress(n)
			}
		}
		// One statement boxes every new row: inserting them one by one from
		// Go cost 18 s of the 46 of 1,000,000 incidents, this about 12.
		_, err = tx.ExecContext(ctx, "INSERT INTO incidents_rtree SELECT id, lon, lon, lat, lat FROM incidents WHERE id > ?", before)
		return err
	})
	if err != nil {
		return 0, err
	}
	if progress != nil {
		progress(n)
	}
	return n, nil
}

// bulkCacheKiB is the page cache of a bulk import. With SQLite's default 2 MiB,
// the index pages of a large import are evicted and read back over and over
// (1,000,000 incidents: 97 s); with 128 MiB they stay (39 s). Memory stays
// bounded by this size whatever the import's length.
const bulkCacheKiB = 128 << 10

// bulkCache grows the page cache of tx's connection for a bulk import and
// returns the function that shrinks it back before the connection is reused.
func bulkCache(ctx context.Context, tx *sql.Tx) (restore func(), err error) {
	var old int
	if err := tx.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&old); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -bulkCacheKiB)); err != nil {
		return nil, err
	}
	return func() { tx.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", old)) }, nil
}

// writer holds the statements that insert incidents inside one transaction, so
// that a bulk import prepares them once, and keeps the incidents' encoded
// features in step (features.go).
type writer struct {
	row, tree, source, sourceIfNew, sourceID, citing, isStale, link, feature *sql.Stmt

	tx        *sql.Tx
	idChecked bool    // nextID has read the high-water mark in this transaction
	bulk      bool    // an import: boxes are added at its end, features after it by FillFeatures
	bulkAfter int64   // an import's rows have IDs above this one
	bulkCount int     // how many rows an import wrote
	ingest    bool    // a write from ingestion: sources already stored keep what they say
	staled    bool    // a source was marked stale: the background pass runs after the commit
	buf       []byte  // one encoded feature, reused
	touched   []int64 // incidents changed in place, encoded again before commit
	changed   []int64 // incidents written, for the index (indexed.go); unused when bulk
}

func prepareWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := writer{tx: tx}
	var err error
	prep := func(dst **sql.Stmt, q string) {
		if err == nil {
			*dst, err = tx.PrepareContext(ctx, q)
		}
	}
	// The ID is NULL (the largest rowid plus one) but for the first row of a
	// transaction after the largest incidents were deleted (nextID).
	prep(&w.row, `INSERT INTO incidents (id, incident_type, date_from, date_to, date_precision,
		place_name_ar, place_name_en, admin1_pcode, admin1_name, admin2_pcode, lon, lat, geo_precision,
		killed, injured, arrested, summary_ar, summary_en, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	prep(&w.tree, "INSERT INTO incidents_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)")
	// An editor's write corrects what a source says (a field left empty keeps
	// the stored one); ingestion only ever adds sources no one has stored.
	prep(&w.source, `INSERT INTO sources (skey, title, url, publisher, published) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (skey) DO UPDATE SET
			title = iif(excluded.title <> '', excluded.title, title),
			publisher = iif(excluded.publisher <> '', excluded.publisher, publisher),
			published = iif(excluded.published <> '', excluded.published, published)
		WHERE excluded.title <> '' AND excluded.title <> title OR excluded.publisher <> '' AND excluded.publisher <> publisher
			OR excluded.published <> '' AND excluded.published <> published`)
	prep(&w.sourceIfNew, `INSERT INTO sources (skey, title, url, publisher, published) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (skey) DO NOTHING`)
	prep(&w.sourceID, "SELECT id, title, url, publisher, published FROM sources WHERE skey = ?")
	prep(&w.citing, "SELECT incident_id FROM incident_sources WHERE source_id = ?")
	prep(&w.isStale, "SELECT EXISTS (SELECT 1 FROM stale_sources WHERE source_id = ?)")
	prep(&w.link, "INSERT OR IGNORE INTO incident_sources (incident_id, source_id, position) VALUES (?, ?, ?)")
	prep(&w.feature, "INSERT OR REPLACE INTO incident_features (place_key, id, format, json) VALUES (?, ?, ?, ?)")
	if err != nil {
		w.close()
		return nil, err
	}
	return &w, nil
}

// nextID is the ID the next incident inserted must take: nil, for the
// largest rowid plus one, unless an incident with a larger ID was deleted
// (id_high_water, schema 0012), when it is one more than that. Only the
// first insert of a transaction needs looking at: the rows after it count on
// from it.
func (w *writer) nextID(ctx context.Context) (any, error) {
	if w.idChecked {
		return nil, nil
	}
	w.idChecked = true
	var high int64
	err := w.tx.QueryRowContext(ctx, `SELECT h.id FROM id_high_water h
		WHERE h.tbl = 'incidents' AND h.id >= (SELECT coalesce(max(id), 0) FROM incidents)`).Scan(&high)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return high + 1, nil
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.row, w.tree, w.source, w.sourceIfNew, w.sourceID, w.citing, w.isStale, w.link, w.feature} {
		if st != nil {
			st.Close()
		}
	}
}

// insert writes one validated incident, its sources and, unless the writer
// is bulk, its R*Tree box and its encoded feature.
func (w *writer) insert(ctx context.Context, inc incidents.Incident, now time.Time) (int64, error) {
	if inc.CreatedAt.IsZero() {
		inc.CreatedAt = now
	}
	if inc.UpdatedAt.IsZero() {
		inc.UpdatedAt = inc.CreatedAt
	}
	created, updated := stamp(inc.CreatedAt), stamp(inc.UpdatedAt)
	lon, lat := inc.Location.Lon(), inc.Location.Lat()
	given, err := w.nextID(ctx)
	if err != nil {
		return 0, err
	}
	res, err := w.row.ExecContext(ctx, given, string(inc.Type), incidents.FormatDate(inc.DateFrom),
		incidents.FormatDate(inc.DateTo), string(inc.DatePrecision), inc.PlaceNameAR, inc.PlaceNameEN,
		inc.Admin1PCode, inc.Admin1Name, inc.Admin2PCode, lon, lat, string(inc.GeoPrecision),
		inc.Killed, inc.Injured, inc.Arrested, inc.SummaryAR, inc.SummaryEN, string(inc.Status),
		created, updated)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if !w.bulk { // a bulk import boxes its rows at the end
		if _, err := w.tree.ExecContext(ctx, id, lon, lon, lat, lat); err != nil {
			return 0, err
		}
	}
	var stored []incidents.Source
	for pos, src := range inc.Sources {
		src, err := w.linkSource(ctx, id, pos, src)
		if err != nil {
			return 0, err
		}
		stored = append(stored, src)
	}
	if w.bulk {
		return id, nil
	}
	w.changed = append(w.changed, id)
	return id, w.storeFeature(ctx, asStored(inc, id, created, updated, stored))
}

// linkSource links src to an incident at pos and returns the source as
// stored: src when new; otherwise the stored one, corrected by what src says
// unless the writer is ingestion's.
func (w *writer) linkSource(ctx context.Context, incidentID int64, pos int, src incidents.Source) (incidents.Source, error) {
	var published string
	if !src.Published.IsZero() {
		published = src.Published.Format(incidents.DateLayout)
	}
	key := incidents.SourceKey(src)
	store := w.source
	if w.ingest {
		store = w.sourceIfNew
	}
	res, err := store.ExecContext(ctx, key, src.Title, src.URL, src.Publisher, published)
	if err != nil {
		return src, err
	}
	var sourceID int64
	var stored incidents.Source
	if err := w.sourceID.QueryRowContext(ctx, key).Scan(&sourceID, &stored.Title, &stored.URL,
		&stored.Publisher, &published); err != nil {
		return src, err
	}
	stored.Published, _ = incidents.ParseDate(published)
	if n, _ := res.RowsAffected(); n > 0 && !w.bulk {
		// New or corrected: the features of the incidents citing it already
		// say something else. When few cite it, a trigger dropped them and
		// they are encoded again here; when more than
		// incidents.CitingEncodedAtOnce do, the trigger marked the source
		// stale instead, and they are left to the background pass.
		if err := w.sourceChanged(ctx, sourceID); err != nil {
			return src, err
		}
	}
	_, err = w.link.ExecContext(ctx, incidentID, sourceID, pos)
	return stored, err
}

// sourceChanged touches every incident citing the source with the given
// ID, unless the source is stale (schema/0014_stale_sources.sql): then it
// notes that the background pass must run once the write commits.
func (w *writer) sourceChanged(ctx context.Context, sourceID int64) error {
	var stale bool
	if err := w.isStale.QueryRowContext(ctx, sourceID).Scan(&stale); err != nil {
		return err
	}
	if stale {
		w.staled = true
		return nil
	}
	return w.touchCiting(ctx, sourceID)
}

// touchCiting touches every incident citing the source with the given ID.
func (w *writer) touchCiting(ctx context.Context, sourceID int64) error {
	rows, err := w.citing.QueryContext(ctx, sourceID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		w.touch(id)
	}
	return rows.Err()
}
