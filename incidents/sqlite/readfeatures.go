package sqlite

import (
	"context"
	"database/sql"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// featuresByIDQuery reads the stored features of a JSON array of IDs, in the
// array's order (CROSS JOIN keeps json_each as the outer loop), if the data
// version is still the one given.
const featuresByIDQuery = `SELECT f.id, f.json FROM json_each(?) AS j
	CROSS JOIN incident_features AS f ON f.id = j.value AND f.format = ?
	WHERE (SELECT version FROM data_version WHERE id = 1) = ?`

// readFeatures reads the features of picks, in that order, in a statement
// that also checks the data version is still version; ok is false if not.
// Features not stored in the current format are encoded from their rows.
func (s *Store) readFeatures(ctx context.Context, picks []incidents.Cursor, version int64) (page []feature.Encoded, ok bool, err error) {
	if len(picks) == 0 {
		v, err := s.Version(ctx)
		return nil, err == nil && v == version, err
	}
	rows, err := s.featuresByID.QueryContext(ctx, idList(pickIDs(picks)), feature.Format, version)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	c := feature.NewCollector(len(picks))
	for rows.Next() {
		var id int64
		var js sql.RawBytes
		if err := rows.Scan(&id, &js); err != nil {
			return nil, false, err
		}
		c.Add(id, js)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if missing := c.Missing(picks); len(missing) > 0 {
		s.startFill()
		found, ok, err := s.readByID(ctx, missing, version)
		if !ok || err != nil {
			return nil, false, err
		}
		for _, inc := range found {
			if err := c.Encode(inc); err != nil {
				return nil, false, err
			}
		}
	}
	return c.Page(picks), true, nil
}
