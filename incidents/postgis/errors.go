package postgis

import "github.com/mapsrv/mapsrv/incidents"

// storeError is [incidents.StoreError] for this store: a write's failure
// named "postgis: …", but an incident not found or refused in a read's words
// (round 16: "postgis: update 9: incidents: not found: incident 9" had reached
// API clients).
func storeError(err error, format string, args ...any) error {
	return incidents.StoreError("postgis", err, format, args...)
}
