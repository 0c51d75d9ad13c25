package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/bothstores"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/storetest"
	"github.com/mapsrv/mapsrv/web"
)

// TestItems_LentBuffersNotReusedEarly: a page's features are read into
// buffers lent for its request and given back once it is sent, to be lent
// to the next request. Pages asked for at once, plain and compressed, fresh
// and from the cache, must each hold exactly their incidents' features: a
// buffer given back before its page was sent would have another page's
// bytes written into it (and is overwritten as it is given back, here).
func TestItems_LentBuffersNotReusedEarly(t *testing.T) {
	feature.PoisonReturned.Store(true)
	defer feature.PoisonReturned.Store(false)
	bothstores.Run(t, checkLentPages)
}

// lendStore is what checkLentPages needs of a store.
type lendStore interface {
	incidents.Store
	Preload(context.Context) error
}

func checkLentPages(t *testing.T, store lendStore) {
	ctx := context.Background()
	if _, err := store.Add(ctx, storetest.LatticeIncidents(rand.New(rand.NewPCG(51, 52)), 1500)); err != nil {
		t.Fatal(err)
	}
	if err := store.Preload(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.NewServer(web.Config{Store: store}))
	defer srv.Close()
	want := map[int64][]byte{}
	var urls []string
	for i := range 12 {
		lon, lat := storetest.LatticeLon(i), storetest.LatticeLat(19-i)
		urls = append(urls, fmt.Sprintf("%s/api/collections/incidents/items?bbox=%.4f,%.4f,%.4f,%.4f&limit=1000",
			srv.URL, lon-0.3, lat-0.3, lon+0.3, lat+0.3))
	}
	var mu sync.Mutex
	expect := func(id int64) []byte {
		mu.Lock()
		defer mu.Unlock()
		if b, ok := want[id]; ok {
			return b
		}
		inc, err := store.Get(ctx, id)
		if err != nil {
			t.Error(err)
			return nil
		}
		b, err := feature.AppendFeature(nil, inc)
		if err != nil {
			t.Error(err)
		}
		want[id] = b
		return b
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 60 {
				url := urls[(g*7+i)%len(urls)]
				req, _ := http.NewRequest(http.MethodGet, url, nil)
				if i%3 != 0 {
					req.Header.Set("Cache-Control", "no-cache")
				}
				zipped := i%2 == 1
				if zipped {
					req.Header.Set("Accept-Encoding", "gzip")
				} else {
					req.Header.Set("Accept-Encoding", "identity")
				}
				resp, err := http.DefaultTransport.RoundTrip(req)
				if err != nil {
					t.Error(err)
					return
				}
				var r io.Reader = resp.Body
				if zipped {
					if r, err = gzip.NewReader(resp.Body); err != nil {
						t.Error(err)
						return
					}
				}
				body, err := io.ReadAll(r)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					t.Errorf("%s: %d, %v", url, resp.StatusCode, err)
					return
				}
				var fc struct {
					Features []json.RawMessage `json:"features"`
				}
				if err := json.Unmarshal(body, &fc); err != nil || len(fc.Features) < 20 {
					t.Errorf("%s: %d features, %v", url, len(fc.Features), err)
					return
				}
				for _, f := range fc.Features {
					var id struct{ ID int64 }
					json.Unmarshal(f, &id)
					if w := expect(id.ID); !bytes.Equal(f, w) {
						t.Errorf("%s: feature %d\n%s\nwant\n%s", url, id.ID, f, w)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
