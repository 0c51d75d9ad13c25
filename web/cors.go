package web

import (
	"net/http"
	"slices"
	"strings"
)

// withCORS lets pages on other origins read the public API and the vector
// tiles, as GIS web clients do (a map library fetches tiles with fetch or
// XMLHttpRequest, which CORS governs), while writes stay closed to them unless
// their origin is listed in writeOrigins. Preflight requests are answered here.
func withCORS(writeOrigins []string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" || !corsPath(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		writer := slices.Contains(writeOrigins, origin)
		h := w.Header()
		h.Add("Vary", "Origin")
		if r.Method == http.MethodOptions {
			method := r.Header.Get("Access-Control-Request-Method")
			read := method == http.MethodGet || method == http.MethodHead
			if !read && !writer {
				writeProblem(w, http.StatusForbidden, "cross-origin writes are not allowed from "+origin)
				return
			}
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE")
			// If-Match: an editor on a listed origin saves with the ETag it
			// read, or another editor's save is lost (412 otherwise).
			h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, If-None-Match, If-Unmodified-Since")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			h.Set("Access-Control-Allow-Origin", "*")
			h.Set("Access-Control-Expose-Headers", "ETag, Link")
		} else if writer {
			// A write answers the new ETag (the next save's If-Match) and
			// the Location of the incident, which a script reads only if
			// exposed.
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", "ETag, Location, Link")
		}
		next.ServeHTTP(w, r)
	})
}

// corsPath reports whether path is one other origins may read: the API's and
// the tiles'. The page, its files, health and metrics are not.
func corsPath(path string) bool {
	return strings.HasPrefix(path, "/api") || strings.HasPrefix(path, "/tiles/")
}
