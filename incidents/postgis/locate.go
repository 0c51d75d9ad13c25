package postgis

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// SetLocator makes every later write set its incidents' districts from their
// points (see [incidents.Locate]). Call it before the store is shared.
func (s *Store) SetLocator(loc incidents.Locator) { s.locate = loc }

// FillDistricts sets, with the store's locator, the district of the stored
// incidents placed finer than their governorate that have none, a page at a
// time, each page in its own transaction (see [incidents.FillDistricts]).
func (s *Store) FillDistricts(ctx context.Context, progress func(n int)) (int, error) {
	n, err := incidents.FillDistricts(ctx, s.locate, s.withoutDistrict, s.setDistricts, progress)
	if err != nil {
		return n, fmt.Errorf("postgis: fill districts: %w", err)
	}
	return n, nil
}

func (s *Store) withoutDistrict(ctx context.Context, after int64, n int) ([]incidents.PointRef, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, lon, lat FROM incidents
		WHERE admin2_pcode = '' AND geo_precision IN ('exact', 'neighbourhood', 'town', 'district') AND id > $1
		ORDER BY id LIMIT $2`, after, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []incidents.PointRef
	for rows.Next() {
		var p incidents.PointRef
		var lon, lat float64
		if err := rows.Scan(&p.ID, &lon, &lat); err != nil {
			return nil, err
		}
		p.Location = orb.Point{lon, lat}
		page = append(page, p)
	}
	return page, rows.Err()
}

func (s *Store) setDistricts(ctx context.Context, districts map[int64]string) (int, error) {
	set := 0
	err := s.writeAgain(ctx, func(tx pgx.Tx) error {
		set = 0 // counted again if the write runs again
		for id, pcode := range districts {
			tag, err := tx.Exec(ctx, "UPDATE incidents SET admin2_pcode = $1 WHERE id = $2 AND admin2_pcode = ''", pcode, id)
			if err != nil {
				return err
			}
			set += int(tag.RowsAffected())
		}
		return nil
	})
	return set, err
}
