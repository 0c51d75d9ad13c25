#!/bin/sh
# Copies the browser libraries and base-map data the map page needs from node_modules
# (installed by `npm ci`) into web/static/vendor/, which is git-ignored and embedded by
# the Go build.
set -eu
cd "$(dirname "$0")/.."
src=node_modules
dst=web/static/vendor
for f in "$src/leaflet/dist/leaflet.js" "$src/leaflet.markercluster/dist/leaflet.markercluster.js" \
	"$src/world-atlas/countries-10m.json" "$src/topojson-client/package.json"; do
	[ -f "$f" ] || { echo "vendor.sh: $f missing; run npm ci first" >&2; exit 1; }
done
rm -rf "$dst"
mkdir -p "$dst/leaflet/images" "$dst/markercluster" "$dst/basemap"
cp "$src/leaflet/dist/leaflet.js" "$src/leaflet/dist/leaflet.css" "$src/leaflet/LICENSE" "$dst/leaflet/"
cp "$src/leaflet/dist/images/"*.png "$dst/leaflet/images/"
cp "$src/leaflet.markercluster/dist/leaflet.markercluster.js" \
	"$src/leaflet.markercluster/dist/MarkerCluster.css" \
	"$src/leaflet.markercluster/dist/MarkerCluster.Default.css" \
	"$src/leaflet.markercluster/MIT-LICENCE.txt" "$dst/markercluster/"
# The offline base map's countries and coastline: Natural Earth 1:10m (public
# domain) from npm world-atlas, cut to the region around Syria.
node scripts/basemap.mjs "$src/world-atlas/countries-10m.json" "$dst/basemap/countries.json"
cp "$src/world-atlas/LICENSE" "$dst/basemap/LICENSE-world-atlas"
