package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents"
)

// orderedFilters holds every read with a filter, min_killed or words until
// release is closed, and records in which order they reached the store by
// their min_killed (0 for none).
type orderedFilters struct {
	heldFilters
	omu   sync.Mutex
	order []int
}

func (o *orderedFilters) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	if f.Where != nil || f.MinKilled != 0 || f.Text != "" {
		o.omu.Lock()
		o.order = append(o.order, f.MinKilled)
		o.omu.Unlock()
	}
	return o.heldFilters.Find(ctx, f)
}

// place is where a request with min_killed mk reached the store, counting
// from 1, or 0 when it never did.
func (o *orderedFilters) place(mk int) int {
	o.omu.Lock()
	defer o.omu.Unlock()
	for i, m := range o.order {
		if m == mk {
			return i + 1
		}
	}
	return 0
}

// TestFilter_ManyAddressesOfOneNetworkWaitForItsTurns: the server's two
// filter turns were handed out first come first served once a request had
// its client's, so 64 addresses of one network, two requests each, held
// 126 places ahead of any other client's filter: at 200,000 incidents, the
// other client's listing with q waited 14 s and its aggregate with a filter
// 15 s (a 503). Now the clients of one site (an IPv4 /24, an IPv6 /48) and
// of one network (an IPv4 /16, an IPv6 /32) wait in their site's and
// network's lines too, each holding as many turns as one client, so a
// client of another network waits behind the requests running and one
// network's at most.
func TestFilter_ManyAddressesOfOneNetworkWaitForItsTurns(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		held := &orderedFilters{heldFilters: heldFilters{incidentStore: store, release: make(chan struct{})}}
		released := sync.OnceFunc(func() { close(held.release) })
		defer released()
		srv := NewServer(Config{Store: held, QueryTimeout: time.Minute})
		var wg sync.WaitGroup
		defer wg.Wait()
		send := func(addr, u string) {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodGet, u, nil)
			req.RemoteAddr = addr
			srv.ServeHTTP(httptest.NewRecorder(), req)
		}
		filter := url.QueryEscape("summary_en LIKE '%shell%'")
		// 40 addresses in four sites of one IPv4 network, and 40 /64s in four
		// /48s of one IPv6 /32, two requests each, each its own.
		for i := range 80 {
			addr := fmt.Sprintf("203.0.%d.%d:40000", i/10, 1+i%10)
			if i >= 40 {
				addr = fmt.Sprintf("[2001:db8:%x:%x::1]:40000", (i-40)/10, (i-40)%10)
			}
			for k := range 2 {
				wg.Add(1)
				go send(addr, fmt.Sprintf("/api/collections/incidents/items?limit=%d&filter=%s", 2+2*i+k, filter))
			}
		}
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if in, _ := held.inside(); in >= filterTurnsAtOnce || time.Now().After(deadline) {
				break
			}
		}
		time.Sleep(300 * time.Millisecond) // the rest take their places in the lines
		// A client of another network asks one filtered listing.
		const mine = 777777
		wg.Add(1)
		go send("198.51.100.9:50000", fmt.Sprintf("/api/collections/incidents/items?limit=5&min_killed=%d", mine))
		time.Sleep(300 * time.Millisecond)
		released()
		wg.Wait()
		// Ahead of it: the turns' holders, and at most one network's
		// requests for each of the two networks waiting.
		if got, most := held.place(mine), filterTurnsAtOnce+2*filterTurnsPerClient+1; got == 0 || got > most {
			t.Errorf("another network's filter reached the store %d-th of %d (0: never); want at most %d-th",
				got, len(held.order), most)
		}
	})
}

// TestDistrict_OneClientWaitsForItsTurns: a district (admin2_pcode) is
// one of the filters the in-memory index cannot answer, with min_killed
// and words, but took no turn: a district few incidents or none lie in
// (SY0799 has the form of one and names none) read every row for a page,
// 1.1-1.5 s at 200,000 incidents, an aggregate of a real one 1.4 s, from any
// number of one client's connections at once. Now it takes a turn as they
// do.
func TestDistrict_OneClientWaitsForItsTurns(t *testing.T) {
	heldTurns(t, "a district", func(path string, i int) string {
		return fmt.Sprintf("/api/collections/incidents/%sdatetime=19%02d-01-01/..&admin2_pcode=SY07%02d", path, i, i)
	})
}

// TestDistrict_UnknownOneIsABadRequest: admin2_pcode was checked for its
// form alone, so a P-code naming no district (SY0799, SY1499) was answered
// 200 with nothing, where a governorate naming none (SY99) is a 400, and
// on SQLite a page of it read every row (1.1-1.5 s at 200,000 incidents).
// A district the gazetteer does not hold is now a 400 naming it and its
// governorate's districts, on every endpoint taking the filters; a known
// one is answered as before.
func TestDistrict_UnknownOneIsABadRequest(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	onBothStores(t, func(t *testing.T, store incidentStore) {
		srv := NewServer(Config{Store: store, Places: g})
		get := func(u string) (int, string) {
			req := httptest.NewRequest(http.MethodGet, u, nil)
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, req)
			return w.Code, w.Body.String()
		}
		for _, path := range []string{"/api/collections/incidents/items?", "/api/collections/incidents/aggregate?zoom=6&",
			"/api/collections/incidents/histogram?", "/api/collections/incidents/counts?", "/api/collections/incidents/export?",
			"/tiles/incidents/6/38/25.mvt?"} {
			for _, pcode := range []string{"SY0799", "SY1499", "SY0100x"} {
				code, body := get(path + "admin2_pcode=" + pcode)
				if code != http.StatusBadRequest || !strings.Contains(body, "admin2_pcode") || !strings.Contains(body, pcode) {
					t.Errorf("%sadmin2_pcode=%s: %d %.200s; want 400 naming it", path, pcode, code, body)
				}
			}
			if code, body := get(path + "admin2_pcode=SY0799"); !strings.Contains(body, "SY0703") {
				t.Errorf("%sadmin2_pcode=SY0799: %d %.300s; want the detail to list SY07's districts", path, code, body)
			}
			if code, body := get(path + "admin2_pcode=SY0703"); code != http.StatusOK {
				t.Errorf("%sadmin2_pcode=SY0703: %d %.200s; want 200", path, code, body)
			}
		}
	})
}
