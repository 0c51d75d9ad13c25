package sqlite

import (
	"context"
	"database/sql"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// Each incident's GeoJSON feature is kept encoded in incident_features
// (schema/0004_features.sql, stored by place since 0011), written in the transaction that writes the
// incident. A page of items then reads one column per incident, where
// reading its twenty columns and its sources, converting them and encoding
// them cost about four times as much. A feature that is missing, or encoded
// under another feature.Format, is encoded from the row when read.

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
	inc.CreatedAt, _ = parseStamp(created)
	inc.UpdatedAt, _ = parseStamp(updated)
	return inc
}

// storeFeature encodes inc, as stored, into incident_features.
func (w *writer) storeFeature(ctx context.Context, inc incidents.Incident) error {
	var err error
	if w.buf, err = feature.AppendFeature(w.buf[:0], inc); err != nil {
		return err
	}
	_, err = w.feature.ExecContext(ctx, feature.IncidentKey(inc), inc.ID, feature.Format, w.buf)
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
