package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// TestItems_PageLengthDeclared: a listing page is sent with its length
// (not chunked) and is whole, and a compressed one carries no length of the
// uncompressed page.
func TestItems_PageLengthDeclared(t *testing.T) {
	srv, _ := newTestServer(t)
	url := srv.URL + "/api/collections/incidents/items?limit=1000"
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Cache-Control", "no-cache")
	req.Header.Set("Accept-Encoding", "identity") // or the client asks for gzip itself
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.ContentLength != int64(len(body)) || len(resp.TransferEncoding) > 0 {
		t.Errorf("Content-Length %d, Transfer-Encoding %v, for %d bytes", resp.ContentLength, resp.TransferEncoding, len(body))
	}
	var fc struct {
		Features []struct {
			ID int64 `json:"id"`
		} `json:"features"`
		NumberReturned int `json:"numberReturned"`
	}
	if err := json.Unmarshal(body, &fc); err != nil {
		t.Fatal(err)
	}
	if len(fc.Features) == 0 || len(fc.Features) != fc.NumberReturned {
		t.Errorf("%d features, numberReturned %d", len(fc.Features), fc.NumberReturned)
	}

	req.Header.Set("Accept-Encoding", "gzip")
	resp, err = http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	zipped, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	if resp.ContentLength != -1 && resp.ContentLength != int64(len(zipped)) {
		t.Errorf("gzip: Content-Length %d for %d bytes", resp.ContentLength, len(zipped))
	}
}
