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

// FindFeaturesWithin is FindFeatures for a page bounded by bytes as well
// (see [snapshot.Keeper.FindFeaturesWithin]).
func (s *Store) FindFeaturesWithin(ctx context.Context, f incidents.Filter, maxBytes int64) ([]feature.Encoded, bool, error) {
	page, more, err := s.snap.FindFeaturesWithin(ctx, f, maxBytes)
	if err != nil {
		return nil, false, fmt.Errorf("postgis: find features: %w", err)
	}
	return page, more, nil
}

// FindWithin is Find for a page bounded by bytes as well (see
// [snapshot.Keeper.FindWithin]).
func (s *Store) FindWithin(ctx context.Context, f incidents.Filter, maxBytes int64) ([]incidents.Incident, bool, error) {
	found, more, err := s.snap.FindWithin(ctx, f, maxBytes)
	if err != nil {
		return nil, false, fmt.Errorf("postgis: find: %w", err)
	}
	return found, more, nil
}
