package web

import (
	"io/fs"
	"strings"
	"testing"
)

// TestIndex_PreloadsEveryModule: the page names every module of js/ in a
// modulepreload link, so that the browser fetches them at once rather than
// import by import (a round trip each level deeper).
func TestIndex_PreloadsEveryModule(t *testing.T) {
	index, err := fs.ReadFile(staticFS, "static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	mods, err := fs.Glob(staticFS, "static/js/*.js")
	if err != nil || len(mods) < 10 {
		t.Fatalf("modules: %v, %v", mods, err)
	}
	for _, m := range mods {
		name := strings.TrimPrefix(m, "static/")
		if name != "js/app.js" && !strings.Contains(string(index), `<link rel="modulepreload" href="`+name+`">`) {
			t.Errorf("index.html does not preload %s", name)
		}
	}
}
