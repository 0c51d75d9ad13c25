package postgis

import (
	"context"
	"fmt"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// FindFeatures is Find for GeoJSON: the same incidents in the same order, as
// the features [feature.AppendFeature] writes for them. The page is chosen
// from the index (or, for what it cannot answer, by SQL reading IDs and
// dates only), then only its stored features are read (see
// [snapshot.Keeper.FindFeatures]).
func (s *Store) FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error) {
	page, err := s.snap.FindFeatures(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("postgis: find features: %w", err)
	}
	return page, nil
}
