package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"

	"github.com/mapsrv/mapsrv/incidents"
)

// histogramParams are the query parameters of the histogram endpoint.
var histogramParams = append([]string{"bin"}, filterParams...)

// handleIncidentHistogram serves GET /api/collections/incidents/histogram:
// the published incidents matching the items filters counted per day, week
// (Monday to Sunday) or month, chosen by the span of their dates unless bin
// says, over every bin from the first to the last holding any. An incident
// dated within one bin counts 1 there ("count"); one whose date range crosses
// bins is shared out by days ("spread").
func handleIncidentHistogram(store incidentStore, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		unit := incidents.BinUnit(r.URL.Query().Get("bin"))
		f, ok := readPublished(w, r, store, histogramParams, func(url.Values) error {
			if unit != "" && !slices.Contains(incidents.BinUnits, unit) {
				return badRequest{fmt.Sprintf("bin: %q is not one of day, week, month", unit)}
			}
			return nil
		}, log)
		if !ok {
			return
		}
		h, err := store.Histogram(r.Context(), f, unit)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		writeJSON(w, http.StatusOK, "application/json", histogramBody(h))
	})
}

// histogramBin is one bin of the histogram response.
type histogramBin struct {
	Start  string  `json:"start"`
	End    string  `json:"end"`
	Count  int     `json:"count"`
	Spread float64 `json:"spread"`
}

func histogramBody(h incidents.Histogram) map[string]any {
	bins := make([]histogramBin, len(h.Bins))
	for i, b := range h.Bins {
		bins[i] = histogramBin{Start: incidents.FormatDate(b.Start), End: incidents.FormatDate(b.End),
			Count: b.Count, Spread: float64(int(b.Spread*1000+0.5)) / 1000}
	}
	body := map[string]any{"bin": h.Unit, "numberMatched": h.Total, "bins": bins}
	if len(bins) > 0 {
		body["start"], body["end"] = bins[0].Start, bins[len(bins)-1].End
	}
	return body
}

// countsParams are the query parameters of the counts endpoint.
var countsParams = append([]string{"by"}, filterParams...)

// handleIncidentCounts serves GET /api/collections/incidents/counts?by=
// governorate|district: the published incidents matching the items filters,
// and the killed they report, per admin area, for choropleth maps. Incidents
// placed in none are counted under an empty P-code.
func handleIncidentCounts(store incidentStore, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		by := r.URL.Query().Get("by")
		level := map[string]int{"": incidents.AdminGovernorate, "governorate": incidents.AdminGovernorate, "district": incidents.AdminDistrict}[by]
		f, ok := readPublished(w, r, store, countsParams, func(url.Values) error {
			if level == 0 {
				return badRequest{fmt.Sprintf("by: %q is not one of governorate, district", by)}
			}
			return nil
		}, log)
		if !ok {
			return
		}
		counts, err := store.CountByAdmin(r.Context(), f, level)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		type area struct {
			PCode  string `json:"pcode"`
			Count  int    `json:"count"`
			Killed int    `json:"killed"`
		}
		areas, total := make([]area, len(counts)), 0
		for i, c := range counts {
			areas[i], total = area{c.PCode, c.Count, c.Killed}, total+c.Count
		}
		writeJSON(w, http.StatusOK, "application/json", map[string]any{
			"by": map[int]string{1: "governorate", 2: "district"}[level], "numberMatched": total, "areas": areas})
	})
}
