package postgis

import (
	"context"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestStore_WidelyCitedCorrection: see storetest.WidelyCitedCorrection.
func TestStore_WidelyCitedCorrection(t *testing.T) {
	s := openTest(t, pgtest.DSN(t))
	hold := s.fill.Hold
	fill := func() error {
		_, err := s.FillFeatures(context.Background(), nil)
		return err
	}
	storetest.WidelyCitedCorrection(t, s, hold, fill, !raceEnabled)
}

// TestStore_StaleCorrectionKeepsPageBound: see
// storetest.StaleCorrectionKeepsPageBound.
func TestStore_StaleCorrectionKeepsPageBound(t *testing.T) {
	s := openTest(t, pgtest.DSN(t))
	storetest.StaleCorrectionKeepsPageBound(t, s, s.fill.Hold)
}

// TestStore_StaleReadPatchesStored: see storetest.StaleReadPatchesStored.
func TestStore_StaleReadPatchesStored(t *testing.T) {
	s := openTest(t, pgtest.DSN(t))
	fill := func() error {
		_, err := s.FillFeatures(context.Background(), nil)
		return err
	}
	storetest.StaleReadPatchesStored(t, s, s.fill.Hold, fill, false) // too close to time: see there
}
