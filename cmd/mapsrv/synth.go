package main

import (
	"context"
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// runSynth fills a database with N synthetic incidents for load tests, through
// the same bulk import path as `mapsrv import`: one transaction, flat memory.
func runSynth(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "synth")
	db := dbFlag(fs, e, "")
	n := fs.Int("n", 0, "how many incidents to generate")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same incidents")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *db == "" || *n < 1 || fs.NArg() > 0 {
		return usageError{"usage: mapsrv synth --db PATH --n N [--seed S]"}
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		return err
	}
	store, err := sqlite.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	store.SetLocator(gaz.District)
	start := time.Now()
	bar := newProgress(e.stderr, "synth:", "incidents", *n)
	g := newSynth(gaz.Places(), *seed, time.Now().UTC())
	g.loc = gaz.District
	imported, err := store.Import(ctx, g.incidents(*n), bar.update)
	bar.done()
	if err != nil {
		return fmt.Errorf("synth: nothing imported: %w", err)
	}
	fmt.Fprintf(e.stdout, "synthesized %d incidents into %s in %s\n", imported, *db, time.Since(start).Round(time.Millisecond))
	return fillAfterImport(ctx, e, store, imported)
}

// synth draws incidents around real places: a place by weight (the square
// root of its population, so the big cities lead without drowning the rest),
// a point scattered around it by its kind, a type, a date between the start of
// the uprising and today weighted towards the war's worst years.
type synth struct {
	rng    *rand.Rand
	places []gazetteer.Place
	govs   []gazetteer.Place
	cum    []float64 // cumulative place weights
	first  time.Time
	days   int
	loc    incidents.Locator // the districts of points, when known
}

// synthType is an incident type, how often it is drawn, and its Arabic word.
type synthType struct {
	t      incidents.Type
	weight float64
	ar     string
}

// synthTypes weights the incident types roughly as conflict data sets show them.
var synthTypes = []synthType{
	{incidents.TypeShelling, 25, "قصف"}, {incidents.TypeAirstrike, 20, "غارة جوية"},
	{incidents.TypeClash, 15, "اشتباك"}, {incidents.TypeArmedAttack, 10, "هجوم مسلح"},
	{incidents.TypeArrest, 10, "اعتقال"}, {incidents.TypeBombing, 8, "تفجير"},
	{incidents.TypeKidnapping, 4, "خطف"}, {incidents.TypeWeaponsSeizure, 3, "مصادرة أسلحة"},
	{incidents.TypeOther, 5, "حادث"},
}

func newSynth(places []gazetteer.Place, seed uint64, now time.Time) *synth {
	g := &synth{rng: rand.New(rand.NewPCG(seed, 0x6d61707372760a)), first: time.Date(2011, 3, 15, 0, 0, 0, 0, time.UTC)}
	g.days = int(now.Sub(g.first).Hours()/24) + 1
	total := 0.0
	for _, p := range places {
		switch p.Kind {
		case gazetteer.KindGovernorate:
			g.govs = append(g.govs, p)
		case gazetteer.KindCity, gazetteer.KindTown, gazetteer.KindVillage, gazetteer.KindNeighbourhood:
			if p.Admin1PCode == "" {
				continue
			}
			g.places = append(g.places, p)
			total += math.Sqrt(float64(max(p.Population, 2000)))
			g.cum = append(g.cum, total)
		}
	}
	return g
}

// incidents yields n incidents; it never fails.
func (g *synth) incidents(n int) iter.Seq2[incidents.Incident, error] {
	return func(yield func(incidents.Incident, error) bool) {
		for range n {
			if !yield(g.next(), nil) {
				return
			}
		}
	}
}

func (g *synth) next() incidents.Incident {
	typ := g.pickType()
	inc := incidents.Incident{Type: typ.t, Status: incidents.StatusPublished}
	if len(g.govs) > 0 && g.rng.IntN(100) < 3 { // reported only as "in X governorate"
		p := g.govs[g.rng.IntN(len(g.govs))]
		inc.Location, inc.GeoPrecision = p.Location, incidents.GeoGovernorate
		g.place(&inc, p)
	} else {
		p := g.places[g.pickPlace()]
		g.place(&inc, p)
		inc.Location, inc.GeoPrecision = g.scatter(p)
		for try := 0; g.elsewhere(inc); try++ {
			// scattered past its governorate's outline, which writes refuse
			if try == 8 {
				inc.Location, inc.GeoPrecision = p.Location, incidents.GeoTown
				break
			}
			inc.Location, inc.GeoPrecision = g.scatter(p)
		}
	}
	g.date(&inc)
	g.casualties(&inc)
	inc.SummaryEN = fmt.Sprintf("Synthetic %s reported near %s.", typ.t, inc.PlaceNameEN)
	inc.SummaryAR = fmt.Sprintf("حادث اصطناعي: %s قرب %s", typ.ar, inc.PlaceNameAR)
	return inc
}

func (g *synth) pickType() synthType {
	x := g.rng.Float64() * 100
	for _, t := range synthTypes {
		if x -= t.weight; x < 0 {
			return t
		}
	}
	return synthTypes[len(synthTypes)-1]
}

func (g *synth) pickPlace() int {
	x := g.rng.Float64() * g.cum[len(g.cum)-1]
	i, _ := slices.BinarySearch(g.cum, x)
	return min(i, len(g.cum)-1)
}

// elsewhere reports inc's point in a district of another governorate than
// its own, as writes refuse it (incidents.CheckGovernorate).
func (g *synth) elsewhere(inc incidents.Incident) bool {
	if g.loc == nil {
		return false
	}
	incidents.Locate(&inc, g.loc)
	return incidents.CheckGovernorate(inc, g.loc) != nil
}

// scatter places a point around p: cities spread wider than villages.
func (g *synth) scatter(p gazetteer.Place) (orb.Point, incidents.GeoPrecision) {
	if g.rng.IntN(100) < 30 {
		return p.Location, incidents.GeoTown // "in Saraqib": the town's point
	}
	sigma := 0.01
	if p.Kind == gazetteer.KindCity {
		sigma = 0.035
	}
	lon := p.Location.Lon() + g.rng.NormFloat64()*sigma
	lat := p.Location.Lat() + g.rng.NormFloat64()*sigma
	prec := incidents.GeoNeighbourhood
	if g.rng.IntN(2) == 0 {
		prec = incidents.GeoExact
	}
	return orb.Point{math.Round(lon*1e5) / 1e5, math.Round(lat*1e5) / 1e5}, prec
}

func (g *synth) place(inc *incidents.Incident, p gazetteer.Place) {
	inc.PlaceNameEN, inc.PlaceNameAR = p.NameEN, p.NameAR
	inc.Admin1PCode, inc.Admin1Name = p.Admin1PCode, p.Admin1Name
}

// yearWeight is how much more often an incident falls in each year from 2011:
// the war's worst years weigh most.
var yearWeight = []int{2, 6, 9, 10, 10, 9, 7, 5, 4, 3, 3, 3, 3, 3, 4, 3}

// date draws a day (rejection-sampled by yearWeight) and a precision.
func (g *synth) date(inc *incidents.Incident) {
	var d time.Time
	for {
		d = g.first.AddDate(0, 0, g.rng.IntN(g.days))
		y := min(d.Year()-2011, len(yearWeight)-1)
		if g.rng.IntN(10) < yearWeight[y] {
			break
		}
	}
	inc.DateFrom, inc.DateTo, inc.DatePrecision = d, d, incidents.DateDay
	switch x := g.rng.IntN(100); {
	case x < 8:
		inc.DateTo, inc.DatePrecision = d.AddDate(0, 0, 1+g.rng.IntN(6)), incidents.DateRange
	case x < 13:
		inc.DateFrom = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		inc.DateTo, inc.DatePrecision = inc.DateFrom.AddDate(0, 1, -1), incidents.DateMonth
	}
}

func (g *synth) casualties(inc *incidents.Incident) {
	n := func(mean float64) *int { v := int(g.rng.ExpFloat64() * mean); return &v }
	switch inc.Type {
	case incidents.TypeAirstrike, incidents.TypeShelling, incidents.TypeBombing:
		inc.Killed, inc.Injured = n(3), n(6)
	case incidents.TypeClash, incidents.TypeArmedAttack:
		inc.Killed = n(2)
	case incidents.TypeArrest, incidents.TypeKidnapping:
		inc.Arrested = n(2)
	}
}
