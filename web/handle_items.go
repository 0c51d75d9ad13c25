package web

import (
	"context"
	"fmt"
	"hash/fnv"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// handleIncidentItems serves GET /api/collections/{incidents,drafts}/items:
// incidents of one status by bbox, datetime, type and governorate, newest
// first, as GeoJSON (or CSV with f=csv), with a next link while more remain.
// Pages wait for a share of budget the size of their limit while they are
// read and written.
func handleIncidentItems(store incidentStore, status incidents.Status, budget *pageBudget, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		f, where, err := parseItemsQuery(q)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		f = f.WithWhere(where)
		f.Status = status
		key := etagQuery(q, where)
		q = linkQuery(q, where) // the links' query: the filter, not its spelling
		self := selfURL(r, q)
		if notModified(w, r, store, status, key, log) {
			return
		}
		limit := f.Limit
		f.Limit++ // one more tells whether there is a next page
		release, err := budget.acquire(r.Context(), f.Limit)
		if err != nil {
			// The client went away, or the request's time ran out, while it
			// waited: the latter had been answered 200 with no body at all.
			writeBusy(w, r, log, "pages", err)
			return
		}
		// The store reads the page's features into buffers lent for this
		// request (feature.Borrow), given back once the page has been sent
		// (deferred first, run last): everything that keeps a page beyond
		// that, the response cache and gzip, copies it.
		ctx, lender := feature.WithLender(r.Context())
		defer lender.Return()
		r = r.WithContext(ctx)
		body := newPageBuffer(w)
		defer body.send(release)
		w = body
		if q.Get("f") == "csv" {
			found, more, err := findWithin(r.Context(), store, f, pageBytes(f.Limit))
			if err != nil {
				writeError(w, r, log, err)
				return
			}
			if more = more || len(found) > limit; more {
				found = found[:min(limit, len(found))]
				q.Set("cursor", encodeCursor(incidents.CursorOf(found[len(found)-1])))
				w.Header().Set("Link", "<"+selfURL(r, q)+`>; rel="next"; type="text/csv"`)
			}
			writeCSV(w, found)
			return
		}
		page, more, err := findFeaturesWithin(r.Context(), store, f, pageBytes(f.Limit))
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		var next string
		if more = more || len(page) > limit; more {
			page = page[:min(limit, len(page))]
			q.Set("cursor", encodeCursor(page[len(page)-1].After))
			next = selfURL(r, q)
		}
		writeFeatures(w, r, page, self, next)
		lender.ReturnLists() // the page's features are in body now: its list is no longer used
	})
}

// featureFinder is a store that answers a listing with its incidents'
// features already encoded (incidents/sqlite keeps them so).
type featureFinder interface {
	FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error)
}

// findFeatures is Find for GeoJSON, from the store's encoded features when it
// keeps them.
func findFeatures(ctx context.Context, store incidentStore, f incidents.Filter) ([]feature.Encoded, error) {
	if ff, ok := store.(featureFinder); ok {
		return ff.FindFeatures(ctx, f)
	}
	found, err := store.Find(ctx, f)
	if err != nil {
		return nil, err
	}
	return feature.EncodeAll(found)
}

// featureShareBytes is how many bytes of stored features a page may hold
// for each feature its limit asks for, and pageBytesMost the most a page
// may hold whatever its limit: a page ends early, with a next link, rather
// than pass them. Pages were bounded by their number of features alone, and
// a page of 10,000 incidents with long summaries held 238 MB. A page of
// ordinary features (about 800 bytes) is never ended so, nor one of 10,000
// under 3 KB each. The pages in flight (pageBudget's features) are so
// bounded to some 300 MB whatever is stored.
const (
	featureShareBytes = 8 << 10
	pageBytesMost     = 32 << 20
)

// pageBytes is the most a page asking for n features may hold.
func pageBytes(n int) int64 { return min(int64(n)*featureShareBytes, pageBytesMost) }

// boundedFinder is a store that ends a page at a bound on its bytes as
// well as at its limit, reading its features' sizes before the features:
// more tells that the page was ended so, and that others follow it. Both
// stores are; a store that is not (a test's) is paged by its limit alone.
type boundedFinder interface {
	FindFeaturesWithin(ctx context.Context, f incidents.Filter, maxBytes int64) (page []feature.Encoded, more bool, err error)
	FindWithin(ctx context.Context, f incidents.Filter, maxBytes int64) (found []incidents.Incident, more bool, err error)
}

// findFeaturesWithin is findFeatures ended at maxBytes of features when
// the store can.
func findFeaturesWithin(ctx context.Context, store incidentStore, f incidents.Filter, maxBytes int64) ([]feature.Encoded, bool, error) {
	if bf, ok := store.(boundedFinder); ok {
		return bf.FindFeaturesWithin(ctx, f, maxBytes)
	}
	page, err := findFeatures(ctx, store, f)
	return page, false, err
}

// findWithin is Find ended at maxBytes of the incidents' stored features
// when the store can.
func findWithin(ctx context.Context, store incidentStore, f incidents.Filter, maxBytes int64) ([]incidents.Incident, bool, error) {
	if bf, ok := store.(boundedFinder); ok {
		return bf.FindWithin(ctx, f, maxBytes)
	}
	found, err := store.Find(ctx, f)
	return found, false, err
}

// notModified sets an ETag from the version of the data of the given status
// and the query as read (key, from etagQuery: two spellings of one filter
// share it), and answers 304 when the client already holds that version.
// Published listings follow the public version, which drafts do not move.
func notModified(w http.ResponseWriter, r *http.Request, store incidentStore, status incidents.Status, key string, log *slog.Logger) bool {
	v, ok := r.Context().Value(versionKey{}).(int64)
	if !ok {
		var err error
		if v, err = versionOf(r.Context(), store, status); err != nil {
			log.Warn("data version unavailable", "err", err)
			return false
		}
	}
	etag := listingETag(r, status, v, key)
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "no-cache")
	if noneMatch(r, etag, sameTag) {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	return false
}

// listingETag is the weak ETag of a listing of the given status at data
// version v, its query as read being key, asked by r. The links a listing
// holds begin with the host and scheme r named (absURL), so they are part
// of what it is: the same query asked through another Host or
// X-Forwarded-Proto was given the same ETag, and a cache holding the https
// answer revalidated it for http with a 304, keeping the other's links.
func listingETag(r *http.Request, status incidents.Status, v int64, key string) string {
	return fmt.Sprintf(`W/"%s%d-%x"`, status[:1], v, hashString(absURL(r, "")+" "+key))
}

// versionOf is the version of the data of one status: the public version
// for published incidents, the version of everything for drafts.
func versionOf(ctx context.Context, store incidentStore, status incidents.Status) (int64, error) {
	if status == incidents.StatusDraft {
		return store.Version(ctx)
	}
	return store.PublicVersion(ctx)
}

// hashString tells queries apart in an ETag.
func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// link is an OGC API link object.
type link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type,omitempty"`
	Title string `json:"title,omitempty"`
}

// writeFeatures streams a FeatureCollection with its links: self and next
// are the page's and the next page's (none when empty).
func writeFeatures(w http.ResponseWriter, r *http.Request, page []feature.Encoded, self, next string) {
	w.Header().Set("Content-Type", "application/geo+json")
	cw := feature.NewCollectionWriter(w)
	for _, f := range page {
		cw.WriteEncoded(f.JSON)
	}
	links := []link{{Href: self, Rel: "self", Type: "application/geo+json", Title: "this document"},
		{Href: absURL(r, strings.TrimSuffix(r.URL.Path, "/items")), Rel: "collection", Type: "application/json"}}
	if next != "" {
		links = append(links, link{Href: next, Rel: "next", Type: "application/geo+json", Title: "next page"})
	}
	cw.Close(map[string]any{"links": links, "timeStamp": time.Now().UTC().Format(time.RFC3339)})
}

// handleIncidentItem serves one incident of the given status by id, with
// its strong ETag (the If-Match of an edit); If-None-Match holding it
// answers 304, an If-Match not holding it 412 (RFC 9110 13.1.1), and so
// does an If-Unmodified-Since before its updated_at (13.1.4), evaluated in
// the order 13.2.2 gives.
func handleIncidentItem(store incidentStore, status incidents.Status, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkWholeParams(r.URL.Query(), "f"); err != nil {
			writeError(w, r, log, err)
			return
		}
		id, err := pathID(r)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		inc, err := store.Get(r.Context(), id)
		if err == nil && inc.Status != status {
			err = fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
		}
		var etag string
		if err == nil {
			etag, err = itemETag(r, inc)
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Cache-Control", "no-cache")
		if !ifMatchHolds(r, etag, sameState) {
			writeError(w, r, log, errPreconditionFailed{current: etag, read: true})
			return
		}
		if since, ok := unmodifiedSince(r); ok && modifiedAfter(inc, since) {
			writeError(w, r, log, errPreconditionFailed{current: etag, read: true, since: since, updated: inc.UpdatedAt})
			return
		}
		if noneMatch(r, etag, sameTag) { // the whole tag: another host's answer has other links
			w.WriteHeader(http.StatusNotModified)
			return
		}
		out := struct {
			feature.Feature
			Links []link `json:"links"`
		}{feature.Of(inc), []link{
			{Href: absURL(r, r.URL.Path), Rel: "self", Type: "application/geo+json"},
			{Href: absURL(r, path.Dir(path.Dir(r.URL.Path))), Rel: "collection", Type: "application/json"},
		}}
		writeJSON(w, http.StatusOK, "application/geo+json", out)
	})
}

// absURL makes path absolute on the host the client used, as OGC links must be.
func absURL(r *http.Request, path string) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

func selfURL(r *http.Request, q url.Values) string {
	u := absURL(r, r.URL.Path)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}
