package snapshot

import (
	"context"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// unknownFeatureBytes is what a page counts for a feature not stored in
// the current format, which is encoded from its row when the page is read.
const unknownFeatureBytes = 1 << 10

// cut ends picks before the pick whose stored feature would take the
// page's bytes past maxBytes, keeping one at least; more tells that some
// were left out. The sizes are read, without the features, before any is:
// a page of 10,000 incidents of long summaries was read whole, hundreds of
// MB, before it could be counted. 0 is no bound.
func (k *Keeper) cut(ctx context.Context, picks []Pick, maxBytes int64) (kept []Pick, more bool, err error) {
	if maxBytes <= 0 || len(picks) < 2 {
		return picks, false, nil
	}
	refs := make([]feature.Ref, len(picks))
	for i, p := range picks {
		refs[i] = feature.Ref{ID: p.ID, Key: p.Key}
	}
	sizes, err := k.rows.FeatureBytes(ctx, refs)
	if err != nil {
		return nil, false, err
	}
	var n int64
	for i, p := range picks {
		size, ok := sizes[p.ID]
		if !ok {
			size = unknownFeatureBytes
		}
		if n += int64(size); n > maxBytes && i > 0 {
			return picks[:i], true, nil
		}
	}
	return picks, false, nil
}

// FindWithin is Find for a page bounded by bytes as well as by f.Limit, as
// [Keeper.FindFeaturesWithin] is: the page ends before the incident whose
// stored feature (which holds all its text) would take the page past
// maxBytes, keeping one at least, and more tells that it was ended so. The
// page is picked, cut and then its rows read, from the index or by SQL. 0
// is no bound.
func (k *Keeper) FindWithin(ctx context.Context, f incidents.Filter, maxBytes int64) (found []incidents.Incident, more bool, err error) {
	if maxBytes <= 0 {
		found, err = k.Find(ctx, f)
		return found, false, err
	}
	readRows := func(ctx context.Context, picks []Pick, version int64) ([]incidents.Incident, bool, error) {
		ids := make([]int64, len(picks))
		for i, p := range picks {
			ids[i] = p.ID
		}
		return k.rows.ReadByID(ctx, ids, version)
	}
	found, more, ok, err := readPicked(ctx, k, f, maxBytes, readRows)
	if err != nil || ok {
		return found, more, err
	}
	found, err = k.rows.FindBySQL(ctx, f)
	return found, false, err
}
