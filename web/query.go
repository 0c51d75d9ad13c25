package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/mux"
)

// withQueryCheck answers a request to the API or the tiles whose query
// string does not parse with a 400 naming the problem. r.URL.Query(), which
// every handler reads, drops what it cannot parse without a word: a pair
// with a bad escape (bbox=%zz), one joined by a semicolon, or every
// parameter once there are more than 10,000 of them, so that such a
// request was answered 200 with the filter it named left out.
// The problem names the request's path as its instance, as every other does.
func withQueryCheck(log *slog.Logger) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p := r.URL.Path
			if r.URL.RawQuery != "" && (p == "/api" || strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/tiles/")) {
				if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
					writeError(w, r, log, badRequest{"the query string does not parse: " + err.Error()})
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}

// maxHost is the longest Host header the API takes: a DNS name is at most
// 253 characters, then a port.
const maxHost = 253 + len(":65535")

// withHostCheck answers a request whose Host header is longer than any host
// name and port with a 400 saying so. Every link an API answer holds begins
// with the host the request named: a 500 KB Host made the collections a
// 5 MB answer (ten links) and a page of items 1.5 MB.
func withHostCheck(log *slog.Logger) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if len(r.Host) > maxHost {
				writeError(w, r, log, badRequest{fmt.Sprintf("Host: %d bytes, longer than any host name and port (%d)", len(r.Host), maxHost)})
				return
			}
			if p := r.URL.Path; p == "/api" || strings.HasPrefix(p, "/api/") {
				// Every answer's links begin with the scheme X-Forwarded-Proto
				// names (absURL): a shared cache in front must key on it, or it
				// gives one client's links to another. The Host is in its key.
				w.Header().Add("Vary", "X-Forwarded-Proto")
			}
			next.ServeHTTP(w, r)
		})
	}
}

// withPlainPath answers a request whose path holds an encoded slash (%2F)
// with a 404 saying so. net/http decodes it into the path the router reads,
// so /api/collections/incidents%2Fitems/1 was incident 1 and a write through
// it wrote incident 1: one resource under a second spelling, which a cache
// or a proxy's rule in front keys apart from the first (a proxy guarding
// /api/collections/incidents/items/ let it through). A slash is a separator
// only as itself; no name of a route, collection or incident holds one.
func withPlainPath(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if raw := r.URL.RawPath; raw != "" && strings.Contains(strings.ToLower(raw), "%2f") {
			writeError(w, r, log, fmt.Errorf("%w: the path holds an encoded slash (%%2F), which names no resource here: write the slash as itself", errNotFound))
			return
		}
		next.ServeHTTP(w, r)
	})
}
