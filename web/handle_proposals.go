package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// proposalJSON is a proposed source as editors read it: the report, and the
// published incident it is proposed for, as it now stands.
type proposalJSON struct {
	ID         int64            `json:"id"`
	IncidentID int64            `json:"incident_id"`
	Source     feature.Source   `json:"source"`
	CreatedAt  string           `json:"created_at"`
	Incident   *feature.Feature `json:"incident,omitempty"`
}

func proposalOf(ctx context.Context, store incidentStore, p incidents.Proposal) (proposalJSON, error) {
	out := proposalJSON{ID: p.ID, IncidentID: p.IncidentID, Source: feature.SourceOf(p.Source),
		CreatedAt: p.CreatedAt.UTC().Format(time.RFC3339)}
	inc, err := store.Get(ctx, p.IncidentID)
	if err != nil {
		return out, err
	}
	f := feature.Of(inc)
	out.Incident = &f
	return out, nil
}

// handleProposals serves GET /api/proposals (editors only): the reports
// ingestion proposed as sources of published incidents, oldest first, each
// with its incident; ?incident_id=N gives one incident's.
func handleProposals(store incidentStore, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if err := checkParams(q, []string{"incident_id"}); err != nil {
			writeError(w, r, log, err)
			return
		}
		var id int64
		if s := q.Get("incident_id"); s != "" {
			var err error
			if id, err = strconv.ParseInt(s, 10, 64); err != nil || id < 1 {
				writeError(w, r, log, badRequest{fmt.Sprintf("incident_id: %q is not an incident ID", s)})
				return
			}
		}
		props, err := store.Proposals(r.Context(), id)
		out := make([]proposalJSON, 0, len(props))
		for _, p := range props {
			if err != nil {
				break
			}
			var pj proposalJSON
			pj, err = proposalOf(r.Context(), store, p)
			out = append(out, pj)
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		writeJSON(w, http.StatusOK, "application/json", map[string]any{"proposals": out})
	})
}

// handleProposalResolve serves POST /api/proposals/{id}/accept or /reject
// with resolve: the proposal resolved and its incident as it now stands.
func handleProposalResolve(store incidentStore, resolve func(context.Context, int64) (incidents.Proposal, error), log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := parsePathID(r, "proposal")
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		p, err := resolve(r.Context(), id)
		var out proposalJSON
		if err == nil {
			out, err = proposalOf(r.Context(), store, p)
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		writeJSON(w, http.StatusOK, "application/json", out)
	})
}
