package postgis

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents"
)

// Update replaces an incident and its sources in one transaction, keeping its
// creation time. Its geometry follows lon and lat, so the GiST index moves too.
func (s *Store) Update(ctx context.Context, inc incidents.Incident) (incidents.Incident, error) {
	if err := inc.Validate(); err != nil {
		return incidents.Incident{}, err
	}
	err := s.write(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE incidents SET incident_type = $1, date_from = $2, date_to = $3,
			date_precision = $4, place_name_ar = $5, place_name_en = $6, admin1_pcode = $7, admin1_name = $8,
			lon = $9, lat = $10, geo_precision = $11, killed = $12, injured = $13, arrested = $14,
			summary_ar = $15, summary_en = $16, status = $17, updated_at = $18 WHERE id = $19`,
			string(inc.Type), pgDate(inc.DateFrom), pgDate(inc.DateTo), string(inc.DatePrecision),
			inc.PlaceNameAR, inc.PlaceNameEN, inc.Admin1PCode, inc.Admin1Name, inc.Location.Lon(),
			inc.Location.Lat(), string(inc.GeoPrecision), inc.Killed, inc.Injured, inc.Arrested,
			inc.SummaryAR, inc.SummaryEN, string(inc.Status), now(), inc.ID)
		if err != nil {
			return formatError(err)
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, inc.ID)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM incident_sources WHERE incident_id = $1", inc.ID); err != nil {
			return err
		}
		links := make([]link, len(inc.Sources))
		for pos, src := range inc.Sources {
			links[pos] = link{incident: inc.ID, pos: pos, src: src}
		}
		return linkSources(ctx, tx, links)
	})
	if err != nil {
		return incidents.Incident{}, fmt.Errorf("postgis: update %d: %w", inc.ID, err)
	}
	return s.Get(ctx, inc.ID)
}

// Delete removes an incident and, by cascade, its source links.
func (s *Store) Delete(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, "DELETE FROM incidents WHERE id = $1", id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgis: delete %d: %w", id, err)
	}
	return nil
}

// AddSources links srcs to an incident after the sources it has, skipping ones
// it has already.
func (s *Store) AddSources(ctx context.Context, id int64, srcs []incidents.Source) error {
	err := s.write(ctx, func(tx pgx.Tx) error {
		var n int
		err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM incident_sources WHERE incident_id = $1)
			FROM incidents WHERE id = $1 FOR UPDATE`, id).Scan(&n)
		if errNoRows(err) {
			return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
		} else if err != nil {
			return err
		}
		links := make([]link, len(srcs))
		for i, src := range srcs {
			links[i] = link{incident: id, pos: n + i, src: src}
		}
		if err := linkSources(ctx, tx, links); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "UPDATE incidents SET updated_at = $1 WHERE id = $2", now(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgis: add sources to %d: %w", id, err)
	}
	return nil
}
