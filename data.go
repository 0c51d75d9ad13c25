// Package mapsrv holds the data the mapsrv binary ships with. The code lives
// in its subpackages: cmd/mapsrv (the binary), web, incidents, gazetteer,
// extract and geo.
package mapsrv

import _ "embed"

// SeedIncidents is data/seed-incidents.geojson: the incidents of the two news
// reports mapsrv started from, loaded into an empty database on first start.
//
//go:embed data/seed-incidents.geojson
var SeedIncidents []byte
