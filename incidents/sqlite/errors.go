package sqlite

import (
	"errors"
	"fmt"

	"github.com/mapsrv/mapsrv/incidents"
)

// storeError names the store and what it was doing (format and args) in
// err, unless err is the caller's: an incident or proposal not found, or one
// refused as invalid. Those reach API clients as a 404's or 400's detail,
// which must read the same whichever store is behind the API, as a read's
// does (round 16: "sqlite: update 9: incidents: not found: incident 9").
func storeError(err error, format string, args ...any) error {
	if errors.Is(err, incidents.ErrNotFound) || errors.Is(err, incidents.ErrInvalid) {
		return err
	}
	return fmt.Errorf("sqlite: "+format+": %w", append(args, err)...)
}
