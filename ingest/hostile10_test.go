package ingest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/bothstores"
	"github.com/mapsrv/mapsrv/ingest"
)

// repeatExtractor proposes n incidents of a report, on n days, each with the
// whole report as its evidence: what a report of one sentence repeated
// gives at worst.
type repeatExtractor struct{ n int }

func (x repeatExtractor) ExtractLang(text string, published time.Time, lang string) []extract.Candidate {
	cands := make([]extract.Candidate, x.n)
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range cands {
		d := day.AddDate(0, 0, i)
		cands[i] = extract.Candidate{IncidentType: "shelling", DateFrom: d, DateTo: d, DatePrecision: "day", Evidence: text}
	}
	return cands
}

// onBothStores runs test on a fresh SQLite store and on PostGIS.
func onBothStores(t *testing.T, test func(*testing.T, ingest.Store)) {
	t.Helper()
	bothstores.Run(t, test)
}

// TestIngest_EvidenceBoundedByTheReport: the evidence a report's drafts keep
// comes to about twice the report, at least 512 bytes a draft, each draft
// cut so saying why in its notes. Each draft kept up to 28 KiB of evidence,
// and a report of one sentence repeated gave drafts, stored and answered,
// some 60 times its length. A report of a few incidents keeps its evidence
// whole, as before.
func TestIngest_EvidenceBoundedByTheReport(t *testing.T) {
	onBothStores(t, func(t *testing.T, store ingest.Store) {
		ctx := context.Background()
		sentence := "The twin attack near the mill wounded the guards at the gate. "
		for i, tc := range []struct{ text, n int }{{24_000, 300}, {199_000, 450}, {50_000, 5}, {2_000, 3}, {2_000, 1}, {24_000, 2}} {
			text := strings.Repeat(sentence, tc.text/len(sentence)+1)[:tc.text]
			res, err := ingest.Ingest(ctx, store, repeatExtractor{tc.n}, ingest.Report{Lang: "en", Text: text,
				Source: incidents.Source{Title: fmt.Sprintf("report %d", i)}})
			if err != nil || len(res.Drafts) != tc.n {
				t.Fatalf("%d bytes, %d incidents: %d drafts, %v", tc.text, tc.n, len(res.Drafts), err)
			}
			total, cut := 0, 0
			for _, d := range res.Drafts {
				ev, _, _ := strings.Cut(d.SummaryEN, "\n\nExtraction notes:")
				total += len(ev)
				if strings.Contains(d.SummaryEN, "cut to its first") {
					cut++
				}
			}
			most := max(2*tc.text, tc.n*512) + tc.n*8 // the ellipsis of each
			t.Logf("%d bytes, %d drafts: %d bytes of evidence (%.1f times the report), %d cut", tc.text, tc.n, total, float64(total)/float64(tc.text), cut)
			if total > most {
				t.Errorf("%d bytes, %d drafts: %d bytes of evidence, want at most %d", tc.text, tc.n, total, most)
			}
			if wantCut := tc.text*tc.n > most; wantCut && cut != tc.n || !wantCut && cut != 0 {
				t.Errorf("%d bytes, %d drafts: %d drafts say their evidence was cut, want %v for all", tc.text, tc.n, cut, wantCut)
			}
		}
	})
}

// TestIngest_DuplicateAnswerBounded: a report posted again is answered the
// incidents citing it, and any number may cite one source (an import whose
// every row names one dataset): all were read and answered. At most
// MaxCandidates are now, as many as one report may give.
func TestIngest_DuplicateAnswerBounded(t *testing.T) {
	onBothStores(t, func(t *testing.T, store ingest.Store) {
		ctx := context.Background()
		src := incidents.Source{Title: "a dataset", URL: "https://dataset.example/whole"}
		adder, ok := store.(interface {
			Add(context.Context, []incidents.Incident) ([]int64, error)
		})
		if !ok {
			t.Fatal("the store cannot add incidents")
		}
		day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
		var many []incidents.Incident
		for i := range ingest.MaxCandidates + 100 {
			many = append(many, incidents.Incident{Type: "shelling", DateFrom: day, DateTo: day, DatePrecision: "day",
				Admin1PCode: "SY01", Location: orb.Point{36.2 + float64(i%100)/1000, 33.5}, GeoPrecision: "governorate",
				Sources: []incidents.Source{src}, Status: incidents.StatusPublished})
		}
		if _, err := adder.Add(ctx, many); err != nil {
			t.Fatal(err)
		}
		res, err := ingest.Ingest(ctx, store, repeatExtractor{1}, ingest.Report{Lang: "en", Text: "A report told again.", Source: src})
		if err != nil || !res.Duplicate {
			t.Fatalf("a report cited by %d incidents: duplicate %v, %v", len(many), res.Duplicate, err)
		}
		if len(res.Drafts) != ingest.MaxCandidates {
			t.Errorf("a report cited by %d incidents answered %d of them, want %d", len(many), len(res.Drafts), ingest.MaxCandidates)
		}
	})
}
