package web

import (
	"embed"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
)

// The page and its assets. vendor/ (Leaflet and its plugins) is copied from
// node_modules by `make vendor` before the build: third-party code is never
// committed.
//
//go:embed static
var staticFS embed.FS

// handleStatic serves the page and its assets. A folder is served only for
// its index.html (the page at /): no listing of /js/ or /vendor/. Paths
// under /api/ and /tiles/ that no route took answer a problem+json 404, like
// every other API error.
func handleStatic(log *slog.Logger) http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	files := http.FileServerFS(noListing{sub})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if p == "/api" || strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/tiles/") {
			writeError(w, r, log, errNotFound)
			return
		}
		if rg := r.Header.Get("Range"); strings.Count(rg, ",") >= maxRanges {
			r = r.Clone(r.Context())
			r.Header.Del("Range") // the whole file, 200
		}
		files.ServeHTTP(w, r)
	})
}

// maxRanges is the most byte ranges one request for a file is answered
// with; a request for more gets the whole file, as RFC 9110 allows. Each
// range is a part of a multipart answer with its own headers: 28,000
// one-byte ranges of the 28 KB style sheet, a request of 190 KB, cost a
// second of CPU and 4 MB of answer. Browsers and download tools ask for one.
const maxRanges = 16

// noListing is a file system whose folders cannot be opened unless they hold
// an index.html, so that http.FileServer never lists one.
type noListing struct{ fs.FS }

func (n noListing) Open(name string) (fs.File, error) {
	f, err := n.FS.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil || !info.IsDir() {
		return f, err
	}
	if _, err := fs.Stat(n.FS, path.Join(name, "index.html")); err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.Join(fs.ErrNotExist, errors.New("folders are not listed"))}
	}
	return f, nil
}
