package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/gazetteer/answer"
	"github.com/mapsrv/mapsrv/geo"
	"github.com/mapsrv/mapsrv/incidents"
)

// Places is what the handlers need of the gazetteer.
type Places interface {
	Geocode(query string) (gazetteer.Match, error)
	Suggest(prefix string, limit int) []gazetteer.Place
	Governorates() []gazetteer.Governorate
	Reverse(p orb.Point) (gazetteer.Reverse, bool)
}

// maxNameQuery is the longest place name query the gazetteer endpoints accept, in
// characters: the longest name with its qualifiers and context ("في قرية
// البدروسية بريف اللاذقية الشمالي") is some 60.
const maxNameQuery = 200

// nameQuery returns the parameter name of q as the gazetteer reads it: trimmed
// and without the invisible format characters text copied from the news
// carries inside a name (U+200F, a soft hyphen, ZWJ, bidi isolates, a BOM),
// which the gazetteer took for the end of a word, answering "Sara" for
// "Sara" U+00AD "qib" (round 26). It is a bad request naming the parameter
// when it is longer than maxNameQuery characters, not UTF-8, or holds a
// control character that is not white space (NUL, ESC, DEL): no name has one.
func nameQuery(q url.Values, name string) (string, error) {
	s := strings.TrimSpace(q.Get(name))
	if n := utf8.RuneCountInString(s); n > maxNameQuery {
		return "", badRequest{fmt.Sprintf("%s: at most %d characters, got %d", name, maxNameQuery, n)}
	}
	if !utf8.ValidString(s) {
		return "", badRequest{name + ": not valid UTF-8"}
	}
	if i := strings.IndexFunc(s, isNonSpaceControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return "", badRequest{fmt.Sprintf("%s: holds the control character %U, which no place name has", name, r)}
	}
	return strings.TrimSpace(incidents.WithoutFormatControls(s)), nil
}

func isNonSpaceControl(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) }

// registerPlaceRoutes adds the gazetteer's endpoints when there is one.
func registerPlaceRoutes(get func(string, http.Handler), places Places, log *slog.Logger) {
	if places == nil {
		return
	}
	get("/geocode", handleGeocode(places, log))
	get("/places", handlePlaces(places, log))
	get("/reverse", handleReverse(places, log))
	get("/collections/governorates", withFormat("json", log, handleGovernoratesCollection()))
	get("/collections/governorates/items", handleGovernorateItems(places, log))
	if pl, ok := places.(placeLister); ok {
		get("/places/labels", withGzip(handlePlaceLabels(pl, log)))
	}
	get("/collections/districts/items", withGzip(handleAreaItems(places, 2, log)))
	get("/collections/subdistricts/items", withGzip(handleAreaItems(places, 3, log)))
}

// handleGeocode serves GET /api/geocode?q=: the best place for a name as the
// news writes it, with alternatives.
func handleGeocode(places Places, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if err := checkParams(q, []string{"q"}); err != nil {
			writeError(w, r, log, err)
			return
		}
		query, err := nameQuery(q, "q")
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		if query == "" {
			writeError(w, r, log, badRequest{"q: a place name is required"})
			return
		}
		m, err := places.Geocode(query)
		if errors.Is(err, gazetteer.ErrNotFound) {
			err = fmt.Errorf("%w: no place matches %q", errNotFound, query)
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		writeJSON(w, http.StatusOK, "application/json", answer.GeocodeOf(m))
	})
}

// handlePlaces serves GET /api/places?q=&limit=: autocomplete by prefix.
func handlePlaces(places Places, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if err := checkParams(q, []string{"q", "limit"}); err != nil {
			writeError(w, r, log, err)
			return
		}
		limit, err := parseLimit(q, 10, 100)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		prefix, err := nameQuery(q, "q")
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		out := []answer.Place{}
		if prefix != "" {
			for _, p := range places.Suggest(prefix, limit) {
				out = append(out, answer.PlaceOf(p))
			}
		}
		writeJSON(w, http.StatusOK, "application/json", map[string]any{"places": out})
	})
}

// handleReverse serves GET /api/reverse?lat=&lon=: the governorate (and, with
// OCHA areas imported, district and subdistrict) at a point and the nearest
// named places. A point outside Syria is 404.
func handleReverse(places Places, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if err := checkParams(q, []string{"lat", "lon"}); err != nil {
			writeError(w, r, log, err)
			return
		}
		var ll [2]float64
		for i, name := range []string{"lon", "lat"} {
			v, err := geo.ParseNumber(q.Get(name))
			if err != nil {
				writeError(w, r, log, badRequest{fmt.Sprintf("%s: %q is not a finite decimal number", name, q.Get(name))})
				return
			}
			ll[i] = v
		}
		p := orb.Point{ll[0], ll[1]}
		if err := geo.CheckPoint(p); err != nil {
			writeError(w, r, log, err)
			return
		}
		rev, ok := places.Reverse(p)
		if !ok {
			writeError(w, r, log, fmt.Errorf("%w: %g,%g is not in Syria", errNotFound, ll[1], ll[0]))
			return
		}
		writeJSON(w, http.StatusOK, "application/json", answer.ReverseOf(rev))
	})
}

func governoratesCollection(r *http.Request) collection {
	return collection{ID: "governorates", Title: "Governorates of Syria",
		Description: "The 14 first-level divisions with OCHA P-codes and outlines (OCHA Syria Common Operational Datasets, CC BY 3.0 IGO), simplified.",
		ItemType:    "feature", CRS: []string{crs84},
		Links: []link{
			{Href: absURL(r, "/api/collections/governorates"), Rel: "self", Type: "application/json"},
			{Href: absURL(r, "/api/collections/governorates/items"), Rel: "items", Type: "application/geo+json"},
		}}
}

func handleGovernoratesCollection() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, "application/json", governoratesCollection(r))
	})
}

// handleGovernorateItems serves the governorate outlines, all 14 at once.
func handleGovernorateItems(places Places, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkWholeParams(r.URL.Query(), "limit", "f"); err != nil {
			writeError(w, r, log, err)
			return
		}
		fc := geojson.NewFeatureCollection()
		for _, g := range places.Governorates() {
			f := geojson.NewFeature(g.Geometry)
			f.ID = g.PCode
			f.Properties = geojson.Properties{"pcode": g.PCode, "name_en": g.NameEN, "name_ar": g.NameAR}
			fc.Append(f)
		}
		fc.ExtraMembers = geojson.Properties{"numberReturned": len(fc.Features),
			"links": []link{{Href: absURL(r, r.URL.Path), Rel: "self", Type: "application/geo+json"}}}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		writeJSON(w, http.StatusOK, "application/geo+json", fc)
	})
}
