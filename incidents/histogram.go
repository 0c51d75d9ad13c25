package incidents

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// BinUnit is the width of a date histogram's bins.
type BinUnit string

// The bin widths: a day, an ISO week (Monday to Sunday), a calendar month.
// An empty unit lets [NewHistogram] choose by the span of the dates.
const (
	BinDay   BinUnit = "day"
	BinWeek  BinUnit = "week"
	BinMonth BinUnit = "month"
)

// BinUnits lists the bin widths.
var BinUnits = []BinUnit{BinDay, BinWeek, BinMonth}

// Histogram limits: up to autoWeekDays of span the chosen unit is a week,
// beyond it a month; a histogram has at most MaxBins bins.
const (
	autoWeekDays = 731
	MaxBins      = 5000
)

// ErrBadHistogram is returned for a histogram that would need more than
// MaxBins bins.
var ErrBadHistogram = errors.New("incidents: invalid histogram")

// Histogram counts incidents per date bin, from the first bin holding any to
// the last, with the empty bins between.
type Histogram struct {
	Unit  BinUnit
	Bins  []Bin
	Total int // incidents counted
}

// Bin is one date bin. An incident whose dates lie within the bin counts 1 in
// Count; one whose date range crosses bin edges (a "sometime in 2024") is
// shared out in Spread, each bin getting the share of its days that falls
// there, so that a vague date is not drawn as a spike.
type Bin struct {
	Start, End time.Time // first and last day, midnight UTC
	Count      int
	Spread     float64
}

// DateCount is how many incidents share one date range, in days since
// 1970-01-01: what a store reads to build a [Histogram].
type DateCount struct {
	From, To int32
	N        int
}

// NewHistogram bins counts by unit (chosen by the span when empty) over the
// dates they cover, clipped to period where it has ends.
func NewHistogram(counts []DateCount, unit BinUnit, period Interval) (Histogram, error) {
	if unit != "" && !slices.Contains(BinUnits, unit) {
		return Histogram{}, fmt.Errorf("%w: bin %q is not one of day, week, month", ErrBadHistogram, unit)
	}
	first, last, total := domainOf(counts, period)
	h := Histogram{Unit: unit}
	if total == 0 {
		if h.Unit == "" {
			h.Unit = BinWeek
		}
		return h, nil
	}
	if h.Unit == "" {
		h.Unit = BinMonth
		if last-first < autoWeekDays {
			h.Unit = BinWeek
		}
	}
	starts := binStarts(h.Unit, first, last)
	if len(starts) > MaxBins+1 {
		return Histogram{}, fmt.Errorf("%w: %d %s bins from %s to %s, at most %d: choose a wider bin or a shorter period",
			ErrBadHistogram, len(starts)-1, h.Unit, dayTime(first).Format(DateLayout), dayTime(last).Format(DateLayout), MaxBins)
	}
	h.Bins = make([]Bin, len(starts)-1)
	for i := range h.Bins {
		h.Bins[i].Start, h.Bins[i].End = dayTime(starts[i]), dayTime(starts[i+1]-1)
	}
	// Spread shares are spread per day with a difference array, then summed
	// per bin: linear in incidents plus days, whatever the ranges' lengths.
	base := starts[0]
	perDay := make([]float64, starts[len(starts)-1]-base+1)
	for _, c := range counts {
		from, to := max(c.From, first), min(c.To, last)
		if from > to {
			continue
		}
		h.Total += c.N
		if i := binOf(starts, from); c.From == c.To || i == binOf(starts, to) && c.From >= starts[i] && c.To < starts[i+1] {
			h.Bins[i].Count += c.N
			continue
		}
		share := float64(c.N) / float64(c.To-c.From+1)
		perDay[from-base] += share
		perDay[to-base+1] -= share
	}
	run, day := 0.0, base
	for i := range h.Bins {
		for ; day < starts[i+1]; day++ {
			run += perDay[day-base]
			h.Bins[i].Spread += run
		}
	}
	return h, nil
}

// domainOf returns the first and last day any of counts covers, within
// period, and how many incidents that is.
func domainOf(counts []DateCount, period Interval) (first, last int32, total int) {
	lo, hi := int32(-1<<31), int32(1<<31-1)
	if d, ok := period.FirstDay(); ok {
		lo = DayNumber(d)
	}
	if d, ok := period.LastDay(); ok {
		hi = DayNumber(d)
	}
	first, last = hi, lo
	for _, c := range counts {
		from, to := max(c.From, lo), min(c.To, hi)
		if from > to {
			continue
		}
		first, last, total = min(first, from), max(last, to), total+c.N
	}
	return first, last, total
}

// binStarts returns the first day of every bin from the one holding first
// to the one holding last, and the day after the last bin.
func binStarts(unit BinUnit, first, last int32) []int32 {
	var starts []int32
	switch unit {
	case BinDay:
		for d := first; d <= last+1; d++ {
			starts = append(starts, d)
			if len(starts) > MaxBins+1 {
				break
			}
		}
	case BinWeek:
		// 1970-01-01 was a Thursday: Mondays are days ≡ 4 (mod 7).
		for d := first - mod7(first-4); d <= last+7; d += 7 {
			starts = append(starts, d)
			if len(starts) > MaxBins+1 {
				break
			}
		}
	default:
		t := dayTime(first)
		m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		for {
			starts = append(starts, DayNumber(m))
			if DayNumber(m) > last || len(starts) > MaxBins+1 {
				break
			}
			m = m.AddDate(0, 1, 0)
		}
	}
	return starts
}

// binOf is the bin holding day, which lies within the bins.
func binOf(starts []int32, day int32) int {
	lo, hi := 0, len(starts)-1
	for lo < hi-1 {
		mid := (lo + hi) / 2
		if starts[mid] <= day {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

func mod7(n int32) int32 { return ((n % 7) + 7) % 7 }

// DayNumber is the number of days from 1970-01-01 to t's date in UTC.
func DayNumber(t time.Time) int32 {
	t = t.UTC()
	return int32(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dayTime is the midnight UTC starting day.
func dayTime(day int32) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }
