package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/ingest"
	"github.com/mapsrv/mapsrv/internal/jsonerr"
)

// ingestRequest is the body of POST /api/ingest.
type ingestRequest struct {
	Text      string `json:"text"`
	Published string `json:"published"` // YYYY-MM-DD; may be empty
	Lang      string `json:"lang"`      // "ar", "en"; empty to detect it
	Source    struct {
		Title     string `json:"title"`
		URL       string `json:"url"`
		Publisher string `json:"publisher"`
	} `json:"source"`
}

// handleIngest serves POST /api/ingest: a news report in, the draft incidents
// proposed from it and the published incidents it is proposed as a source of
// out (201), or the ones stored before for the same report (200,
// "duplicate": true).
func handleIngest(store ingest.Store, x ingest.Extractor, limit int64, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := readBody(w, r, limit)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		var req ingestRequest
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			writeError(w, r, log, badRequest{"body: " + jsonerr.Describe(err)})
			return
		}
		rep := ingest.Report{Text: req.Text, Lang: req.Lang,
			Source: incidents.Source{Title: req.Source.Title, URL: req.Source.URL, Publisher: req.Source.Publisher}}
		if rep.Published, err = incidents.ParseDateField("published", req.Published); err != nil {
			writeError(w, r, log, err)
			return
		}
		rep.Source.Published = rep.Published
		res, err := ingestInSlot(r.Context(), store, x, rep)
		if errors.As(err, new(errExtractBusy)) {
			w.Header().Set("Retry-After", busyRetry)
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		status := http.StatusCreated
		if res.Duplicate || len(res.Drafts)+len(res.Proposed) == 0 {
			status = http.StatusOK
		}
		// "confirmed" (published incidents that gained the report as a
		// source) stays for older clients, always empty: a report restating a
		// published incident is now only proposed to the editors ("proposed").
		writeJSON(w, status, "application/json", map[string]any{
			"duplicate": res.Duplicate, "drafts": features(res.Drafts), "proposed": features(res.Proposed),
			"confirmed": []feature.Feature{},
		})
	})
}

// extractSlots bounds the reports extracted at once to half the processors
// (one on two cores), so that readers keep the rest. A report of 200 KB
// costs up to 0.8 s of CPU and some 10 MB to extract: 32 posted at once by
// one ingest token (it may hold 64 connections) took both cores of this
// machine for 5 s and 350 MB, and every reader of the map waited.
var extractSlots = semaphore.NewWeighted(int64(max(1, (runtime.GOMAXPROCS(0)+1)/2)))

// extractWait is how long a report waits for a slot before it is answered
// 503, its body given back; a variable so that a test can shorten it.
var extractWait = 15 * time.Second

// errExtractBusy answers a report that waited extractWait for a slot.
type errExtractBusy struct{ wait time.Duration }

func (e errExtractBusy) Error() string {
	return fmt.Sprintf("ingest: the server is extracting other reports, as many at once as it does, and this one waited %s: retry in a few seconds", e.wait)
}

// ingestInSlot ingests rep once one of extractSlots is free, waiting up to
// extractWait for it, and gives the slot back however the ingestion ends.
func ingestInSlot(ctx context.Context, store ingest.Store, x ingest.Extractor, rep ingest.Report) (ingest.Result, error) {
	wait := extractWait
	waitCtx, cancel := context.WithTimeout(ctx, wait)
	err := extractSlots.Acquire(waitCtx, 1)
	cancel()
	if err != nil {
		return ingest.Result{}, errExtractBusy{wait: wait}
	}
	defer extractSlots.Release(1)
	return ingest.Ingest(ctx, store, x, rep)
}

func features(incs []incidents.Incident) []feature.Feature {
	out := make([]feature.Feature, len(incs))
	for i, inc := range incs {
		out[i] = feature.Of(inc)
	}
	return out
}
