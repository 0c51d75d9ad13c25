package web

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/ingest"
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
			writeError(w, r, log, badRequest{"body: " + err.Error()})
			return
		}
		rep := ingest.Report{Text: req.Text, Lang: req.Lang,
			Source: incidents.Source{Title: req.Source.Title, URL: req.Source.URL, Publisher: req.Source.Publisher}}
		if rep.Published, err = incidents.ParseDateField("published", req.Published); err != nil {
			writeError(w, r, log, err)
			return
		}
		rep.Source.Published = rep.Published
		res, err := ingest.Ingest(r.Context(), store, x, rep)
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

func features(incs []incidents.Incident) []feature.Feature {
	out := make([]feature.Feature, len(incs))
	for i, inc := range incs {
		out[i] = feature.Of(inc)
	}
	return out
}
