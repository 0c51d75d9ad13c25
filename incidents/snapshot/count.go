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
