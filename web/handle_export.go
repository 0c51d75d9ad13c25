package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"
	"unsafe"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// exportParams are the query parameters of the export endpoint.
var exportParams = append([]string{"f"}, filterParams...)

// exportPage is how many incidents an export reads and writes at a time:
// memory stays that of one page whatever the export's size.
const exportPage = 1000

// exportsAtOnce is how many export pages are read at once. Exports queue
// among themselves for these, apart from the listings' budget: however many
// run, the map's own requests never wait behind them (40 exports with a
// costly filter once kept listings waiting up to 11 s), and the pages they
// hold stay a few MB.
const exportsAtOnce = 2

// exportsPerClient is how many of those one client (clientOf) reads at
// once, and the clients of one site or network together (turnLines).
// The slots were first come first served, page by page: one client looping
// 32 exports whose filter read every row held both, and another client's
// export of one page waited 17-23 s behind them, each further page as long
// again, with no end to the wait. A client now waits in its own line first,
// so another's export waits behind one page of its at most.
const exportsPerClient = 1

// errExportsBusy answers an export that waited the query timeout for its
// first turn.
type errExportsBusy struct {
	wait time.Duration
	own  bool // it waited behind its own client's, site's or network's exports
}

func (e errExportsBusy) Error() string {
	whose := "other clients' exports"
	if e.own {
		whose = "other exports of this client or of its network"
	}
	return fmt.Sprintf("the export waited %s for its turn behind %s: the server reads %d export pages at once, %d a client, a site or a network; retry in a few seconds",
		e.wait, whose, exportsAtOnce, exportsPerClient)
}

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
func handleIncidentExport(store incidentStore, slots *filterTurns, pageTimeout time.Duration, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		format := r.URL.Query().Get("f")
		f, ok := readPublished(w, r, store, exportParams, func(url.Values) error {
			if format != "" && format != "geojson" && format != "json" && format != "csv" {
				return badRequest{fmt.Sprintf("f: %q is not one of geojson, csv", format)}
			}
			return nil
		}, log)
		if !ok {
			return
		}
		name, kind := "incidents.geojson", "application/geo+json"
		if format == "csv" {
			name, kind = "incidents.csv", "text/csv; charset=utf-8"
		}
		w.Header().Set("Content-Type", kind)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		out := &startWriter{ResponseWriter: w}
		// A HEAD reads the first page only, so that its status is the one a
		// GET starts with: the rest would be read and encoded to be dropped.
		onePage := r.Method == http.MethodHead
		n, err := exportPages(r.Context(), out, store, slots, turnLines(r.RemoteAddr), f, format == "csv", onePage, pageTimeout)
		switch {
		case err == nil:
			return
		case !out.started: // nothing sent yet: a clear answer can still be given
			w.Header().Del("Content-Disposition")
			if errors.As(err, new(errExportsBusy)) {
				w.Header().Set("Retry-After", busyRetry)
			}
			writeError(w, r, log, err)
			return
		case r.Context().Err() != nil:
			log.Info("export ended by its client", "path", logText(r.URL.Path), "written", n)
		default:
			log.Error("export failed part way", "path", logText(r.URL.Path), "query", logQuery(r.URL.RawQuery), "written", n, "err", err)
		}
		// Cut the connection, with no end of the chunked body: a client must
		// never take a cut file for a whole one.
		panic(http.ErrAbortHandler)
	})
}

// exportPages writes f's incidents page by page, or the first page only,
// and returns how many. Each page is read in a turn of client's (slots):
// the first waits for it at most pageTimeout.
func exportPages(ctx context.Context, w http.ResponseWriter, store incidentStore, slots *filterTurns, lines []string, f incidents.Filter, csv, onePage bool, pageTimeout time.Duration) (int, error) {
	rc := http.NewResponseController(w)
	out := exportOut{}
	if csv {
		out.csv = feature.NewCSVWriter(w)
	} else {
		out.features = feature.NewCollectionWriter(w)
	}
	f.Limit = exportPage
	n, first := 0, true
	for {
		rc.SetWriteDeadline(time.Now().Add(exportPageTime)) // not every writer supports it; then the server's applies
		release, err := exportTurn(ctx, slots, lines, first, pageTimeout)
		first = false
		if err != nil {
			return n, err
		}
		page, err := pageWithin(ctx, pageTimeout, func(ctx context.Context) (exportPageData, error) {
			return out.read(ctx, store, f)
		})
		if err != nil {
			release()
			return n, err
		}
		// A client slow to read must not keep the other exports waiting: the
		// page is sent after its slot is given back, while the pages held so
		// fit in parkedBytes (as a listing's are), and within its slot beyond.
		size, count, more := page.bytes(), page.len(), page.more
		var after *incidents.Cursor
		if count > 0 {
			after = page.after()
		}
		if parked.TryAcquire(size) {
			release()
			err = out.write(page)
			parked.Release(size)
		} else {
			err = out.write(page)
			release()
		}
		// Nothing of the page is held past its count: the flush below waits
		// on a client slow to read, and the next page on a slot. Each
		// export waiting so held its last page (through the cursor, which
		// pointed into it), outside parkedBytes: 1,000 clients reading
		// nothing held 1.2 GB.
		page = exportPageData{}
		if err != nil {
			return n, err
		}
		n += count
		rc.Flush()
		if onePage || count < f.Limit && !more {
			break
		}
		f.After = after
	}
	return n, out.close(n)
}

// exportTurn waits for a turn in lines (turnLines) to read an export's page: the
// first page's within the query timeout (pageTimeout), so that an export
// the server cannot start soon is answered 503 before anything is sent,
// where it waited as long as its client did; later pages' as long as their
// client stays, behind one page of each other network's at most.
func exportTurn(ctx context.Context, slots *filterTurns, lines []string, first bool, pageTimeout time.Duration) (func(), error) {
	if !first {
		release, _, err := slots.take(ctx, lines)
		return release, err
	}
	wait := pageTimeout
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	release, whose, err := slots.take(wctx, lines)
	if err != nil && ctx.Err() == nil {
		err = errExportsBusy{wait: wait, own: whose != ""}
	}
	return release, err
}

// pageWithin runs one page's read, ended at the query timeout: however
// long an export runs, each of its queries is bounded. A page cut off
// returns the timeout, which says so.
func pageWithin(ctx context.Context, limit time.Duration, read func(context.Context) (exportPageData, error)) (exportPageData, error) {
	pctx, cancel := context.WithTimeoutCause(ctx, limit, queryTimeout{limit})
	defer cancel()
	page, err := read(pctx)
	if err != nil && ctx.Err() == nil && pctx.Err() != nil {
		err = context.Cause(pctx)
	}
	return page, err
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

// exportPageData is one page read: encoded features, or incidents for CSV.
type exportPageData struct {
	features []feature.Encoded
	found    []incidents.Incident
	more     bool // ended by its bytes (pageBytes) before its limit: more follow
}

func (p exportPageData) len() int { return len(p.features) + len(p.found) }

// bytes is what the page holds in memory: its features' buffers and list,
// or its incidents and their text. It counted a feature's bytes alone (the
// pages parked within parkedBytes held 11% more on SQLite and 46% more on
// PostGIS) and an incident as 1 KiB, whose two summaries may be 32 KiB each.
func (p exportPageData) bytes() int64 {
	n := feature.PageBytes(p.features) + int64(cap(p.found))*int64(unsafe.Sizeof(incidents.Incident{}))
	for i := range p.found {
		n += incidentText(&p.found[i])
	}
	return n
}

// incidentText is the memory inc's text and sources hold beyond the
// Incident itself.
func incidentText(inc *incidents.Incident) int64 {
	n := len(inc.PlaceNameAR) + len(inc.PlaceNameEN) + len(inc.Admin1PCode) + len(inc.Admin1Name) +
		len(inc.Admin2PCode) + len(inc.SummaryAR) + len(inc.SummaryEN) + cap(inc.Sources)*int(unsafe.Sizeof(incidents.Source{}))
	for _, c := range []*int{inc.Killed, inc.Injured, inc.Arrested} {
		if c != nil {
			n += 8
		}
	}
	for _, s := range inc.Sources {
		n += len(s.Title) + len(s.URL) + len(s.Publisher)
	}
	return int64(n)
}

// after is the cursor after the page's last incident, a copy: a pointer
// into the page kept the whole page, every feature's bytes, alive.
func (p exportPageData) after() *incidents.Cursor {
	var c incidents.Cursor
	if len(p.features) > 0 {
		c = p.features[len(p.features)-1].After
	} else {
		c = incidents.CursorOf(p.found[len(p.found)-1])
	}
	return &c
}

// read reads one page of f, ended at pageBytes: a page of 1,000 incidents
// with long summaries was read whole (60 MB of 30 KB summaries; at the
// limits of an incident's text, some 400 MB).
func (o exportOut) read(ctx context.Context, store incidentStore, f incidents.Filter) (exportPageData, error) {
	if o.features != nil {
		page, more, err := findFeaturesWithin(ctx, store, f, pageBytes(f.Limit))
		return exportPageData{features: page, more: more}, err
	}
	found, more, err := findWithin(ctx, store, f, pageBytes(f.Limit))
	return exportPageData{found: found, more: more}, err
}

// write writes one page; each reaches the client whole.
func (o exportOut) write(p exportPageData) error {
	for _, e := range p.features {
		if err := o.features.WriteEncoded(e.JSON); err != nil {
			return err
		}
	}
	for _, inc := range p.found {
		if err := o.csv.Write(inc); err != nil {
			return err
		}
	}
	if o.csv != nil {
		return o.csv.Flush()
	}
	return nil
}

// close ends the document: the collection's closing members, or the CSV
// header alone when nothing matched.
func (o exportOut) close(n int) error {
	if o.features != nil {
		return o.features.Close(map[string]any{"numberMatched": n, "timeStamp": time.Now().UTC().Format(time.RFC3339)})
	}
	return o.csv.Flush()
}
