package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/mux"
	"golang.org/x/sync/semaphore"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/internal/jsondup"
)

// errUnsupportedMedia answers a body of a type, or in a content coding, an
// endpoint does not read.
type errUnsupportedMedia struct {
	got      string
	encoding bool   // got is the Content-Encoding
	charset  string // the charset of got, which is not UTF-8
}

func (e errUnsupportedMedia) Error() string {
	if e.encoding {
		return fmt.Sprintf("Content-Encoding %q is not accepted: send the body uncompressed", e.got)
	}
	if e.charset != "" {
		return fmt.Sprintf("Content-Type %q: charset %q is not accepted: JSON is sent in UTF-8", e.got, e.charset)
	}
	return fmt.Sprintf("Content-Type %q is not accepted: send application/json or application/geo+json", e.got)
}

// bodiesInFlight bounds the bytes of request bodies being read at once. A
// body is read as its client sends it, each held until the whole has come
// (for up to the server's ReadTimeout): 500 writes of 1 MiB bodies sent but
// for their last byte held 622 MB, and as many as the connection cap lets
// in (8,192 by default) some 10 GB, for anyone holding a token.
const bodiesInFlight = 64 << 20

// bodies counts the bytes of request bodies being read.
var bodies = semaphore.NewWeighted(bodiesInFlight)

// bodyWait is how long a body being read waits for room to grow in
// bodiesInFlight before its write is answered 503.
const bodyWait = 10 * time.Second

// firstBodyBytes is the room a body is read into first; it doubles as the
// body comes, to its Content-Length. Small, so that connections sending a
// byte each cannot fill bodiesInFlight: the default cap on connections
// (8,192) holds 4 MiB so.
const firstBodyBytes = 512

// errBodiesBusy answers a write that waited bodyWait for room for its body.
type errBodiesBusy struct{ read, want int64 }

func (e errBodiesBusy) Error() string {
	return fmt.Sprintf("the server is reading %d MiB of other request bodies, the most it reads at once, and this one, %d bytes in, waited %s for room for %d: retry in a few seconds",
		bodiesInFlight>>20, e.read, bodyWait, e.want)
}

// readHeld reads a body of at most limit bytes, which said it was declared
// bytes long (-1: it did not), holding in bodies the room its buffer takes
// as the bytes come: the buffer starts at firstBodyBytes and doubles, up to
// the Content-Length and one byte to see the end, each step waiting for its
// room. A body's share was its whole Content-Length, taken before the first
// byte was read: 64 connections of one client declaring 1 MiB each and
// sending nothing held all of bodiesInFlight, and every other write waited
// its 10 s for a 503, for as long as they kept their connections. Now what
// a client holds is what it has sent, twice at most. release gives the room
// back; the caller calls it once done with b.
func readHeld(ctx context.Context, r io.Reader, declared, limit int64) (b []byte, release func(), err error) {
	most := limit + 1
	if declared >= 0 && declared < limit {
		most = declared + 1
	}
	var held int64 // room taken in bodies: the buffer's capacity, at most bodiesInFlight
	counted := func(n int) int64 { return min(int64(n), bodiesInFlight) }
	release = func() {
		if held > 0 {
			bodies.Release(held)
			held = 0
		}
	}
	for {
		if len(b) == cap(b) {
			size := min(max(2*cap(b), firstBodyBytes), int(max(most, int64(cap(b))+1)))
			more := counted(size) - held
			wait, cancel := context.WithTimeout(ctx, bodyWait)
			err := bodies.Acquire(wait, more)
			cancel()
			if err != nil {
				release()
				if ctx.Err() != nil {
					return nil, nil, ctx.Err()
				}
				return nil, nil, errBodiesBusy{read: int64(len(b)), want: int64(size)}
			}
			held += more
			b = append(make([]byte, 0, size), b...)
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, release, nil
		}
		if err != nil {
			release()
			return nil, nil, err
		}
	}
}

// readBody reads a JSON request body of at most limit bytes. A body in a
// content coding (gzip) is refused with a 415 saying so (RFC 7694), where
// it was read as if it were not: a gzip body was "not valid UTF-8", and a
// plain one labelled gzip was stored.
func readBody(w http.ResponseWriter, r *http.Request, limit int64, types ...string) ([]byte, error) {
	for _, ce := range r.Header.Values("Content-Encoding") {
		if ce = strings.TrimSpace(ce); ce != "" && !strings.EqualFold(ce, "identity") {
			w.Header().Set("Accept-Encoding", "identity")
			return nil, errUnsupportedMedia{got: ce, encoding: true}
		}
	}
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	ok := ct == "application/json"
	for _, t := range types {
		ok = ok || ct == t
	}
	if !ok {
		return nil, errUnsupportedMedia{got: r.Header.Get("Content-Type")}
	}
	// JSON is UTF-8 (RFC 8259): a body said to be in another charset was
	// read as UTF-8 whatever it said, so that Latin-1 "Ã©" was stored as
	// "é". It is refused, naming the charset.
	if cs, given := params["charset"]; given && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return nil, errUnsupportedMedia{got: r.Header.Get("Content-Type"), charset: cs}
	}
	if err := checkContentCRS(r.Header.Values("Content-Crs")); err != nil {
		return nil, err
	}
	b, release, err := readHeld(r.Context(), http.MaxBytesReader(w, r.Body, limit), r.ContentLength, limit)
	if err != nil {
		if errors.As(err, new(errBodiesBusy)) {
			w.Header().Set("Retry-After", busyRetry)
		}
		return nil, err
	}
	defer release()
	// RFC 8259 (8.1) lets a parser ignore a UTF-8 byte order mark, which
	// Notepad and PowerShell write; mapsrv import skips it, and a body
	// opening with one was refused as "not valid JSON", saying no more.
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(b) {
		return nil, badRequest{"the body is not valid UTF-8"}
	}
	if !json.Valid(b) {
		return nil, badRequest{"the body is not valid JSON: " + syntaxError(b)}
	}
	if path, name, before := jsondup.Find(b, ""); name != "" {
		where := ""
		if path != "" {
			where = " in " + path
		}
		if before != name {
			where += fmt.Sprintf(" (as %q before it: names are matched whatever their case)", before)
		}
		return nil, badRequest{fmt.Sprintf("member %q given twice%s: which one is meant is not clear", name, where)}
	}
	return b, nil
}

// syntaxError says where b, which is not valid JSON, stops being JSON:
// "invalid character 'x' after top-level value at byte 321" (counting
// from 1, the byte encoding/json stopped at), "unexpected end of JSON
// input".
func syntaxError(b []byte) string {
	var se *json.SyntaxError
	if err := json.Unmarshal(b, new(json.RawMessage)); !errors.As(err, &se) || strings.HasPrefix(se.Error(), "unexpected end") {
		return "unexpected end of JSON input"
	}
	return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
}

// checkContentCRS refuses a body whose Content-Crs header (OGC API –
// Features Part 2, for Part 4's writes: a URI in angle brackets) names a
// CRS other than CRS84, the one GeoJSON positions are in: the header was
// ignored, so that a body said to be in EPSG:4326, latitude first, was
// read longitude first.
func checkContentCRS(values []string) error {
	if len(values) > 1 {
		return badRequest{"Content-Crs given twice"}
	}
	for _, v := range values {
		name := strings.TrimSpace(v)
		name = strings.TrimSuffix(strings.TrimPrefix(name, "<"), ">")
		if err := feature.CheckCRSName(name); err != nil {
			return badRequest{"Content-Crs: " + err.Error()}
		}
	}
	return nil
}

// pathID is the incident id of the path, or a 404 naming it.
func pathID(r *http.Request) (int64, error) { return parsePathID(r, "incident") }

// parsePathID reads the {id} of the path as an id is written: decimal digits
// with no sign, no leading zero and nothing around them, as every link and
// Location gives it. Any other spelling is a 404 naming it, as an unknown id
// is: strconv read a sign and leading zeros, so that .../items/05, /+5 and
// /5%20 all answered incident 5, one resource at many paths.
func parsePathID(r *http.Request, kind string) (int64, error) {
	s := mux.Vars(r)["id"]
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || strconv.FormatInt(id, 10) != s {
		return 0, fmt.Errorf("%w: %s %q", incidents.ErrNotFound, kind, s)
	}
	return id, nil
}

// handleIncidentCreate serves POST on a collection's items (OGC API – Features
// Part 4): one GeoJSON feature in, 201 with its Location out. Features without
// a status get def.
func handleIncidentCreate(store incidentStore, def incidents.Status, limit int64, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := checkCollectionPreconditions(r, store, def)
		var body []byte
		if err == nil {
			body, err = readBody(w, r, limit, "application/geo+json")
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		inc, err := feature.Unmarshal(body, def)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		// created_at and updated_at are the server's record of the write,
		// as PUT and PATCH keep them: a client's are ignored (an import,
		// which restores a database, keeps them).
		inc.CreatedAt, inc.UpdatedAt = time.Time{}, time.Time{}
		ids, err := store.Add(r.Context(), []incidents.Incident{inc})
		if err == nil {
			inc, err = store.Get(r.Context(), ids[0])
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		respondIncident(w, r, inc, http.StatusCreated, log)
	})
}

// handleIncidentReplace serves PUT: the whole feature is replaced; without a
// status it keeps the one it had.
func handleIncidentReplace(store incidentStore, coll incidents.Status, limit int64, log *slog.Logger) http.Handler {
	return handleIncidentUpdate(store, coll, limit, log, prepareReplace, "application/geo+json")
}

// editFunc derives the new incident from the stored one, inside the store's
// write transaction.
type editFunc func(current incidents.Incident) (incidents.Incident, error)

// prepareReplace decodes and validates a PUT's feature before the write
// transaction, where it was decoded inside it: a 1 MiB feature of 87,000
// unknown properties held SQLite's write lock while it was read and
// refused. Only the status it defaults to, when it gives none, depends on
// what is stored, and that changes only one check (a published incident
// needs its dates): the feature is made an incident once for each status
// the stored one may have, and the transaction takes the one made for it.
// A feature refused alike whatever the stored status is refused before.
func prepareReplace(body []byte) (editFunc, error) {
	p, err := feature.Parse(body)
	if err != nil {
		return nil, err
	}
	if p.Status() != "" {
		inc, err := p.Incident(p.Status())
		if err != nil {
			return nil, err
		}
		return func(incidents.Incident) (incidents.Incident, error) { return inc, nil }, nil
	}
	type made struct {
		inc incidents.Incident
		err error
	}
	byStatus := make(map[incidents.Status]made, len(incidents.Statuses))
	var refusal error
	refusedAlike := true
	for _, s := range incidents.Statuses {
		inc, err := p.Incident(s)
		byStatus[s] = made{inc, err}
		switch {
		case err == nil:
			refusedAlike = false
		case refusal == nil:
			refusal = err
		case err.Error() != refusal.Error():
			refusedAlike = false
		}
	}
	if refusedAlike && refusal != nil {
		return nil, refusal
	}
	return func(current incidents.Incident) (incidents.Incident, error) {
		if m, ok := byStatus[current.Status]; ok {
			return m.inc, m.err
		}
		return p.Incident(current.Status)
	}, nil
}

// handleIncidentPatch serves PATCH with a JSON merge patch (RFC 7396) of the
// feature: {"properties":{"status":"published"}} publishes a draft.
func handleIncidentPatch(store incidentStore, coll incidents.Status, limit int64, log *slog.Logger) http.Handler {
	return handleIncidentUpdate(store, coll, limit, log, preparePatch, "application/merge-patch+json")
}

// preparePatch checks a merge patch before the write transaction
// (checkMergePatch); the transaction merges what is left into the stored
// feature.
func preparePatch(body []byte) (editFunc, error) {
	body, err := checkMergePatch(body)
	if err != nil {
		return nil, err
	}
	return func(current incidents.Incident) (incidents.Incident, error) {
		doc, err := json.Marshal(feature.Of(current))
		if err != nil {
			return incidents.Incident{}, err
		}
		patched, err := mergePatch(doc, body)
		if err != nil {
			return incidents.Incident{}, err
		}
		return feature.Unmarshal(patched, current.Status)
	}, nil
}

// handleIncidentUpdate reads the body and lets prepare check it before the
// write transaction is begun, then derives the new incident from the stored
// one with the edit prepare returns, inside the store's write transaction:
// a concurrent edit of other fields is never lost, and the transaction
// holds the lock only to read, check and write. An If-Match naming another
// state of the incident, or an If-None-Match naming its state or "*",
// answers 412 and stores nothing; an incident not in
// the collection of the path (coll: a published one under drafts, a draft
// under incidents) is 404, as a GET of that path answers.
func handleIncidentUpdate(store incidentStore, coll incidents.Status, limit int64, log *slog.Logger,
	prepare func(body []byte) (editFunc, error), types ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := pathID(r)
		var body []byte
		if err == nil {
			body, err = readBody(w, r, limit, types...)
		}
		var edit editFunc
		if err == nil {
			edit, err = prepare(body)
		}
		var stored incidents.Incident
		if err == nil {
			stored, err = store.Edit(r.Context(), id, func(current incidents.Incident) (incidents.Incident, error) {
				if err := checkCollection(coll, current); err != nil {
					return incidents.Incident{}, err
				}
				if err := checkPreconditions(r, current); err != nil {
					return incidents.Incident{}, err
				}
				return edit(current)
			})
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		respondIncident(w, r, stored, http.StatusOK, log)
	})
}

// handleIncidentDelete serves DELETE: 204, 404 if there was nothing in the
// path's collection (coll), or 412 when If-Match names another state of the
// incident or If-None-Match names its state or "*". Discarding a draft
// another editor has just published thus leaves the published incident
// alone.
func handleIncidentDelete(store incidentStore, coll incidents.Status, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := pathID(r)
		if err == nil {
			err = store.DeleteIf(r.Context(), id, func(current incidents.Incident) error {
				if err := checkCollection(coll, current); err != nil {
					return err
				}
				return checkPreconditions(r, current)
			})
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}

// checkCollection answers 404 for an incident a write names under the
// collection of the other status: GET of that path is 404 too, and a write
// meant for a draft must not reach the incident it has since become.
func checkCollection(coll incidents.Status, current incidents.Incident) error {
	if current.Status != coll {
		return fmt.Errorf("%w: incident %d is not in the %s collection", incidents.ErrNotFound, current.ID, collectionOf(coll))
	}
	return nil
}

func collectionOf(s incidents.Status) string {
	if s == incidents.StatusDraft {
		return "drafts"
	}
	return "incidents"
}

// respondIncident answers with the stored incident as a feature, with its
// ETag and its Location.
func respondIncident(w http.ResponseWriter, r *http.Request, inc incidents.Incident, status int, log *slog.Logger) {
	etag, err := itemETag(r, inc)
	if err != nil {
		writeError(w, r, log, err)
		return
	}
	coll := collectionOf(inc.Status)
	w.Header().Set("ETag", etag)
	w.Header().Set("Location", absURL(r, fmt.Sprintf("/api/collections/%s/items/%d", coll, inc.ID)))
	writeJSON(w, status, "application/geo+json", feature.Of(inc))
}

// mergePatch applies an RFC 7396 JSON merge patch to doc.
func mergePatch(doc, patch []byte) ([]byte, error) {
	var d, p any
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(patch, &p); err != nil {
		return nil, badRequest{"the patch is not valid JSON"}
	}
	if _, ok := p.(map[string]any); !ok {
		return nil, badRequest{"a merge patch must be a JSON object"}
	}
	merged, err := merge(d, p, "")
	if err != nil {
		return nil, err
	}
	return json.Marshal(merged)
}

// merge applies patch to target, at path in the document. A member of the
// patch named as one of the target but for case is refused: merged, the
// two would be read as one (encoding/json matches names whatever their
// case), and the patch was applied or dropped by the order of the names:
// {"properties":{"Killed":5}} changed nothing and answered 200.
func merge(target, patch any, path string) (any, error) {
	pm, ok := patch.(map[string]any)
	if !ok {
		return patch, nil
	}
	tm, ok := target.(map[string]any)
	if !ok {
		tm = map[string]any{}
	}
	// The target's names as they fold, taken before the patch adds its own
	// (which differ from each other whatever their case: readBody saw to
	// that): one look-up a member, where comparing each with every name
	// merged so far cost a patch of 87,000 members over a minute.
	folded := make(map[string]string, len(tm))
	for name := range tm {
		folded[jsondup.Key(name)] = name
	}
	for k, v := range pm {
		if name, ok := folded[jsondup.Key(k)]; ok && name != k {
			return nil, badRequest{fmt.Sprintf("the patch's member %q%s is %q in the feature: write it as the feature does", k, inPath(path), name)}
		}
		if v == nil {
			delete(tm, k)
			continue
		}
		merged, err := merge(tm[k], v, strings.TrimPrefix(path+"."+k, "."))
		if err != nil {
			return nil, err
		}
		tm[k] = merged
	}
	return tm, nil
}

// inPath is " in path", or "" at the top of a document.
func inPath(path string) string {
	if path == "" {
		return ""
	}
	return " in " + path
}
