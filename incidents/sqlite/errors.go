package sqlite

import "github.com/mapsrv/mapsrv/incidents"

// storeError is [incidents.StoreError] for this store: a write's failure
// named "sqlite: …", but an incident not found or refused in a read's words
// (round 16: "sqlite: update 9: incidents: not found: incident 9" had reached
// API clients).
func storeError(err error, format string, args ...any) error {
	return incidents.StoreError("sqlite", err, format, args...)
}
