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

// FindFeaturesWithin is FindFeatures for a page bounded by bytes as well
// (see [snapshot.Keeper.FindFeaturesWithin]).
func (s *Store) FindFeaturesWithin(ctx context.Context, f incidents.Filter, maxBytes int64) ([]feature.Encoded, bool, error) {
	defer holdShapes(f.Where)()
	page, more, err := s.snap.FindFeaturesWithin(ctx, f, maxBytes)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite: find features: %w", err)
	}
	return page, more, nil
}

// FindWithin is Find for a page bounded by bytes as well (see
// [snapshot.Keeper.FindWithin]).
func (s *Store) FindWithin(ctx context.Context, f incidents.Filter, maxBytes int64) ([]incidents.Incident, bool, error) {
	defer holdShapes(f.Where)()
	found, more, err := s.snap.FindWithin(ctx, f, maxBytes)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite: find: %w", err)
	}
	return found, more, nil
}
