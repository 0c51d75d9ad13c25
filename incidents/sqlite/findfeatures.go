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
// features are read, in one statement that checks the data version has not
// moved in between.
func (s *Store) FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error) {
	defer holdShapes(f.Where)()
	useIndex := true
	for range 3 {
		picks, version, err := s.pick(ctx, f, useIndex)
		if err != nil {
			return nil, fmt.Errorf("sqlite: find features: %w", err)
		}
		page, ok, err := s.readFeatures(ctx, picks, version)
		if err != nil {
			return nil, fmt.Errorf("sqlite: find features: %w", err)
		}
		if ok {
			return page, nil
		}
		// The data moved on since the pick: the index is brought up to it
		// (a write by another process), or the page is picked by SQL if
		// that takes long (a build).
		useIndex = s.awaitIndex(ctx)
	}
	// Writes came in between each pick and its read: Find reads the rows.
	found, err := s.findBySQL(ctx, f)
	if err != nil {
		return nil, err
	}
	return feature.EncodeAll(found)
}

// pick chooses the page f asks for: from the index when useIndex is set and
// the index answers f, otherwise by SQL. version is the data version the
// page was chosen at.
func (s *Store) pick(ctx context.Context, f incidents.Filter, useIndex bool) (picks []incidents.Cursor, version int64, err error) {
	if ix := s.currentIndex(); ix != nil && useIndex {
		if points, ok := ix.Find(f); ok {
			return picksOf(points), ix.Version(), nil
		}
	}
	return s.pickBySQL(ctx, f)
}
