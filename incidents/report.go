package incidents

import (
	"errors"
	"fmt"
	"time"
)

// Report is what ingesting one news report stores: draft incidents taken
// from it, and proposals of it as a source of published incidents it
// restates. Ingestion never changes what the public sees: an editor publishes
// the drafts and accepts or rejects the proposals.
type Report struct {
	Source    Source     // the report; [SourceKey] of it identifies it
	Drafts    []Incident // new incidents, each a draft
	Proposals []int64    // published incidents the report is proposed as a source of
}

// Proposal is a report proposed as a source of a published incident, waiting
// for an editor. Only editors see it.
type Proposal struct {
	ID         int64
	IncidentID int64
	Source     Source
	CreatedAt  time.Time
}

// ErrDuplicate is wrapped by the error of storing a report stored before.
var ErrDuplicate = errors.New("incidents: report already ingested")

// Validate readies r's drafts to be stored with [Prepare] (their districts
// set by loc) and reports the first way r breaks the rules of ingestion:
// every draft valid, of status draft, and citing the report.
func (r *Report) Validate(loc Locator) error {
	key := SourceKey(r.Source)
	for i := range r.Drafts {
		d := &r.Drafts[i]
		if err := Prepare(d, loc); err != nil {
			return fmt.Errorf("draft %d: %w", i+1, err)
		}
		if d.Status != StatusDraft {
			return fmt.Errorf("%w: draft %d: status: ingestion only stores drafts", ErrInvalid, i+1)
		}
		if !citesKey(d.Sources, key) {
			return fmt.Errorf("%w: draft %d: sources: does not cite the report", ErrInvalid, i+1)
		}
	}
	return CheckDate("source.published", r.Source.Published)
}

func citesKey(srcs []Source, key string) bool {
	for _, s := range srcs {
		if SourceKey(s) == key {
			return true
		}
	}
	return false
}
