package gazetteer

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/tidwall/rtree"
)

// ErrNotFound is returned by [Gazetteer.Geocode] when no place matches well enough.
var ErrNotFound = errors.New("gazetteer: not found")

//go:embed data/geonames.tsv data/curated.tsv data/governorates.geojson
var embedded embed.FS

// Gazetteer resolves names to places. It is built once by [New] or [Default] and
// is read-only afterwards, so its methods are safe for concurrent use.
type Gazetteer struct {
	places []Place
	byID   map[string]int32
	exact  map[string][]int32  // name key → places
	skel   map[string][]int32  // Latin skeleton → places
	dels   map[string][]string // name key minus one rune → name keys, for fuzzy lookup
	maxTok int                 // most tokens in any indexed name
	sugg   []suggestion        // sorted by text, for Suggest
	tree   rtree.RTreeG[int32] // place points
	govs   []Governorate
	areas  []Area
	shapes [][]outline         // areas[i]'s polygons, for containment
	atree  rtree.RTreeG[int32] // area bounds
}

// Default returns a gazetteer built from the embedded data: GeoNames cities500 rows
// for Syria, the curated supplement and the 14 governorates.
func Default() (*Gazetteer, error) {
	places, govs, err := DefaultData()
	if err != nil {
		return nil, err
	}
	return New(places, govs), nil
}

// DefaultData returns the embedded places and governorates, for callers that merge
// imported places into them before calling [New].
func DefaultData() ([]Place, []Governorate, error) {
	var places []Place
	for _, name := range []string{"data/geonames.tsv", "data/curated.tsv"} {
		b, err := embedded.ReadFile(name)
		if err != nil {
			return nil, nil, fmt.Errorf("gazetteer: %w", err)
		}
		ps, err := LoadTSV(bytes.NewReader(b))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		places = append(places, ps...)
	}
	places = foldIDs(places)
	b, err := embedded.ReadFile("data/governorates.geojson")
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %w", err)
	}
	govs, err := LoadGovernorates(bytes.NewReader(b))
	if err != nil {
		return nil, nil, err
	}
	return places, govs, nil
}

// New builds a gazetteer from places, governorate outlines and optional finer admin
// areas (districts, subdistricts from [ParseOCHA]) used by [Gazetteer.Reverse]. The
// governorates become places too. Places sharing an ID are merged; to fold the same
// place from different datasets into one, pass them through [Merge] first.
func New(places []Place, govs []Governorate, areas ...Area) *Gazetteer {
	g := &Gazetteer{
		byID:  make(map[string]int32, len(places)+len(govs)),
		exact: make(map[string][]int32, 4*len(places)),
		skel:  make(map[string][]int32, 2*len(places)),
		dels:  make(map[string][]string, 16*len(places)),
		govs:  govs,
	}
	for _, p := range append(governoratePlaces(govs), places...) {
		g.add(p)
	}
	for i := range g.places {
		g.index(int32(i))
	}
	g.buildSuggest()
	g.buildAreas(areas)
	return g
}

// add appends p, or merges it into an earlier place with the same ID.
func (g *Gazetteer) add(p Place) {
	if p.Admin1Name == "" {
		p.Admin1Name = admin1Name(p.Admin1PCode)
	}
	if p.Importance == 0 {
		p.Importance = EstimateImportance(p.Kind, p.Population, -1)
	}
	if i, ok := g.byID[p.ID]; ok {
		g.places[i] = mergeInto(g.places[i], p)
		return
	}
	g.byID[p.ID] = int32(len(g.places))
	g.places = append(g.places, p)
}

// names returns every name of p: preferred ones first.
func (p Place) names() []string {
	out := make([]string, 0, 2+len(p.Variants))
	for _, n := range append([]string{p.NameEN, p.NameAR}, p.Variants...) {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

func (g *Gazetteer) index(i int32) {
	p := g.places[i]
	for _, n := range p.names() {
		toks := strings.Fields(Normalize(n))
		key := joinKeys(toks)
		if key == "" {
			continue
		}
		g.maxTok = max(g.maxTok, len(toks))
		if g.exact[key] = addIdx(g.exact[key], i); len(g.exact[key]) == 1 {
			for _, d := range deletes(key) {
				g.dels[d] = append(g.dels[d], key)
			}
			g.dels[key] = append(g.dels[key], key)
		}
		if s := skeleton(key); s != "" {
			g.skel[s] = addIdx(g.skel[s], i)
		}
	}
	pt := [2]float64{p.Location.Lon(), p.Location.Lat()}
	g.tree.Insert(pt, pt, i)
}

func addIdx(s []int32, i int32) []int32 {
	for _, v := range s {
		if v == i {
			return s
		}
	}
	return append(s, i)
}

// deletes returns key with each one of its runes deleted, for keys of 4+ runes.
func deletes(key string) []string {
	n := utf8.RuneCountInString(key)
	if n < 4 {
		return nil
	}
	out := make([]string, 0, n)
	for i, r := range key {
		out = append(out, key[:i]+key[i+utf8.RuneLen(r):])
	}
	return out
}

// Places returns all places, governorates first. The slice must not be modified.
func (g *Gazetteer) Places() []Place { return g.places }

// Place returns the place with the given ID.
func (g *Gazetteer) Place(id string) (Place, bool) {
	i, ok := g.byID[id]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Governorates returns the 14 governorates with their outlines, ordered by P-code.
func (g *Gazetteer) Governorates() []Governorate { return g.govs }

// governorate returns the governorate place for an admin-1 P-code.
func (g *Gazetteer) governorate(pcode string) (Place, bool) {
	return g.Place("adm1:" + pcode)
}

// point returns a place's location as an orb.Point (a helper for sorting).
func (g *Gazetteer) point(i int32) orb.Point { return g.places[i].Location }

// DefaultWith returns a gazetteer of the embedded data merged (see [Merge]) with
// imported places, and with imported admin areas for reverse geocoding.
func DefaultWith(places []Place, areas []Area) (*Gazetteer, error) {
	base, govs, err := DefaultData()
	if err != nil {
		return nil, err
	}
	return New(Merge(base, places), govs, areas...), nil
}

// foldIDs merges places that share an ID into the first of them, keeping order.
func foldIDs(places []Place) []Place {
	at := map[string]int{}
	out := places[:0:0]
	for _, p := range places {
		if i, ok := at[p.ID]; ok {
			out[i] = mergeInto(out[i], p)
			continue
		}
		at[p.ID] = len(out)
		out = append(out, p)
	}
	return out
}
