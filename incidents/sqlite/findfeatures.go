package sqlite

import (
	"context"
	"fmt"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// FindFeatures is Find for GeoJSON: the same incidents in the same order, as
// the features [feature.AppendFeature] writes for them. The page is chosen
// as Find chooses it (from the index, or by one of its SQL plans reading
// only IDs and dates from the covering indexes) and then only the page's
// features are read (see [snapshot.Keeper.FindFeatures]).
func (s *Store) FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error) {
	defer holdShapes(f.Where)()
	page, err := s.snap.FindFeatures(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find features: %w", err)
	}
	return page, nil
}
