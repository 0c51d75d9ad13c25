package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// exportParams are the query parameters of the export endpoint.
var exportParams = append([]string{"f"}, filterParams...)

// exportPage is how many incidents an export reads and writes at a time:
// memory stays that of one page whatever the export's size.
const exportPage = 1000

// exportPageTime is how long writing one page to a slow client may take; the
// server's write timeout is moved on page by page, so a large export is not
// cut off at it.
const exportPageTime = 60 * time.Second

// handleIncidentExport serves GET /api/collections/incidents/export: every
// published incident matching the items filters, newest first, as one GeoJSON
// FeatureCollection (f=geojson, the default) or CSV (f=csv), streamed as a
// download while the store is paged through. Nothing is left out: there is
// no limit. A failure part way aborts the connection, so that a client never
// takes a cut file for a whole one.
func handleIncidentExport(store incidentStore, budget *semaphore.Weighted, pageTimeout time.Duration, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		format := r.URL.Query().Get("f")
		f, err := readFilters(r.URL.Query(), exportParams, func(url.Values) error {
			if format != "" && format != "geojson" && format != "json" && format != "csv" {
				return badRequest{fmt.Sprintf("f: %q is not one of geojson, csv", format)}
			}
			return nil
		})
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		if notModified(w, r, store, incidents.StatusPublished, log) {
			return
		}
		name, kind := "incidents.geojson", "application/geo+json"
		if format == "csv" {
			name, kind = "incidents.csv", "text/csv; charset=utf-8"
		}
		w.Header().Set("Content-Type", kind)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		out := &startWriter{ResponseWriter: w}
		n, err := exportPages(r.Context(), out, store, budget, f, format == "csv", pageTimeout)
		switch {
		case err == nil:
			return
		case !out.started:
			writeError(w, r, log, err) // nothing sent yet: a clear answer can still be given
			return
		case r.Context().Err() != nil:
			log.Info("export ended by its client", "path", r.URL.Path, "written", n)
		default:
			log.Error("export failed part way", "path", r.URL.Path, "query", r.URL.RawQuery, "written", n, "err", err)
		}
		// Cut the connection, with no end of the chunked body: a client must
		// never take a cut file for a whole one.
		panic(http.ErrAbortHandler)
	})
}

// exportPages writes f's incidents page by page and returns how many.
func exportPages(ctx context.Context, w http.ResponseWriter, store incidentStore, budget *semaphore.Weighted, f incidents.Filter, csv bool, pageTimeout time.Duration) (int, error) {
	rc := http.NewResponseController(w)
	out := exportOut{}
	if csv {
		out.csv = feature.NewCSVWriter(w)
	} else {
		out.features = feature.NewCollectionWriter(w)
	}
	f.Limit = exportPage
	n := 0
	for {
		rc.SetWriteDeadline(time.Now().Add(exportPageTime)) // not every writer supports it; then the server's applies
		if err := budget.Acquire(ctx, exportPage); err != nil {
			return n, err
		}
		next, got, err := pageWithin(ctx, pageTimeout, func(ctx context.Context) (*incidents.Cursor, int, error) {
			return out.page(ctx, store, f)
		})
		budget.Release(exportPage)
		if err != nil {
			return n, err
		}
		n += got
		rc.Flush()
		if next == nil {
			break
		}
		f.After = next
	}
	return n, out.close(n)
}

// pageWithin runs one page's read, ended at the query timeout: however
// long an export runs, each of its queries is bounded. A page cut off
// returns the timeout, which says so.
func pageWithin(ctx context.Context, limit time.Duration, page func(context.Context) (*incidents.Cursor, int, error)) (*incidents.Cursor, int, error) {
	pctx, cancel := context.WithTimeoutCause(ctx, limit, queryTimeout{limit})
	defer cancel()
	next, got, err := page(pctx)
	if err != nil && ctx.Err() == nil && pctx.Err() != nil {
		err = context.Cause(pctx)
	}
	return next, got, err
}

// startWriter notes whether anything was written, after which a failure
// can no longer be answered with a status.
type startWriter struct {
	http.ResponseWriter
	started bool
}

func (s *startWriter) Write(b []byte) (int, error) {
	s.started = true
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *startWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// exportOut is an export's writer: of GeoJSON features, or of CSV rows.
type exportOut struct {
	features *feature.CollectionWriter
	csv      *feature.CSVWriter
}

// page writes one page and returns the cursor after it (nil after the
// last) and its size.
func (o exportOut) page(ctx context.Context, store incidentStore, f incidents.Filter) (*incidents.Cursor, int, error) {
	if o.features != nil {
		page, err := findFeatures(ctx, store, f)
		if err != nil {
			return nil, 0, err
		}
		for _, e := range page {
			if err := o.features.WriteEncoded(e.JSON); err != nil {
				return nil, 0, err
			}
		}
		if len(page) < f.Limit {
			return nil, len(page), nil
		}
		return &page[len(page)-1].After, len(page), nil
	}
	found, err := store.Find(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	for _, inc := range found {
		if err := o.csv.Write(inc); err != nil {
			return nil, 0, err
		}
	}
	// Each page reaches the client whole, as the GeoJSON pages do.
	if err := o.csv.Flush(); err != nil {
		return nil, 0, err
	}
	if len(found) < f.Limit {
		return nil, len(found), nil
	}
	c := incidents.CursorOf(found[len(found)-1])
	return &c, len(found), nil
}

// close ends the document: the collection's closing members, or the CSV
// header alone when nothing matched.
func (o exportOut) close(n int) error {
	if o.features != nil {
		return o.features.Close(map[string]any{"numberMatched": n, "timeStamp": time.Now().UTC().Format(time.RFC3339)})
	}
	return o.csv.Flush()
}
