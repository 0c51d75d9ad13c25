package web

import (
	"net/http/httptest"
	"testing"
)

// editorToken is the bearer token of the editor in the internal tests.
const editorToken = "editor-token-0123456789"

// editorServer serves store on loopback, with editorToken an editor's, until
// the test ends.
func editorServer(t *testing.T, store incidentStore) *httptest.Server {
	t.Helper()
	tokens, err := ParseTokens("editor:" + editorToken)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewServer(Config{Store: store, Tokens: tokens}))
	t.Cleanup(srv.Close)
	return srv
}
