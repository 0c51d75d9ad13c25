package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/mapsrv/mapsrv/incidents"
)

// knownDistricts is the gazetteer's district P-codes (OCHA admin-2), read
// once, on the first request naming one; none when the gazetteer lists no
// outlines (or there is no gazetteer), and then any P-code of the right
// form is taken.
type knownDistricts struct {
	places Places
	once   sync.Once
	set    map[string]bool
}

func (k *knownDistricts) known() map[string]bool {
	k.once.Do(func() {
		if src, ok := k.places.(areaLister); ok {
			for _, a := range src.Areas(2) {
				if k.set == nil {
					k.set = map[string]bool{}
				}
				k.set[a.PCode] = true
			}
		}
	})
	return k.set
}

// withKnownDistrict answers 400 to a request whose admin2_pcode has the
// form of a district P-code but names none of the gazetteer's districts,
// naming its governorate's; others pass on, a malformed or repeated one to
// the handler's own checks. Only the form was checked: SY0799 was a 200
// with nothing, where a governorate naming none (SY99) is a 400, and a page
// of it read every row (1.1-1.5 s at 200,000 incidents on SQLite). The
// stores give every incident a district from these same outlines, so no
// incident holds another.
func withKnownDistrict(k *knownDistricts, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := r.URL.Query()["admin2_pcode"]
		if len(v) != 1 || !incidents.IsAdmin2PCode(v[0]) {
			next.ServeHTTP(w, r)
			return
		}
		known := k.known()
		if len(known) == 0 || known[v[0]] {
			next.ServeHTTP(w, r)
			return
		}
		var siblings []string
		for p := range known {
			if strings.HasPrefix(p, v[0][:4]) {
				siblings = append(siblings, p)
			}
		}
		slices.Sort(siblings)
		writeError(w, r, log, badRequest{fmt.Sprintf("admin2_pcode: %q is not an OCHA district; those of %s are %s",
			v[0], v[0][:4], strings.Join(siblings, ", "))})
	})
}
