package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Role is what a bearer token allows.
type Role string

// The roles: an editor may do every write (create, edit, publish, delete,
// ingest, list drafts); an ingest token may only post reports to /api/ingest.
const (
	RoleEditor Role = "editor"
	RoleIngest Role = "ingest"
)

// Tokens holds the configured bearer tokens by their SHA-256, so that lookups
// compare fixed-length digests in constant time.
type Tokens struct {
	digests [][32]byte
	roles   []Role
}

// ParseTokens reads "role:token,role:token" (MAPSRV_TOKENS). Tokens must be at
// least 16 characters; the roles are editor and ingest. Space around a token
// is not part of it ("editor: abc…" is the token "abc…"), as a request's is
// not; one token given twice is refused, since its role would depend on the
// order.
func ParseTokens(s string) (Tokens, error) {
	var t Tokens
	for _, entry := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' }) {
		n := len(t.roles) + 1
		role, token, ok := strings.Cut(strings.TrimSpace(entry), ":")
		role, token = strings.TrimSpace(role), strings.TrimSpace(token)
		if !ok || (Role(role) != RoleEditor && Role(role) != RoleIngest) {
			return Tokens{}, fmt.Errorf("tokens: entry %d: want role:token with role editor or ingest", n)
		}
		if len(token) < 16 {
			return Tokens{}, fmt.Errorf("tokens: entry %d: a token needs at least 16 characters", n)
		}
		d := sha256.Sum256([]byte(token))
		if i := slices.Index(t.digests, d); i >= 0 {
			return Tokens{}, fmt.Errorf("tokens: entry %d: the token of entry %d again: give each token once, with one role", n, i+1)
		}
		t.digests = append(t.digests, d)
		t.roles = append(t.roles, Role(role))
	}
	return t, nil
}

// role returns the role of a presented token. Every configured digest is
// compared, whatever matches, so timing tells nothing.
func (t Tokens) role(token string) (Role, bool) {
	d := sha256.Sum256([]byte(token))
	var found Role
	for i, want := range t.digests {
		if subtle.ConstantTimeCompare(d[:], want[:]) == 1 {
			found = t.roles[i]
		}
	}
	return found, found != ""
}

// requireRole wraps a write handler: no or an unknown token is 401, a known
// token without one of the allowed roles is 403. Tokens are never logged.
func requireRole(t Tokens, allowed []Role, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		role, ok := t.role(strings.TrimSpace(token))
		switch {
		case !strings.EqualFold(scheme, "Bearer") || !ok:
			w.Header().Set("WWW-Authenticate", `Bearer realm="mapsrv"`)
			detail := "this needs an Authorization: Bearer token"
			if len(t.digests) == 0 {
				detail = "writes are disabled: the server has no tokens configured (MAPSRV_TOKENS)"
			}
			writeProblem(w, http.StatusUnauthorized, detail)
		case !slices.Contains(allowed, role):
			writeProblem(w, http.StatusForbidden, fmt.Sprintf("the %s role's token may not do this", role))
		default:
			next.ServeHTTP(w, r)
		}
	})
}
