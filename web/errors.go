package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"unicode/utf8"

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
	case errors.As(err, new(queryTimeout)), errors.As(err, new(errBodiesBusy)), errors.As(err, new(errExtractBusy)),
		errors.As(err, new(errExportsBusy)),
		errors.Is(err, incidents.ErrBusy):
		return http.StatusServiceUnavailable
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
	if status, reason, ended := contextStatus(r.Context()); ended {
		// The store failed because the request's time ran out or its client
		// left: neither is a fault of the server's, to log as one or to count
		// against its readiness.
		log.Info("request ended before its answer", "method", logText(r.Method), "path", logText(r.URL.Path), "status", status, "reason", reason)
		writeJSON(w, status, "application/problem+json", newProblem(status, reason.Error(), r.URL.Path))
		return
	}
	status := statusOf(err)
	if errors.Is(err, incidents.ErrBusy) {
		w.Header().Set("Retry-After", busyRetry)
	}
	detail := ""
	if status == http.StatusInternalServerError {
		log.Error("request failed", "method", logText(r.Method), "path", logText(r.URL.Path), "err", err)
		if errors.Is(err, ingest.ErrExtractFailed) {
			// Not the store's failure: say what failed, and that sending
			// the report again fails the same way (the log has the rest).
			detail = "the extractor failed on this report, a defect of the server's: nothing was stored, and sending it again fails the same way; the server's log holds where it failed"
		}
	} else {
		detail = err.Error()
	}
	if tooLarge := new(http.MaxBytesError); errors.As(err, &tooLarge) {
		// net/http's words, "http: request body too large", named
		// neither the limit nor how it is set.
		detail = fmt.Sprintf("the body is over %d bytes, the most this server takes (mapsrv serve --max-body)", tooLarge.Limit)
	}
	writeJSON(w, status, "application/problem+json", newProblem(status, detail, r.URL.Path))
}

// newProblem is the problem of status, its detail and instance (the
// request's path, which a client may make 1 MiB long) cut to maxDetail.
func newProblem(status int, detail, instance string) problem {
	return problem{Type: "about:blank", Title: statusTitle(status), Status: status, Detail: clip(detail, maxDetail), Instance: clip(instance, maxDetail)}
}

// writeProblem answers a status this package decides itself.
func writeProblem(w http.ResponseWriter, status int, detail string) {
	writeJSON(w, status, "application/problem+json", newProblem(status, detail, ""))
}

// statusTitle is the problem title of a status, net/http's text or, for
// statusClientClosed, which it does not know, nginx's.
func statusTitle(status int) string {
	if status == statusClientClosed {
		return "Client Closed Request"
	}
	return http.StatusText(status)
}

// writeJSON writes v as JSON with the given status and content type.
func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// maxDetail is the longest detail a problem answer carries. Details quote
// the value they refuse, and a refused value may be as long as the request
// (a 500 KB datetime gave a 500 KB answer): the start names the problem.
const maxDetail = 1000

// clip cuts s to at most n bytes on a character boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
