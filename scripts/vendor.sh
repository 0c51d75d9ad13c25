#!/bin/sh
# Copies the browser libraries the map page needs from node_modules (installed by
# `npm ci`) into web/static/vendor/, which is git-ignored and embedded by the Go build.
set -eu
cd "$(dirname "$0")/.."
src=node_modules
dst=web/static/vendor
for f in "$src/leaflet/dist/leaflet.js" "$src/leaflet.markercluster/dist/leaflet.markercluster.js"; do
	[ -f "$f" ] || { echo "vendor.sh: $f missing; run npm ci first" >&2; exit 1; }
done
rm -rf "$dst"
mkdir -p "$dst/leaflet/images" "$dst/markercluster"
cp "$src/leaflet/dist/leaflet.js" "$src/leaflet/dist/leaflet.css" "$src/leaflet/LICENSE" "$dst/leaflet/"
cp "$src/leaflet/dist/images/"*.png "$dst/leaflet/images/"
cp "$src/leaflet.markercluster/dist/leaflet.markercluster.js" \
	"$src/leaflet.markercluster/dist/MarkerCluster.css" \
	"$src/leaflet.markercluster/dist/MarkerCluster.Default.css" \
	"$src/leaflet.markercluster/MIT-LICENCE.txt" "$dst/markercluster/"
