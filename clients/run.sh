#!/bin/sh
# Runs the GDAL (ogrinfo) and OWSLib tests against a real mapsrv on loopback.
# Debian's python3-owslib installs for /usr/bin/python3, so that is the one used.
set -eu
cd "$(dirname "$0")"
exec /usr/bin/python3 -m unittest -v test_ogc_clients
