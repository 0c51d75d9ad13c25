package incidents

import (
	"errors"
	"slices"
	"strings"
)

// AdminCount is how many incidents matching a filter one admin area holds,
// for choropleth maps.
type AdminCount struct {
	PCode  string // OCHA P-code of the governorate or district; "" for incidents not placed in one
	Count  int
	Killed int // the sum of the killed they report
}

// Admin levels a store counts by.
const (
	AdminGovernorate = 1
	AdminDistrict    = 2
)

// ErrBadAdminLevel is returned for an admin level other than 1 or 2.
var ErrBadAdminLevel = errors.New("incidents: admin level must be 1 (governorate) or 2 (district)")

// MergeAdminCounts adds up counts of the same P-code and sorts them by it.
func MergeAdminCounts(counts []AdminCount) []AdminCount {
	slices.SortStableFunc(counts, func(a, b AdminCount) int { return strings.Compare(a.PCode, b.PCode) })
	out := counts[:0]
	for _, c := range counts {
		if k := len(out) - 1; k >= 0 && out[k].PCode == c.PCode {
			out[k].Count += c.Count
			out[k].Killed += c.Killed
			continue
		}
		out = append(out, c)
	}
	return out
}
