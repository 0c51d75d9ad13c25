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

// districtPage is how many incidents FillDistricts sets in one transaction.
const districtPage = 2000

// FillDistricts sets, with the store's locator, the district of the stored
// incidents placed finer than their governorate that have none (written
// before districts were kept, or by a mapsrv without a gazetteer), a page at
// a time, each page in its own write transaction so that writers are not held
// back. It returns how many it set; progress, if not nil, is told as it goes.
// Points outside every district stay without one and are looked at again on
// the next call.
func (s *Store) FillDistricts(ctx context.Context, progress func(n int)) (int, error) {
	if s.locate == nil {
		return 0, nil
	}
	set, after := 0, int64(0)
	for {
		type row struct {
			id       int64
			pcode    string
			lon, lat float64
		}
		rows, err := s.pool.Query(ctx, `SELECT id, lon, lat FROM incidents
			WHERE admin2_pcode = '' AND geo_precision IN ('exact', 'neighbourhood', 'town', 'district') AND id > $1
			ORDER BY id LIMIT $2`, after, districtPage)
		if err != nil {
			return set, fmt.Errorf("postgis: fill districts: %w", err)
		}
		var page []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.lon, &r.lat); err != nil {
				rows.Close()
				return set, fmt.Errorf("postgis: fill districts: %w", err)
			}
			inc := incidents.Incident{Location: orb.Point{r.lon, r.lat}, GeoPrecision: incidents.GeoTown}
			incidents.Locate(&inc, s.locate)
			r.pcode = inc.Admin2PCode
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(page) == 0 {
			return set, err
		}
		after = page[len(page)-1].id
		err = s.write(ctx, func(tx pgx.Tx) error {
			for _, r := range page {
				if r.pcode == "" {
					continue
				}
				tag, err := tx.Exec(ctx, "UPDATE incidents SET admin2_pcode = $1 WHERE id = $2 AND admin2_pcode = ''", r.pcode, r.id)
				if err != nil {
					return err
				}
				set += int(tag.RowsAffected())
			}
			return nil
		})
		if err != nil {
			return set, fmt.Errorf("postgis: fill districts: %w", err)
		}
		if progress != nil {
			progress(set)
		}
	}
}
