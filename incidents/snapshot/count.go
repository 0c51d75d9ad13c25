package snapshot

import (
	"context"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// Count is a store's Aggregate from the index, brought up to the data
// first; ok is false when the index cannot answer f (drafts, a governorate,
// a source, any filter it does not know) and the store counts in SQL.
func (k *Keeper) Count(ctx context.Context, f incidents.Filter, g incidents.Grid) (cells []incidents.Cell, ok bool, err error) {
	if !index.Knows(f) {
		return nil, false, nil
	}
	ix, err := k.Fresh(ctx)
	if err != nil {
		return nil, false, err
	}
	cells, ok = ix.Count(f, g)
	return cells, ok, nil
}

// CountDates is Count by date range, for a histogram.
func (k *Keeper) CountDates(ctx context.Context, f incidents.Filter) (counts []incidents.DateCount, ok bool, err error) {
	if !index.Knows(f) {
		return nil, false, nil
	}
	ix, err := k.Fresh(ctx)
	if err != nil {
		return nil, false, err
	}
	counts, ok = ix.CountDates(f)
	return counts, ok, nil
}

// Scanner is a result set read row by row, as database/sql's and pgx's.
type Scanner interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanPoints appends to points the points rows holds, a row each: ID,
// longitude, latitude, type, and the first and last days (days since
// 1970-01-01). The caller closes rows.
func ScanPoints(rows Scanner, points []index.Point) ([]index.Point, error) {
	for rows.Next() {
		var p index.Point
		var typ string
		if err := rows.Scan(&p.ID, &p.Lon, &p.Lat, &typ, &p.DayFrom, &p.DayTo); err != nil {
			return nil, err
		}
		p.Type = index.TypeOf(incidents.Type(typ))
		points = append(points, p)
	}
	return points, rows.Err()
}
