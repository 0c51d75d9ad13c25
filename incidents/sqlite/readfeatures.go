package sqlite

import (
	"context"
	"database/sql"

	"github.com/mapsrv/mapsrv/incidents/feature"
)

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
	rows, err := s.featuresByID.QueryContext(ctx, idList(pickIDs(picks)), feature.Format, version)
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
		page[i] = feature.Encoded{After: p.after, JSON: buf[at[0]:at[1]:at[1]]}
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
