package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// Each incident's GeoJSON feature is kept encoded in incident_features
// (schema/0004_features.sql), written in the transaction that writes the
// incident. A page of items then reads one column per incident, where
// reading its twenty columns and its sources, converting them and encoding
// them cost about four times as much. A feature that is missing, or encoded
// under another feature.Format, is encoded from the row when read.

// FindFeatures is Find for GeoJSON: the same incidents in the same order, as
// the features [feature.AppendFeature] writes for them. The page is chosen
// as Find chooses it (from the snapshot, or by one of its SQL plans reading
// only IDs and dates from the covering indexes) and then only the page's
// features are read, in one statement that checks the data version has not
// moved in between.
func (s *Store) FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error) {
	if picks, snap, ok := s.pickInSnapshot(f); ok {
		page, ok, err := s.readFeatures(ctx, picks, snap.version)
		if err != nil {
			return nil, fmt.Errorf("sqlite: find features: %w", err)
		}
		if ok {
			return page, nil
		}
		s.startSnapshotLoad() // the snapshot is older than the data
	}
	picks, version, err := s.pickBySQL(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find features: %w", err)
	}
	page, ok, err := s.readFeatures(ctx, picks, version)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find features: %w", err)
	}
	if ok {
		return page, nil
	}
	// A write came in between the pick and the read: Find reads the rows.
	found, err := s.Find(ctx, f)
	if err != nil {
		return nil, err
	}
	return feature.EncodeAll(found)
}

// pickBySQL chooses the page f asks for by Find's SQL plans, reading IDs and
// dates only, as of the version it returns.
func (s *Store) pickBySQL(ctx context.Context, f incidents.Filter) ([]pick, int64, error) {
	version, err := s.Version(ctx)
	if err != nil {
		return nil, 0, err
	}
	p, err := s.plan(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	query, args := findQuery(f, p, "i.id, i.date_to")
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var picks []pick
	for rows.Next() {
		var id int64
		var dateTo string
		if err := rows.Scan(&id, &dateTo); err != nil {
			return nil, 0, err
		}
		day := undated
		if t, err := incidents.ParseDate(dateTo); err != nil {
			return nil, 0, fmt.Errorf("incident %d: %w", id, err)
		} else if !t.IsZero() {
			day = int32(t.Unix() / 86400)
		}
		picks = append(picks, pick{id: id, day: day})
	}
	return picks, version, rows.Err()
}

// undated is the day of a pick without a date_to (a draft).
const undated int32 = math.MinInt32

// cursorAfter is the cursor continuing after p.
func cursorAfter(p pick) incidents.Cursor {
	if p.day == undated {
		return incidents.Cursor{ID: p.id}
	}
	return incidents.Cursor{DateTo: dayTime(p.day), ID: p.id}
}

// featuresByIDQuery reads the stored features of a JSON array of IDs, in the
// array's order (CROSS JOIN keeps json_each as the outer loop), if the data
// version is still the one given.
const featuresByIDQuery = `SELECT f.id, f.json FROM json_each(?) AS j
	CROSS JOIN incident_features AS f ON f.id = j.value AND f.format = ?
	WHERE (SELECT version FROM data_version WHERE id = 1) = ?`

// featureBytes is about the size of a feature with two summaries and a
// source, to size a page's buffer once.
const featureBytes = 768

// readFeatures reads the features of picks, in that order, in a statement
// that also checks the data version is still version; ok is false if not.
// Features not stored in the current format are encoded from their rows.
func (s *Store) readFeatures(ctx context.Context, picks []pick, version int64) (page []feature.Encoded, ok bool, err error) {
	if len(picks) == 0 {
		v, err := s.Version(ctx)
		return nil, err == nil && v == version, err
	}
	rows, err := s.featuresByID.QueryContext(ctx, idList(pickedIDs(picks)), feature.Format, version)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	buf := make([]byte, 0, len(picks)*featureBytes) // every feature, one after the other
	span := make(map[int64][2]int, len(picks))
	for rows.Next() {
		var id int64
		var js sql.RawBytes
		if err := rows.Scan(&id, &js); err != nil {
			return nil, false, err
		}
		span[id] = [2]int{len(buf), len(buf) + len(js)}
		buf = append(buf, js...)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if len(span) < len(picks) {
		s.startFill()
		if buf, ok, err = s.encodeMissing(ctx, picks, span, buf, version); !ok || err != nil {
			return nil, false, err
		}
	}
	page = make([]feature.Encoded, len(picks))
	for i, p := range picks {
		at := span[p.id]
		page[i] = feature.Encoded{After: cursorAfter(p), JSON: buf[at[0]:at[1]:at[1]]}
	}
	return page, true, nil
}

// encodeMissing reads the rows of the picks absent from span and appends
// their features to buf, recording where each lies.
func (s *Store) encodeMissing(ctx context.Context, picks []pick, span map[int64][2]int, buf []byte, version int64) ([]byte, bool, error) {
	var missing []int64
	for _, p := range picks {
		if _, ok := span[p.id]; !ok {
			missing = append(missing, p.id)
		}
	}
	found, ok, err := s.readByID(ctx, missing, version)
	if !ok || err != nil {
		return nil, false, err
	}
	for _, inc := range found {
		start := len(buf)
		if buf, err = feature.AppendFeature(buf, inc); err != nil {
			return nil, false, err
		}
		span[inc.ID] = [2]int{start, len(buf)}
	}
	return buf, true, nil
}

// asStored returns inc as Find reads it back once stored under id with the
// given timestamps (RFC 3339 text) and sources: dates and times as the
// columns hold them.
func asStored(inc incidents.Incident, id int64, created, updated string, srcs []incidents.Source) incidents.Incident {
	inc.ID, inc.Sources = id, nil
	if len(srcs) > 0 {
		inc.Sources = srcs
	}
	inc.DateFrom, _ = incidents.ParseDate(incidents.FormatDate(inc.DateFrom))
	inc.DateTo, _ = incidents.ParseDate(incidents.FormatDate(inc.DateTo))
	inc.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	inc.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
	return inc
}

// storeFeature encodes inc, as stored, into incident_features.
func (w *writer) storeFeature(ctx context.Context, inc incidents.Incident) error {
	var err error
	if w.buf, err = feature.AppendFeature(w.buf[:0], inc); err != nil {
		return err
	}
	_, err = w.feature.ExecContext(ctx, inc.ID, feature.Format, w.buf)
	return err
}

// touch marks an incident changed in place, so that its feature is encoded
// again from its row before the transaction commits.
func (w *writer) touch(id int64) {
	w.touched, w.changed = append(w.touched, id), append(w.changed, id)
}

// encodeTouched encodes the features of the touched incidents from their
// rows as they now stand in tx.
func (w *writer) encodeTouched(ctx context.Context, tx *sql.Tx) error {
	if len(w.touched) == 0 {
		return nil
	}
	found, err := readIncidents(ctx, tx, w.touched)
	if err != nil {
		return err
	}
	for _, inc := range found {
		if err := w.storeFeature(ctx, inc); err != nil {
			return err
		}
	}
	w.touched = w.touched[:0]
	return nil
}

// readIncidents reads the incidents ids names that exist, with their
// sources, through q, in no particular order.
func readIncidents(ctx context.Context, q queryer, ids []int64) ([]incidents.Incident, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+incidentColumns+
		" FROM incidents AS i WHERE i.id IN (SELECT value FROM json_each(?))", idList(ids))
	if err != nil {
		return nil, err
	}
	found, err := scanIncidents(rows)
	if err != nil {
		return nil, err
	}
	return found, attachSources(ctx, q, found)
}
