package web

import (
	"embed"
	"io/fs"
	"net/http"
)

// The page and its assets. vendor/ (Leaflet and its plugins) is copied from
// node_modules by `make vendor` before the build: third-party code is never
// committed.
//
//go:embed static
var staticFS embed.FS

func handleStatic() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	return http.FileServerFS(sub)
}
