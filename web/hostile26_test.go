package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// placeAnswer is what the gazetteer tests compare of a geocode or a
// suggestion: the place, not the query echoed.
type placeAnswer struct {
	NameEN      string  `json:"name_en"`
	Admin1PCode string  `json:"admin1_pcode"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
}

// Round 26: a place name pasted from the news with an invisible mark inside
// (U+200F, a soft hyphen, ZWJ, a bidi isolate, a BOM) answered another place:
// "Dama" U+00AD "scus" was "Dama" (Ayki Dam), "Sara" ZWJ "qib" was "Sara", the
// Arabic سراقب with one a 404, and no suggestion at all for any of them, where
// a text search (q on the incidents) leaves the marks out since round 22.
func TestPlaces_InvisibleMarksInNames(t *testing.T) {
	srv, _ := newTestServer(t)
	marks := map[string]string{"U+200F": "\u200f", "U+200E": "\u200e", "ZWNJ": "\u200c", "ZWJ": "\u200d",
		"soft hyphen": "\u00ad", "U+061C": "\u061c", "U+2067": "\u2067", "BOM": "\ufeff", "U+202E": "\u202e"}
	names := [][2]string{{"Sara", "qib"}, {"Dama", "scus"}, {"سرا", "قب"}, {"البدر", "وسية"}, {"Kafr Nab", "utha"}}
	for _, n := range names {
		var want placeAnswer
		getJSON(t, srv.URL+"/api/geocode?q="+url.QueryEscape(n[0]+n[1]), http.StatusOK, &want)
		var wantSuggest struct{ Places []placeAnswer }
		getJSON(t, srv.URL+"/api/places?q="+url.QueryEscape(withoutLastRune(n[0]+n[1])), http.StatusOK, &wantSuggest)
		if want.NameEN == "" || len(wantSuggest.Places) == 0 {
			t.Fatalf("%s%s: geocode %+v, suggestions %+v: want a place and a suggestion", n[0], n[1], want, wantSuggest)
		}
		for name, m := range marks {
			q := n[0] + m + n[1]
			var got placeAnswer
			getJSON(t, srv.URL+"/api/geocode?q="+url.QueryEscape(q), http.StatusOK, &got)
			if got != want {
				t.Errorf("geocode %q (%s inside) = %+v, want %+v as without it", q, name, got, want)
			}
			var suggest struct{ Places []placeAnswer }
			getJSON(t, srv.URL+"/api/places?q="+url.QueryEscape(withoutLastRune(q)), http.StatusOK, &suggest)
			if len(suggest.Places) == 0 || suggest.Places[0] != wantSuggest.Places[0] {
				t.Errorf("places %q (%s inside) = %+v, want first %+v as without it", q, name, suggest.Places, wantSuggest.Places[0])
			}
		}
	}
}

// withoutLastRune is s as typed one character short of its end: a prefix.
func withoutLastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[:len(s)-n]
}

// Round 26: a place name that is not UTF-8 or holds a control character was
// answered 200 with no suggestion, or 404 "no place matches", where the
// incidents' q says 400 "not valid UTF-8": the request, not the gazetteer, is
// wrong, and "Dama" NUL "scus" was even answered with another place.
func TestPlaces_BadBytesAreBadRequests(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, raw := range []string{"%C0%AF", "Dam%FF", "%ED%A0%80abc", "Dama%00scus", "Dam%01", "%1B%5B31mDam", "Dam%7F"} {
		for _, path := range []string{"/api/geocode", "/api/places"} {
			resp, err := http.Get(srv.URL + path + "?q=" + raw)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var problem struct{ Detail string }
			json.Unmarshal(body, &problem)
			if resp.StatusCode != http.StatusBadRequest || !strings.HasPrefix(problem.Detail, "q: ") {
				t.Errorf("GET %s?q=%s = %d %s, want 400 naming q", path, raw, resp.StatusCode, body)
			}
		}
	}
	// Whitespace is not refused: a tab or a line feed between words is a space.
	var got placeAnswer
	getJSON(t, srv.URL+"/api/geocode?q=Deir%09ez-Zor%0A", http.StatusOK, &got)
	if got.Admin1PCode != "SY09" {
		t.Errorf("geocode Deir<TAB>ez-Zor = %+v, want Deir ez-Zor (SY09)", got)
	}
}
