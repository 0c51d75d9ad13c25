package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
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
	return proposalWith(ctx, store, p, map[int64]*feature.Feature{})
}

// Pages of GET /api/proposals: proposalsLimit by default, at most
// proposalsMost, and no more than proposalPageBytes of answer (one
// proposal at least). Each proposal carries its incident as it stands,
// which may be some 400 KB at an incident's limits (two 32 KiB summaries,
// 100 sources), and an ingest token proposes without end: all of them in
// one answer, 1,500 reports restating one such incident made an answer of
// 570 MB that took the server 2.1 GB and 8 s to make.
const (
	proposalsLimit    = 100
	proposalsMost     = 1000
	proposalPageBytes = 8 << 20
)

// handleProposals serves GET /api/proposals (editors only): the reports
// ingestion proposed as sources of published incidents, oldest first, each
// with its incident; ?incident_id=N gives one incident's. A page holds
// ?limit of them (proposalsLimit by default) and ends early before
// proposalPageBytes; its next link (and ?after=ID) gives those after it.
func handleProposals(store incidentStore, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if err := checkParams(q, []string{"incident_id", "after", "limit"}); err != nil {
			writeError(w, r, log, err)
			return
		}
		id, err := positiveID(q, "incident_id", "an incident ID")
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		after, err := positiveID(q, "after", "a proposal ID")
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		limit, err := parseLimit(q, proposalsLimit, proposalsMost)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		props, err := store.Proposals(r.Context(), id, after, limit+1)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		more := len(props) > limit
		props = props[:min(len(props), limit)]
		// Each proposal is written as it is read, an incident read once a
		// page however many proposals it has, until the page's bytes.
		var body bytes.Buffer
		body.WriteString(`{"proposals":[`)
		incs := map[int64]*feature.Feature{}
		n := 0
		for _, p := range props {
			pj, err := proposalWith(r.Context(), store, p, incs)
			if err != nil {
				writeError(w, r, log, err)
				return
			}
			b, err := feature.Marshal(pj)
			if err != nil {
				writeError(w, r, log, err)
				return
			}
			if n > 0 && body.Len()+len(b) > proposalPageBytes {
				more = true
				break
			}
			if n > 0 {
				body.WriteByte(',')
			}
			body.Write(b)
			n++
		}
		body.WriteString("]")
		if more {
			next := url.Values{"after": {strconv.FormatInt(props[n-1].ID, 10)}}
			if s := q.Get("limit"); s != "" {
				next.Set("limit", strconv.Itoa(limit))
			}
			if id > 0 {
				next.Set("incident_id", strconv.FormatInt(id, 10))
			}
			b, _ := json.Marshal([]link{{Href: absURL(r, r.URL.Path) + "?" + next.Encode(), Rel: "next", Type: "application/json"}})
			body.WriteString(`,"links":`)
			body.Write(b)
		}
		body.WriteString("}\n")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.Write(body.Bytes())
	})
}

// positiveID reads the query parameter name as an ID of at least 1, 0 when
// it is not given; what names what it must be.
func positiveID(q url.Values, name, what string) (int64, error) {
	s := q.Get(name)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 {
		return 0, badRequest{fmt.Sprintf("%s: %q is not %s", name, s, what)}
	}
	return n, nil
}

// proposalWith is proposalOf with the incidents read so far kept in incs by
// ID, so that a page of one incident's proposals reads it once.
func proposalWith(ctx context.Context, store incidentStore, p incidents.Proposal, incs map[int64]*feature.Feature) (proposalJSON, error) {
	out := proposalJSON{ID: p.ID, IncidentID: p.IncidentID, Source: feature.SourceOf(p.Source),
		CreatedAt: p.CreatedAt.UTC().Format(time.RFC3339)}
	if f, ok := incs[p.IncidentID]; ok {
		out.Incident = f
		return out, nil
	}
	inc, err := store.Get(ctx, p.IncidentID)
	if err != nil {
		return out, err
	}
	f := feature.Of(inc)
	incs[p.IncidentID], out.Incident = &f, &f
	return out, nil
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
