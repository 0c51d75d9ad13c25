package gazetteer

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/tidwall/rtree"
)

// ErrNotFound is returned by [Gazetteer.Geocode] when no place matches well enough.
var ErrNotFound = errors.New("gazetteer: not found")

//go:embed data/places.tsv data/ocha_areas.tsv data/curated.tsv
var embedded embed.FS

// Gazetteer resolves names to places. It is built once by [New] or [Default] and
// is read-only afterwards, so its methods are safe for concurrent use.
type Gazetteer struct {
	places []Place
	byID   map[string]int32
	exact  map[string][]int32  // name key → places
	trans  map[string][]int32  // transliteration key of Latin names → places
	skel   map[string][]int32  // Latin skeleton → places
	bare   map[string][]int32  // name key without the word telling namesakes apart → places (bare.go)
	spell  map[string][]int32  // spelling key of Arabic names → at most maxSpellPlaces places
	keys   []string            // the distinct name keys, numbered for dels
	sorted []string            // the name keys in byte order, for keyStarts
	heads  map[string][2]int32 // the range of sorted that begins with each keyHead bytes
	dels   deletionIndex       // for fuzzy lookup
	maxTok int                 // most tokens in any indexed name
	maxKey int                 // longest name key, in runes
	sugg   []suggestion        // sorted by text, for Suggest
	tree   rtree.RTreeG[int32] // place points
	govs   []Governorate
	areas  []Area
	shapes [][]outline         // areas[i]'s polygons, for containment
	atree  rtree.RTreeG[int32] // area bounds
}

// Default returns a gazetteer built from the embedded data: the OCHA Syria common
// operational datasets (communities, city neighbourhoods, districts and
// subdistricts with their outlines, the 14 governorates), merged with GeoNames
// cities500 rows for Syria and the curated supplement.
func Default() (*Gazetteer, error) {
	places, govs, areas, err := defaultData()
	if err != nil {
		return nil, err
	}
	return New(places, govs, areas...), nil
}

// DefaultData returns the embedded places and governorates, for callers that merge
// imported places into them before calling [New].
func DefaultData() ([]Place, []Governorate, error) {
	places, govs, _, err := defaultData()
	return places, govs, err
}

// defaultData reads the embedded files: the places (OCHA's, with GeoNames and
// the curated rows merged into them by the generator, see [MergeSources]) with
// the curated rows applied again by ID, so that an edit to curated.tsv counts
// before the data is regenerated; the governorates; the district and
// subdistrict outlines, from which the regions' points are computed.
func defaultData() ([]Place, []Governorate, []Area, error) {
	places, err := embeddedTSV("data/places.tsv")
	if err != nil {
		return nil, nil, nil, err
	}
	for i := range places {
		if places[i].Source == "" {
			places[i].Source = ochaSource
		}
	}
	curated, err := embeddedTSV("data/curated.tsv")
	if err != nil {
		return nil, nil, nil, err
	}
	places = curatedNames(foldIDs(append(places, curated...)), curated)
	b, err := embedded.ReadFile("data/ocha_areas.tsv")
	if err != nil {
		return nil, nil, nil, fmt.Errorf("gazetteer: %w", err)
	}
	areas, err := LoadAreas(bytes.NewReader(b))
	if err != nil {
		return nil, nil, nil, fmt.Errorf("data/ocha_areas.tsv: %w", err)
	}
	places = placeRegions(places, areas)
	govs, areas := governoratesOf(areas)
	return places, govs, areas, nil
}

// MergeSources returns OCHA's places with GeoNames rows and the curated rows
// merged into them (see [Merge]): what the generator writes to the embedded
// places file, so that the merge is not redone at every start.
func MergeSources(ocha, geonames, curated []Place) []Place {
	return curatedNames(Merge(ocha, foldIDs(append(slices.Clone(geonames), curated...))), curated)
}

// curatedNames gives the places that curated rows name by ID their preferred
// names, since the curated file is where a person decided how the news spells them.
func curatedNames(places, curated []Place) []Place {
	at := make(map[string]int, len(places))
	for i, p := range places {
		for _, id := range append([]string{p.ID}, p.SameAs...) {
			at[id] = i
		}
	}
	for _, c := range curated {
		if i, ok := at[c.ID]; ok {
			places[i] = withNames(places[i], c.NameEN, c.NameAR)
		}
	}
	return places
}

func embeddedTSV(name string) ([]Place, error) {
	b, err := embedded.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	ps, err := LoadTSV(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ps, nil
}

// New builds a gazetteer from places, governorate outlines and optional finer admin
// areas (districts, subdistricts from [ParseOCHA]) used by [Gazetteer.Reverse]. The
// governorates become places too. Places sharing an ID are merged; to fold the same
// place from different datasets into one, pass them through [Merge] first.
func New(places []Place, govs []Governorate, areas ...Area) *Gazetteer {
	g := &Gazetteer{
		places: make([]Place, 0, len(places)+len(govs)),
		byID:   make(map[string]int32, len(places)+len(govs)),
		exact:  make(map[string][]int32, 3*len(places)),
		trans:  make(map[string][]int32, 2*len(places)),
		skel:   make(map[string][]int32, 2*len(places)),
		bare:   map[string][]int32{},
		spell:  make(map[string][]int32, len(places)),
		govs:   govs,
	}
	g.dels = make(deletionIndex, 0, 32*len(places)) // a key and its deletions, some 2.5 names a place
	for _, p := range governoratePlaces(govs) {
		g.add(p)
	}
	for _, p := range places {
		g.add(p)
	}
	g.buildAreas(areas)
	g.nameAdmins()
	g.shareSeatNames()
	for i := range g.places {
		g.index(int32(i))
	}
	g.pruneSpelling()
	g.dels.sort()
	g.sorted, g.heads = sortKeys(g.exact)
	g.buildSuggest()
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

// index adds place i to the name indexes; New calls it for each place in
// turn, in the order of their indices.
func (g *Gazetteer) index(i int32) {
	p := g.places[i]
	for _, n := range p.names() {
		toks := strings.Fields(Normalize(n))
		key := joinKeys(toks)
		if key == "" {
			continue
		}
		g.maxTok = max(g.maxTok, len(toks))
		g.maxKey = max(g.maxKey, utf8.RuneCountInString(key))
		if g.exact[key] = addIdx(g.exact[key], i); len(g.exact[key]) == 1 {
			g.dels = addDeletions(g.dels, key, int32(len(g.keys)))
			g.keys = append(g.keys, key)
		}
		if t := translit(key); t != "" {
			g.trans[t] = addIdx(g.trans[t], i)
		}
		if s := skeleton(key); s != "" {
			g.skel[s] = addIdx(g.skel[s], i)
		}
		g.indexBare(i, toks)
	}
	g.indexSpelling(i, p.names())
	pt := [2]float64{p.Location.Lon(), p.Location.Lat()}
	g.tree.Insert(pt, pt, i)
}

// addIdx adds place i to the places under a key, once. Places are indexed in
// the order of their indices (New), so i can only be there already as the
// last: looking through them all had cost the square of a name's namesakes
// (200,000 communities of one name took minutes at every load).
func addIdx(s []int32, i int32) []int32 {
	if len(s) > 0 && s[len(s)-1] == i {
		return s
	}
	return append(s, i)
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
// imported places, and with imported admin areas for reverse geocoding; an
// imported area replaces the embedded one of the same level and P-code.
func DefaultWith(places []Place, areas []Area) (*Gazetteer, error) {
	base, govs, baseAreas, err := defaultData()
	if err != nil {
		return nil, err
	}
	return New(Merge(base, places), govs, mergeAreas(baseAreas, areas)...), nil
}

// mergeAreas returns base with the areas of extra replacing those of the same
// level and P-code, and the others added.
func mergeAreas(base, extra []Area) []Area {
	type key struct {
		level int
		pcode string
	}
	at := make(map[key]int, len(base))
	out := slices.Clone(base)
	for i, a := range out {
		at[key{a.Level, a.PCode}] = i
	}
	for _, a := range extra {
		if i, ok := at[key{a.Level, a.PCode}]; ok {
			out[i] = a
			continue
		}
		at[key{a.Level, a.PCode}] = len(out)
		out = append(out, a)
	}
	return out
}

// foldIDs merges places that share an ID (or whose ID another lists in SameAs)
// into the first of them, keeping order.
func foldIDs(places []Place) []Place {
	at := make(map[string]int, len(places))
	out := make([]Place, 0, len(places))
	for _, p := range places {
		if i, ok := at[p.ID]; ok {
			out[i] = mergeInto(out[i], p)
			continue
		}
		at[p.ID] = len(out)
		for _, id := range p.SameAs {
			at[id] = len(out)
		}
		out = append(out, p)
	}
	return out
}
