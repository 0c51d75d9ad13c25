package web

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// itemETag is the strong entity tag of one incident as r is answered (RFC
// 9110 8.8.3): a digest of its GeoJSON feature as encoded, so that it
// changes exactly when what a client reads of the incident does, whichever
// store or process wrote it, then a dot and a digest of the host and scheme
// its links begin with (absURL). Without the latter (before round 25) the
// answers through two hosts or schemes, whose links differ, had one strong
// tag, and a cache revalidating either got a 304 that could serve it the
// other's links. A write's preconditions compare the state alone
// (sameState): a tag read through one host is as good as through another.
func itemETag(r *http.Request, inc incidents.Incident) (string, error) {
	b, err := feature.AppendFeature(nil, inc)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	base := sha256.Sum256([]byte(absURL(r, "")))
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + "." + base64.RawURLEncoding.EncodeToString(base[:6]) + `"`, nil
}

// itemState is the part of an incident's tag (itemETag) naming its state:
// the tag without its link base. A tag of before round 25, or any other,
// is returned as it is.
func itemState(tag string) string {
	if i := strings.IndexByte(tag, '.'); i >= 0 && strings.HasSuffix(tag, `"`) {
		return tag[:i] + `"`
	}
	return tag
}

// sameTag compares entity tags as written; sameState compares incidents'
// tags by the state they name, whatever host and scheme they were read
// through (itemETag).
func sameTag(a, b string) bool   { return a == b }
func sameState(a, b string) bool { return itemState(a) == itemState(b) }

// errPreconditionFailed answers a write whose If-Match names none of the
// incident's current state: someone else saved it since the client read it
// (OGC API – Features Part 4; RFC 9110 13.1.1); or whose If-None-Match
// names it, or is "*" (RFC 9110 13.1.2). noneMatch tells the two apart.
type errPreconditionFailed struct {
	current    string
	noneMatch  bool
	read       bool      // If-Match on GET or HEAD
	since      time.Time // If-Unmodified-Since's date, when it failed
	collection bool      // a POST to a collection
	updated    time.Time // the incident's updated_at then
}

func (e errPreconditionFailed) Error() string {
	if e.collection && e.noneMatch {
		return fmt.Sprintf("If-None-Match: the collection is in a state the header names (its ETag is %s, and \"*\" names any: a collection always exists), so nothing was created", e.current)
	}
	if e.collection {
		return fmt.Sprintf("If-Match: the collection is in none of the states named (its ETag is %s, a weak one, which If-Match never matches; \"*\" matches), so nothing was created", e.current)
	}
	if !e.since.IsZero() {
		return fmt.Sprintf("If-Unmodified-Since: the incident was modified at %s, after %s (its ETag is now %s)%s",
			e.updated.UTC().Format(time.RFC3339), e.since.UTC().Format(http.TimeFormat), e.current, e.advice())
	}
	if e.read {
		return fmt.Sprintf("If-Match: the incident is in none of the states named (its ETag is now %s)", e.current)
	}
	if e.noneMatch {
		return fmt.Sprintf("If-None-Match: the incident is in a state the header names (its ETag is %s, and \"*\" names any): the write is for another state, so nothing was changed", e.current)
	}
	return fmt.Sprintf("If-Match: the incident has changed since it was read (its ETag is now %s): read it again and reapply the change", e.current)
}

// advice ends a failed If-Unmodified-Since's detail: a write is told what
// to do, a read is not.
func (e errPreconditionFailed) advice() string {
	if e.read {
		return ""
	}
	return ": nothing was changed; read it again and reapply the change"
}

// checkPreconditions tests the If-Match, If-Unmodified-Since and
// If-None-Match headers of a write r against inc, the incident as stored,
// in the order RFC 9110 13.2.2 gives. If-Match: no header, "*", or a list
// holding inc's tag passes; weak tags never match (it compares strongly).
// If-Unmodified-Since (read only without If-Match): see unmodifiedSince.
// If-None-Match: no header, or a list holding neither "*" nor inc's tag,
// weak or strong, passes (it compares weakly); a write of an incident that
// does not exist never gets here, so If-None-Match: * passes only there,
// before its 404.
func checkPreconditions(r *http.Request, inc incidents.Incident) error {
	ifMatch := headerList(r, "If-Match")
	ifNoneMatch := headerList(r, "If-None-Match")
	since, hasSince := unmodifiedSince(r)
	if strings.TrimSpace(ifMatch)+strings.TrimSpace(ifNoneMatch) == "" && !hasSince {
		return nil
	}
	current, err := itemETag(r, inc)
	if err != nil {
		return err
	}
	if !ifMatchHolds(r, current, sameState) {
		return errPreconditionFailed{current: current}
	}
	if hasSince && modifiedAfter(inc, since) {
		return errPreconditionFailed{current: current, since: since, updated: inc.UpdatedAt}
	}
	if noneMatch(r, current, sameState) {
		return errPreconditionFailed{current: current, noneMatch: true}
	}
	return nil
}

// headerList is the list of r's field name, its lines joined as one list
// (RFC 9110 5.3).
func headerList(r *http.Request, name string) string {
	return strings.Join(r.Header.Values(name), ",")
}

// unmodifiedSince returns r's If-Unmodified-Since date and whether it is
// to be evaluated (RFC 9110 13.1.4): not when If-Match is present, which
// says more, nor when the field is not one valid HTTP-date (several fields,
// a list or any other text is ignored, as the RFC asks).
func unmodifiedSince(r *http.Request) (time.Time, bool) {
	if strings.TrimSpace(headerList(r, "If-Match")) != "" {
		return time.Time{}, false
	}
	vals := r.Header.Values("If-Unmodified-Since")
	if len(vals) != 1 {
		return time.Time{}, false
	}
	t, err := http.ParseTime(strings.TrimSpace(vals[0]))
	return t, err == nil
}

// modifiedAfter reports whether inc was last modified (its updated_at)
// after since. An HTTP-date holds whole seconds, so updated_at is cut to
// the second first, as net/http's ServeContent does: a date written from
// the incident's own updated_at holds, and a change within that same
// second is not seen (If-Match sees every change). A source corrected
// through another incident changes this one's feature but not its
// updated_at, so it is not seen either.
func modifiedAfter(inc incidents.Incident, since time.Time) bool {
	return inc.UpdatedAt.Truncate(time.Second).After(since)
}

// ifMatchHolds reports whether r's If-Match is absent, "*" or a list
// holding etag, compared strongly (RFC 9110 13.1.1) by same: weak tags
// never match. An If-Match that is empty is read as absent, as net/http
// reads it.
func ifMatchHolds(r *http.Request, etag string, same func(a, b string) bool) bool {
	header := headerList(r, "If-Match")
	return strings.TrimSpace(header) == "" ||
		slices.ContainsFunc(entityTags(header), func(tag string) bool {
			return tag == "*" || same(tag, etag) && !strings.HasPrefix(tag, "W/") && !strings.HasPrefix(etag, "W/")
		})
}

// entityTags splits an If-Match or If-None-Match list into its tags, as
// written ("*", `"x"`, `W/"x"`); a comma inside quotes belongs to its tag.
func entityTags(header string) []string {
	var tags []string
	var cur strings.Builder
	quoted := false
	for _, c := range header {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			tags = append(tags, strings.TrimSpace(cur.String()))
			cur.Reset()
			continue
		}
		cur.WriteRune(c)
	}
	return append(tags, strings.TrimSpace(cur.String()))
}

// noneMatch reports whether r's If-None-Match holds etag or "*", compared
// weakly as RFC 9110 13.1.2 asks, by same: the client's copy is current.
func noneMatch(r *http.Request, etag string, same func(a, b string) bool) bool {
	header := headerList(r, "If-None-Match")
	if strings.TrimSpace(header) == "" {
		return false
	}
	for _, tag := range entityTags(header) {
		if tag == "*" || same(strings.TrimPrefix(tag, "W/"), strings.TrimPrefix(etag, "W/")) {
			return true
		}
	}
	return false
}

// checkCollectionPreconditions tests the If-Match and If-None-Match of a
// POST r to the collection of incidents of status, whose representation is
// its listing (RFC 9110 13.1.1, 13.1.2): the collection always exists, so
// If-Match: * holds and If-None-Match: * does not (a 412: "create only if
// there is no collection" can never be done), and a tag is compared with
// the ETag a GET of the collection without parameters carries now. That tag
// is weak, so no tag in If-Match holds (it compares strongly), and one in
// If-None-Match fails only while the collection is as that GET gave it.
// Nothing is held between the test and the write: the collection's version
// only moves on, so a write let through was let through rightly.
// If-Unmodified-Since is ignored, as 13.1.4 asks of a resource with no
// modification date.
func checkCollectionPreconditions(r *http.Request, store incidentStore, status incidents.Status) error {
	ifMatch := headerList(r, "If-Match")
	ifNoneMatch := headerList(r, "If-None-Match")
	if strings.TrimSpace(ifMatch)+strings.TrimSpace(ifNoneMatch) == "" {
		return nil
	}
	v, err := versionOf(r.Context(), store, status)
	if err != nil {
		return err
	}
	current := listingETag(r, status, v, etagQuery(url.Values{}, nil))
	if !ifMatchHolds(r, current, sameTag) {
		return errPreconditionFailed{current: current, collection: true}
	}
	if noneMatch(r, current, sameTag) {
		return errPreconditionFailed{current: current, noneMatch: true, collection: true}
	}
	return nil
}
