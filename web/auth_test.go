package web

import (
	"strings"
	"testing"
)

// A token is what a client can send: a request's token is read without the
// space around it, so a configured one with space around it ("editor: abc…",
// easily written in a tokens file) was a token no request could match,
// silently. One token given with two roles took the role of whichever came
// last: it is refused, naming the entries and never the token.
func TestParseTokens_SpaceAndDuplicates(t *testing.T) {
	const tok = "abcdefabcdefabcdef"
	for _, s := range []string{"editor: " + tok, "editor:" + tok + "  ", " editor :\t" + tok + "\r\n"} {
		tk, err := ParseTokens(s)
		if role, ok := tk.role(tok); err != nil || !ok || role != RoleEditor {
			t.Errorf("ParseTokens(%q): %v; the token %q has role %q, %v; want editor", s, err, tok, role, ok)
		}
	}
	for _, s := range []string{
		"editor:" + tok + ",ingest:" + tok,
		"ingest:" + tok + "\neditor: " + tok,
		"editor:" + tok + ",editor:" + tok,
	} {
		_, err := ParseTokens(s)
		if err == nil || !strings.Contains(err.Error(), "entry 2") || !strings.Contains(err.Error(), "entry 1") {
			t.Errorf("ParseTokens(%q) = %v; want an error naming entries 2 and 1", s, err)
		} else if strings.Contains(err.Error(), tok) {
			t.Errorf("the error tells the token: %v", err)
		}
	}
}
