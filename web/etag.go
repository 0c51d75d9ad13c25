package web

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// itemETag is the strong entity tag of one incident (RFC 9110 8.8.3): a
// digest of its GeoJSON feature as encoded, so that it changes exactly when
// what a client reads of the incident does, whichever store or process
// wrote it.
func itemETag(inc incidents.Incident) (string, error) {
	b, err := feature.AppendFeature(nil, inc)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`, nil
}

// errPreconditionFailed answers a write whose If-Match names none of the
// incident's current state: someone else saved it since the client read it
// (OGC API – Features Part 4; RFC 9110 13.1.1); or whose If-None-Match
// names it, or is "*" (RFC 9110 13.1.2). noneMatch tells the two apart.
type errPreconditionFailed struct {
	current   string
	noneMatch bool
	read      bool // If-Match on GET or HEAD
}

func (e errPreconditionFailed) Error() string {
	if e.read {
		return fmt.Sprintf("If-Match: the incident is in none of the states named (its ETag is now %s)", e.current)
	}
	if e.noneMatch {
		return fmt.Sprintf("If-None-Match: the incident is in a state the header names (its ETag is %s, and \"*\" names any): the write is for another state, so nothing was changed", e.current)
	}
	return fmt.Sprintf("If-Match: the incident has changed since it was read (its ETag is now %s): read it again and reapply the change", e.current)
}

// checkPreconditions tests the If-Match and If-None-Match headers of a
// write r against inc, the incident as stored, in the order RFC 9110 13.2.2
// gives. If-Match: no header, "*", or a list holding inc's tag passes; weak
// tags never match (it compares strongly). If-None-Match: no header, or a
// list holding neither "*" nor inc's tag, weak or strong, passes (it
// compares weakly); a write of an incident that does not exist never gets
// here, so If-None-Match: * passes only there, before its 404.
func checkPreconditions(r *http.Request, inc incidents.Incident) error {
	ifMatch := strings.Join(r.Header.Values("If-Match"), ",")
	ifNoneMatch := strings.Join(r.Header.Values("If-None-Match"), ",")
	if strings.TrimSpace(ifMatch)+strings.TrimSpace(ifNoneMatch) == "" {
		return nil
	}
	current, err := itemETag(inc)
	if err != nil {
		return err
	}
	if !ifMatchHolds(r, current) {
		return errPreconditionFailed{current: current}
	}
	if noneMatch(r, current) {
		return errPreconditionFailed{current: current, noneMatch: true}
	}
	return nil
}

// ifMatchHolds reports whether r's If-Match is absent, "*" or a list
// holding etag, compared strongly (RFC 9110 13.1.1): weak tags never match.
// An If-Match that is empty is read as absent, as net/http reads it.
func ifMatchHolds(r *http.Request, etag string) bool {
	header := strings.Join(r.Header.Values("If-Match"), ",")
	return strings.TrimSpace(header) == "" ||
		slices.ContainsFunc(entityTags(header), func(tag string) bool { return tag == "*" || tag == etag })
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
// weakly as RFC 9110 13.1.2 asks: the client's copy is current.
func noneMatch(r *http.Request, etag string) bool {
	header := strings.Join(r.Header.Values("If-None-Match"), ",")
	if strings.TrimSpace(header) == "" {
		return false
	}
	for _, tag := range entityTags(header) {
		if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}
