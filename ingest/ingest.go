// Package ingest turns a news report, Arabic or English, into draft incidents
// for an editor to review: it extracts candidates from the text, stores new
// ones as drafts linked to the report and, for published incidents the report
// restates, proposes it as a source for an editor to accept or reject instead
// of storing twins. It never changes what the public sees. Ingesting the same
// report twice, even at once, stores nothing new.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/incidents"
)

// Report is one news report to ingest.
type Report struct {
	Text      string
	Published time.Time // publication date; zero when unknown (relative dates then stay unknown)
	Lang      string    // "ar", "en", or "" to detect it from the text
	Source    incidents.Source
}

// Result says what ingesting a report did.
type Result struct {
	Drafts    []incidents.Incident // new drafts, stored
	Proposed  []incidents.Incident // published incidents the report is proposed as a source of, as they stand
	Duplicate bool                 // the report was ingested before: nothing was stored
}

// Extractor proposes candidate incidents from a report in a language ("" to
// detect it); *extract.Extractor is one.
type Extractor interface {
	ExtractLang(text string, published time.Time, lang string) []extract.Candidate
}

// Store is what ingestion needs of an incidents.Store.
type Store interface {
	Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error)
	Get(ctx context.Context, id int64) (incidents.Incident, error)
	AddReport(ctx context.Context, r incidents.Report) ([]int64, error)
}

// ErrBadReport is wrapped by errors about the report itself.
var ErrBadReport = errors.New("ingest: invalid report")

// ErrExtractFailed is wrapped by the error of a report the extractor failed
// on (a defect of the extractor, not of the report): nothing is stored. The
// error holds the failure and where it happened, for the log.
var ErrExtractFailed = errors.New("ingest: the extractor failed on this report")

// MaxText is the longest report text accepted, in bytes: the most the
// extractor reads as one report (extract.PartBytes).
const MaxText = extract.PartBytes

// MaxCandidates is the most incidents one report may propose. A report that
// gives more is refused whole, asking for it in parts, rather than flooding the
// review queue: a 150 KB text naming a town and a toll in each sentence gave
// 2,639 drafts in one request, and each candidate costs a look for its
// published twin. News reports, even monthly tallies told incident by
// incident, stay far below it.
const MaxCandidates = 500

// syriaCentre stands for a candidate whose place the gazetteer did not find:
// a draft at country precision that the editor must place.
var syriaCentre = orb.Point{38.5, 35.0}

// Ingest stores the incidents of r as drafts (see the package comment).
func Ingest(ctx context.Context, store Store, x Extractor, r Report) (Result, error) {
	r.Source.URL = incidents.CanonicalURL(r.Source.URL) // the same report from another link is the same report
	if err := check(r); err != nil {
		return Result{}, err
	}
	// A report seen before is known without extracting it again; the store
	// decides for good, inside its write.
	if seen, err := storedFrom(ctx, store, r.Source); err != nil || len(seen) > 0 {
		return Result{Drafts: seen, Duplicate: true}, err
	}
	rep := incidents.Report{Source: r.Source}
	var res Result
	text := ReadableText(r.Text)
	lang := r.Lang
	if lang == "" {
		lang = extract.DetectLanguage(text)
	}
	cands, err := extractSafely(x, text, r.Published, lang)
	if err != nil {
		return Result{}, err
	}
	if len(cands) > MaxCandidates {
		return Result{}, fmt.Errorf("%w: text: it gives %d candidate incidents, more than the %d one report may propose; send it in parts",
			ErrBadReport, len(cands), MaxCandidates)
	}
	share := evidenceShare(len(text), len(cands))
	for _, c := range cands {
		inc := draftOf(c, r.Source, lang, share, len(cands))
		twin, ok, err := publishedTwin(ctx, store, inc)
		if err != nil {
			return Result{}, err
		}
		if ok && !slices.Contains(rep.Proposals, twin.ID) {
			rep.Proposals = append(rep.Proposals, twin.ID)
			res.Proposed = append(res.Proposed, twin)
		} else if !ok {
			rep.Drafts = append(rep.Drafts, inc)
		}
	}
	if len(rep.Drafts) == 0 && len(rep.Proposals) == 0 {
		return res, nil
	}
	ids, err := store.AddReport(ctx, rep)
	if errors.Is(err, incidents.ErrDuplicate) {
		seen, err := storedFrom(ctx, store, r.Source)
		return Result{Drafts: seen, Duplicate: true}, err
	} else if err != nil {
		return Result{}, err
	}
	for _, id := range ids {
		d, err := store.Get(ctx, id)
		if err != nil {
			return Result{}, err
		}
		res.Drafts = append(res.Drafts, d)
	}
	return res, nil
}

// ReadableText is a report's text as the extractor reads it: without the
// invisible format characters (U+200F, U+200E, ZWNJ, ZWJ, bidi isolates and
// overrides, a BOM; [incidents.WithoutFormatControls]) that text copied from
// a news site or a message carries, inside words too. The gazetteer took one
// for the end of a word, so a town's name holding one named no town and its
// incident was proposed at its governorate, with no place (round 26).
func ReadableText(text string) string { return incidents.WithoutFormatControls(text) }

// extractSafely is x.ExtractLang, its panic turned into an error wrapping
// ErrExtractFailed with the stack: a report the extractor cannot read (310
// town names separated by commas did) was answered a 500 that said nothing,
// logged without where it failed.
func extractSafely(x Extractor, text string, published time.Time, lang string) (cands []extract.Candidate, err error) {
	defer func() {
		if p := recover(); p != nil {
			cands, err = nil, fmt.Errorf("%w: %v\n%s", ErrExtractFailed, p, debug.Stack())
		}
	}()
	return x.ExtractLang(text, published, lang), nil
}

// storedFrom returns the incidents, drafts and published, citing src: at
// most MaxCandidates of them, as many as one report may give. Any number
// may cite a source (an import whose every row names one dataset), and all
// were read and answered: a report posted again under the URL 20,000
// imported incidents cite was answered 15 MB of them, for an ingest token.
func storedFrom(ctx context.Context, store Store, src incidents.Source) ([]incidents.Incident, error) {
	var seen []incidents.Incident
	for _, status := range incidents.Statuses {
		if len(seen) >= MaxCandidates {
			break
		}
		found, err := store.Find(ctx, incidents.Filter{SourceKey: incidents.SourceKey(src), Status: status, Limit: MaxCandidates - len(seen)})
		if err != nil {
			return nil, err
		}
		seen = append(seen, found...)
	}
	return seen, nil
}

func check(r Report) error {
	switch {
	case strings.TrimSpace(r.Text) == "":
		return fmt.Errorf("%w: text: empty", ErrBadReport)
	case len(r.Text) > MaxText:
		return fmt.Errorf("%w: text: %d bytes, at most %d", ErrBadReport, len(r.Text), MaxText)
	case !utf8.ValidString(r.Text):
		return fmt.Errorf("%w: text: not valid UTF-8", ErrBadReport)
	case strings.IndexByte(r.Text, 0) >= 0:
		return fmt.Errorf("%w: text: holds a NUL character", ErrBadReport)
	case r.Source.URL == "" && r.Source.Title == "":
		return fmt.Errorf("%w: source: a url or a title is required, to know the report again", ErrBadReport)
	case extract.CheckLanguage(r.Lang) != nil:
		return fmt.Errorf("%w: lang: %q, want \"ar\", \"en\" or none to detect it", ErrBadReport, r.Lang)
	}
	if err := incidents.CheckSourceURL("source.url", r.Source.URL); err != nil {
		return fmt.Errorf("%w: %w", ErrBadReport, err)
	}
	if err := incidents.CheckDate("published", r.Published); err != nil {
		return fmt.Errorf("%w: %w", ErrBadReport, err)
	}
	for _, f := range []struct {
		name, text string
		most       int
	}{{"source.url", r.Source.URL, incidents.MaxURLBytes}, {"source.title", r.Source.Title, incidents.MaxTitleBytes},
		{"source.publisher", r.Source.Publisher, incidents.MaxPublisherBytes}} {
		if err := incidents.CheckText(f.name, f.text, f.most); err != nil {
			return fmt.Errorf("%w: %w", ErrBadReport, err)
		}
	}
	return nil
}

// maxEvidence is as much of a candidate's evidence as its draft's summary
// keeps, leaving room within incidents.MaxSummaryBytes for the notes.
const maxEvidence = incidents.MaxSummaryBytes - 4<<10

// minEvidence is as much of its evidence as a draft keeps however many
// others share the report: a sentence or two.
const minEvidence = 512

// evidenceShare is as much of its evidence as each of n candidates of a
// report of textBytes keeps: together about twice the report (a sentence
// may be evidence of two incidents), and minEvidence each at least. Each
// kept up to maxEvidence, and a report of one sentence repeated gave
// drafts whose evidence came to 60 times the report (24 KB: 303 drafts,
// 1.3 MB of evidence, stored and answered).
func evidenceShare(textBytes, n int) int {
	if n == 0 {
		return maxEvidence
	}
	return min(maxEvidence, max(minEvidence, 2*textBytes/n))
}

// draftOf turns a candidate into a draft incident, keeping most bytes of
// its evidence (of one of n candidates of the report). The evidence
// sentences are the summary in the report's language; notes for the
// reviewer go in the English summary.
func draftOf(c extract.Candidate, src incidents.Source, lang string, most, n int) incidents.Incident {
	if len(c.Evidence) > most {
		c.Evidence = strings.ToValidUTF8(c.Evidence[:most], "") + "…"
		if most == maxEvidence {
			c.Notes = append(c.Notes, fmt.Sprintf("the evidence is cut to its first %d KiB", maxEvidence>>10))
		} else {
			c.Notes = append(c.Notes, fmt.Sprintf("the evidence is cut to its first %d bytes: the report gives %d candidate incidents, whose evidence together is kept to about twice the report's length; the report has the rest", most, n))
		}
	}
	inc := incidents.Incident{
		Type: incidents.Type(c.IncidentType), DateFrom: c.DateFrom, DateTo: c.DateTo,
		DatePrecision: incidents.DatePrecision(c.DatePrecision), PlaceNameAR: c.PlaceNameAR,
		PlaceNameEN: c.PlaceNameEN, Admin1PCode: c.Admin1PCode, Admin1Name: c.Admin1Name, Location: c.Location,
		GeoPrecision: incidents.GeoPrecision(c.GeoPrecision), Killed: c.Killed, Injured: c.Injured,
		Arrested: c.Arrested, SummaryAR: c.Evidence, Status: incidents.StatusDraft,
		Sources: []incidents.Source{src},
	}
	if c.DateFrom.IsZero() || c.DateTo.IsZero() {
		inc.DateFrom, inc.DateTo, inc.DatePrecision = time.Time{}, time.Time{}, ""
	} else if incidents.CheckDate("date_from", c.DateFrom) != nil || incidents.CheckDate("date_to", c.DateTo) != nil {
		inc.DateFrom, inc.DateTo, inc.DatePrecision = time.Time{}, time.Time{}, ""
		c.Notes = append(c.Notes, "the date read is outside the dates accepted: left for the editor")
	}
	if !c.HasLocation || inc.GeoPrecision == "" {
		inc.Location, inc.GeoPrecision = syriaCentre, incidents.GeoCountry
		c.Notes = append(c.Notes, "no place found: drawn at the centre of Syria until placed")
	}
	if len(c.Notes) > 0 {
		inc.SummaryEN = "Extraction notes: " + strings.Join(c.Notes, "; ")
	}
	if lang == "en" {
		inc.SummaryAR, inc.SummaryEN = "", strings.TrimSpace(c.Evidence+"\n\n"+inc.SummaryEN)
	}
	return inc
}

// twinRadius is how far apart, in degrees, two reports of one incident may
// place it: about 2 km.
const twinRadius = 0.02

// publishedTwin finds a published incident of the same type, at the same
// place, whose dates overlap inc's: the same event told by another report.
func publishedTwin(ctx context.Context, store Store, inc incidents.Incident) (incidents.Incident, bool, error) {
	if inc.DateFrom.IsZero() || inc.GeoPrecision == incidents.GeoCountry {
		return incidents.Incident{}, false, nil
	}
	p := inc.Location
	found, err := store.Find(ctx, incidents.Filter{
		Types:  []incidents.Type{inc.Type},
		Bounds: []orb.Bound{{Min: orb.Point{p.Lon() - twinRadius, p.Lat() - twinRadius}, Max: orb.Point{p.Lon() + twinRadius, p.Lat() + twinRadius}}},
		Period: incidents.Between(inc.DateFrom, inc.DateTo.Add(24*time.Hour-time.Nanosecond)),
		Limit:  1,
	})
	if err != nil || len(found) == 0 {
		return incidents.Incident{}, false, err
	}
	return found[0], true, nil
}
