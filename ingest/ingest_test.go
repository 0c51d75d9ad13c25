package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/ingest"
)

func setup(t *testing.T) (*sqlite.Store, *extract.Extractor) {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "ingest.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return store, extract.New(g)
}

// Sentences written for this test.
const report = "اعتقلت قوات الأمن ثلاثة أشخاص في مدينة سراقب بريف إدلب يوم 3 ديسمبر 2025. " +
	"وفي سياق آخر، قُتل مدنيان بقصف مدفعي على بلدة الدانا في 4 ديسمبر 2025."

func TestIngest(t *testing.T) {
	store, x := setup(t)
	ctx := context.Background()
	src := incidents.Source{Title: "تقرير تجريبي", URL: "https://example.org/report-1", Publisher: "test"}
	r := ingest.Report{Text: report, Published: time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC), Source: src}
	res, err := ingest.Ingest(ctx, store, x, r)
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicate || len(res.Drafts) != 2 {
		t.Fatalf("first ingest = %+v, want 2 new drafts", res)
	}
	types := map[incidents.Type]incidents.Incident{}
	for _, d := range res.Drafts {
		types[d.Type] = d
		if d.Status != incidents.StatusDraft || len(d.Sources) != 1 || d.Sources[0].URL != src.URL || d.SummaryAR == "" {
			t.Errorf("draft %+v: want a draft linked to the report with its evidence", d)
		}
	}
	arrest, shelling := types[incidents.TypeArrest], types[incidents.TypeShelling]
	if arrest.Admin1PCode != "SY07" || arrest.Admin1Name == "" || arrest.Arrested == nil || *arrest.Arrested != 3 || arrest.DateFrom.Day() != 3 {
		t.Errorf("arrest draft = %+v, want 3 arrested in Saraqib, Idlib, on 3 December", arrest)
	}
	if shelling.Killed == nil || *shelling.Killed != 2 {
		t.Errorf("shelling draft = %+v, want 2 killed", shelling)
	}
	if published, _ := store.Find(ctx, incidents.Filter{}); len(published) != 0 {
		t.Errorf("ingest published %d incidents, want none before review", len(published))
	}

	// The same report again stores nothing.
	again, err := ingest.Ingest(ctx, store, x, r)
	if err != nil || !again.Duplicate || len(again.Drafts) != 2 {
		t.Fatalf("second ingest = %+v, %v; want a duplicate pointing at the 2 drafts", again, err)
	}
	// And from the links it is shared by: a fragment, tracking parameters, a host in capitals.
	for _, link := range []string{"https://example.org/report-1#comments", "https://example.org/report-1?utm_source=feed&utm_medium=rss",
		"HTTPS://Example.ORG/report-1", "https://example.org:443/report-1?fbclid=x"} {
		shared := r
		shared.Source.URL = link
		again, err := ingest.Ingest(ctx, store, x, shared)
		if err != nil || !again.Duplicate || len(again.Drafts) != 2 {
			t.Errorf("the report from %s = %+v, %v; want a duplicate pointing at the 2 drafts", link, again, err)
		}
	}
	if n, _ := store.Count(ctx); n != 2 {
		t.Errorf("%d incidents after ingesting again, want 2", n)
	}

	// Once the arrest is published, another report of it is proposed as its
	// source, for an editor to accept: the published incident is unchanged.
	arrest.Status = incidents.StatusPublished
	if _, err := store.Update(ctx, arrest); err != nil {
		t.Fatal(err)
	}
	other := ingest.Report{Text: "ألقت قوات الأمن القبض على ثلاثة أشخاص في سراقب يوم 3 ديسمبر 2025.",
		Published: r.Published, Source: incidents.Source{Title: "تقرير آخر", URL: "https://example.org/report-2"}}
	res, err = ingest.Ingest(ctx, store, x, other)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Drafts) != 0 || len(res.Proposed) != 1 || res.Proposed[0].ID != arrest.ID || len(res.Proposed[0].Sources) != 1 {
		t.Errorf("confirming report = %+v, want the published arrest proposed, unchanged, and no new draft", res)
	}
	if props, _ := store.Proposals(ctx, arrest.ID, 0, 0); len(props) != 1 || props[0].Source.URL != other.Source.URL {
		t.Errorf("proposals of the arrest = %+v, want the second report", props)
	}
	if again, err := ingest.Ingest(ctx, store, x, other); err != nil || !again.Duplicate {
		t.Errorf("the proposing report again = %+v, %v; want a duplicate", again, err)
	}
}

func TestIngest_BadReports(t *testing.T) {
	store, x := setup(t)
	for name, r := range map[string]ingest.Report{
		"no text":             {Text: "  ", Source: incidents.Source{Title: "t"}},
		"no source":           {Text: report},
		"javascript url":      {Text: report, Source: incidents.Source{URL: "javascript:alert(1)"}},
		"url with a password": {Text: report, Source: incidents.Source{URL: "https://editor:secret@news.example/a"}},
		"invalid UTF-8":       {Text: "\xff\xfe", Source: incidents.Source{Title: "t"}},
		"unknown lang":        {Text: report, Lang: "fr", Source: incidents.Source{Title: "t"}},
		"published in year 9999": {Text: report, Published: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
			Source: incidents.Source{Title: "t", Published: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}},
		"NUL in the text":     {Text: report + "\x00", Source: incidents.Source{Title: "t"}},
		"NUL in the title":    {Text: report, Source: incidents.Source{Title: "t\x00"}},
		"a 500 KB source URL": {Text: report, Source: incidents.Source{URL: "https://example.org/" + strings.Repeat("a", 500_000)}},
	} {
		if _, err := ingest.Ingest(context.Background(), store, x, r); !errors.Is(err, ingest.ErrBadReport) {
			t.Errorf("%s: %v, want ErrBadReport", name, err)
		}
	}
	if n, _ := store.Count(context.Background()); n != 0 {
		t.Errorf("bad reports stored %d incidents", n)
	}
}

// TestIngest_TooManyCandidates: a report proposing more than MaxCandidates
// incidents is refused whole, saying how many it gave, and stores nothing;
// one just under the limit is taken. Sentences written for this test: one
// shelling a day, each on its own date.
func TestIngest_TooManyCandidates(t *testing.T) {
	daily := func(days int) string {
		var b strings.Builder
		d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range days {
			fmt.Fprintf(&b, "Artillery shelling on the town of Dana killed one civilian on %s. ", d.AddDate(0, 0, i).Format("January 2, 2006"))
		}
		return b.String()
	}
	store, x := setup(t)
	_, err := ingest.Ingest(context.Background(), store, x, ingest.Report{Lang: "en", Text: daily(ingest.MaxCandidates + 20),
		Source: incidents.Source{Title: "a year of shelling, day by day"}})
	if !errors.Is(err, ingest.ErrBadReport) || !strings.Contains(err.Error(), fmt.Sprint(ingest.MaxCandidates+20, " candidate incidents")) {
		t.Errorf("a report of %d incidents: %v; want ErrBadReport saying how many", ingest.MaxCandidates+20, err)
	}
	if n, _ := store.Count(context.Background()); n != 0 {
		t.Errorf("the refused report stored %d incidents", n)
	}
	res, err := ingest.Ingest(context.Background(), store, x, ingest.Report{Lang: "en", Text: daily(ingest.MaxCandidates - 20),
		Source: incidents.Source{Title: "most of a year of shelling"}})
	if err != nil || len(res.Drafts) != ingest.MaxCandidates-20 {
		t.Errorf("a report of %d incidents gave %d drafts, %v", ingest.MaxCandidates-20, len(res.Drafts), err)
	}
}

func TestIngest_NoIncident(t *testing.T) {
	store, x := setup(t)
	res, err := ingest.Ingest(context.Background(), store, x, ingest.Report{
		Text: "افتتحت البلدية حديقة عامة جديدة في مدينة حمص.", Source: incidents.Source{Title: "خبر محلي"}})
	if err != nil || len(res.Drafts) != 0 {
		t.Errorf("a report with no incident gave %+v, %v", res, err)
	}
}

// TestIngest_English ingests an English report, detected and given: the same
// drafts, with the evidence as the English summary. Sentences written for it.
func TestIngest_English(t *testing.T) {
	const text = "Security forces arrested three men in the town of Saraqib in rural Idlib on December 3, 2025. " +
		"Separately, two civilians were killed by artillery shelling on the town of Dana on December 4, 2025."
	for _, lang := range []string{"", "en"} {
		store, x := setup(t)
		res, err := ingest.Ingest(context.Background(), store, x, ingest.Report{Text: text, Lang: lang,
			Published: time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC), Source: incidents.Source{Title: "an English report"}})
		if err != nil || len(res.Drafts) != 2 {
			t.Fatalf("lang %q: ingest = %+v, %v; want 2 drafts", lang, res, err)
		}
		for _, d := range res.Drafts {
			if d.Admin1PCode != "SY07" || d.SummaryEN == "" || d.SummaryAR != "" {
				t.Errorf("lang %q: draft %s in %s, summaries %q / %q; want Idlib, the evidence in English", lang, d.Type, d.Admin1PCode, d.SummaryEN, d.SummaryAR)
			}
		}
	}
}

// TestIngest_LongEvidence: a report whose incident is told in one very long
// sentence gets its draft, the evidence cut to fit a summary
// (incidents.MaxSummaryBytes), not a refusal of the whole report.
func TestIngest_LongEvidence(t *testing.T) {
	store, x := setup(t)
	text := "Artillery shelling on the town of Dana killed two civilians on December 4, 2025" +
		strings.Repeat(", and the residents said the shells kept falling", 2000) + "."
	res, err := ingest.Ingest(context.Background(), store, x, ingest.Report{Lang: "en", Text: text,
		Source: incidents.Source{Title: "a report told in one sentence"}})
	if err != nil || len(res.Drafts) != 1 {
		t.Fatalf("ingest = %+v, %v; want one draft", res, err)
	}
	if s := res.Drafts[0].SummaryEN; len(s) > incidents.MaxSummaryBytes || !strings.Contains(s, "cut to") {
		t.Errorf("summary of %d bytes, want at most %d with a note saying it was cut", len(s), incidents.MaxSummaryBytes)
	}
}
