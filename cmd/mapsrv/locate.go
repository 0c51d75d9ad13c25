package main

import (
	"context"
	"log/slog"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents"
)

// districtStore is a store that sets incidents' districts from their points.
type districtStore interface {
	SetLocator(incidents.Locator)
	FillDistricts(ctx context.Context, progress func(n int)) (int, error)
}

// setLocator makes the store set every written incident's district from the
// gazetteer's district outlines.
func setLocator(s store, gaz *gazetteer.Gazetteer) {
	if d, ok := s.(districtStore); ok {
		d.SetLocator(gaz.District)
	}
}

// logFillDistricts sets the districts of incidents stored without one,
// logging how many.
func logFillDistricts(ctx context.Context, s store, log *slog.Logger) {
	d, ok := s.(districtStore)
	if !ok {
		return
	}
	n, err := d.FillDistricts(ctx, nil)
	if err != nil {
		log.Warn("setting incidents' districts", "set", n, "err", err)
		return
	}
	if n > 0 {
		log.Info("set the districts of incidents stored without one", "count", n)
	}
}
