package web

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/geo"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/ingest"
)

// badRequest is a client error this package finds itself (unknown parameter,
// bad limit); its message names the parameter.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

// errNotFound answers a route or resource that does not exist.
var errNotFound = errors.New("not found")

// statusOf decides the HTTP status for err: the one table of error → status.
func statusOf(err error) int {
	switch {
	case errors.As(err, new(badRequest)),
		errors.Is(err, geo.ErrBadBBox), errors.Is(err, geo.ErrBadPoint),
		errors.Is(err, incidents.ErrBadDatetime), errors.Is(err, incidents.ErrBadHistogram),
		errors.Is(err, incidents.ErrBadSearch), errors.Is(err, incidents.ErrBadAdminLevel),
		errors.Is(err, incidents.ErrInvalid), errors.Is(err, feature.ErrBadGeoJSON),
		errors.Is(err, ingest.ErrBadReport), errors.Is(err, cql2.ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, incidents.ErrNotFound), errors.Is(err, errNotFound):
		return http.StatusNotFound
	case errors.As(err, new(*http.MaxBytesError)):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, new(errUnsupportedMedia)):
		return http.StatusUnsupportedMediaType
	case errors.As(err, new(errPreconditionFailed)):
		return http.StatusPreconditionFailed
	}
	return http.StatusInternalServerError
}

// problem is an RFC 9457 problem details body.
type problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
}

// writeError answers err as application/problem+json. Internal errors are
// logged and never shown.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	status := statusOf(err)
	p := problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Instance: r.URL.Path}
	if status == http.StatusInternalServerError {
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	} else {
		p.Detail = err.Error()
	}
	writeJSON(w, status, "application/problem+json", p)
}

// writeJSON writes v as JSON with the given status and content type.
func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
