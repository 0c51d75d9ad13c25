// Package gazetteer resolves Syrian place names, as written in Arabic news and in
// English transliterations, to places with coordinates, an admin hierarchy and an
// honest precision. Coordinates are WGS 84 lon/lat in orb's order.
//
// A Gazetteer is built once from readers (embedded defaults plus imported datasets)
// and is read-only afterwards, so it is safe for concurrent use.
package gazetteer

import "github.com/paulmach/orb"

// Kind is what sort of place a Place is.
type Kind string

// The kinds of place, from the largest to the smallest.
const (
	KindCountry       Kind = "country"
	KindGovernorate   Kind = "governorate"
	KindDistrict      Kind = "district"
	KindSubdistrict   Kind = "subdistrict"
	KindRegion        Kind = "region" // a named area with no admin status: Badia, Jazira, an "area" (منطقة)
	KindCity          Kind = "city"
	KindTown          Kind = "town"
	KindVillage       Kind = "village"
	KindNeighbourhood Kind = "neighbourhood"
	KindLandmark      Kind = "landmark" // a building or site: a church, a bridge, a checkpoint
)

// Precision says how closely a resolved point stands for what was named. Its
// values are the incidents package's geo_precision vocabulary.
type Precision string

// The precisions, from the finest to the coarsest.
const (
	PrecisionExact         Precision = "exact"
	PrecisionNeighbourhood Precision = "neighbourhood"
	PrecisionTown          Precision = "town"
	PrecisionDistrict      Precision = "district"
	PrecisionGovernorate   Precision = "governorate"
	PrecisionCountry       Precision = "country"
)

// Place is one named place.
type Place struct {
	ID          string   // stable: "geonames:170063", "ocha:C1366", "curated:dweila", "adm1:SY07"
	NameEN      string   // preferred English name
	NameAR      string   // preferred Arabic name
	Variants    []string // other spellings in any script
	Kind        Kind
	Location    orb.Point // representative point, [lon, lat]
	Admin1PCode string    // OCHA governorate P-code, SY01..SY14
	Admin1Name  string    // English governorate name
	Admin2PCode string    // OCHA district P-code, SY0101..; may be empty
	Admin2Name  string
	Admin3PCode string // OCHA subdistrict (nahiya) P-code, SY010100..; may be empty
	Admin3Name  string
	Population  int     // 0 when unknown
	Importance  float64 // 0..1, used to rank namesakes; higher is more important
	Source      string  // dataset the place came from, e.g. "GeoNames cities500 (CC BY 4.0)"

	// PointPrecision, when set, caps how precisely Location stands for the place: a
	// curated neighbourhood known only to lie in a city carries the city's point and
	// PrecisionTown. Empty means the precision follows Kind.
	PointPrecision Precision
	SameAs         []string // IDs of the same place in other datasets, merged into this one

	// Seat is, for a governorate, the point of its seat city, from which news
	// reckons the sides of its countryside ("ريف حمص الشرقي" lies east of Homs
	// city, not of the governorate's middle in the desert). Rif Dimashq's is
	// Damascus. Zero for other kinds, or where the seat is not known.
	Seat orb.Point

	// Parts lists, for a region, the OCHA P-codes of the subdistricts, districts or
	// governorates it is made of (Eastern Ghouta: Douma, Harasta, Arbin ...); its
	// point is their centroid, and a text placing a name in it means there.
	Parts []string
}

// Match is a resolved place name: the place, how precisely its point stands for
// what was named, and the runners-up.
type Match struct {
	Query        string    // the text that was resolved, as given
	Place        Place     // the best candidate
	Precision    Precision // for "ريف إدلب" the governorate, for "حي الدويلعة" the neighbourhood
	Qualifier    string    // what qualified the name: "rural", "north", "northern rural", "west of"...; empty if none
	Score        float64   // confidence, 0..1
	Alternatives []Place   // other candidates, best first; the best is not repeated here

	// Context lists the places the text named to locate this one: the governorate in
	// "البدروسية بريف اللاذقية الشمالي" or "Dana, Idlib". ContextQualifier is how the
	// text qualified them ("northern rural", "north of"); Qualifier is about Place itself.
	Context          []Place
	ContextQualifier string
}

// Mention is a place name found in running text.
type Mention struct {
	Start, End int    // byte offsets of Text in the searched text
	Text       string // as written, with its prefixes and qualifiers
	Match      Match

	// NameStart and NameEnd are the byte offsets of the name itself, without the
	// words before it ("قرب", "مدينة", "ريف"), after it and its context, but with
	// the letters glued to its first word ("بدمشق"); Proclitic is those letters,
	// normalised ("ب"). ContextStart is where the words locating it in a larger
	// area begin ("بريف اللاذقية" in "البدروسية بريف اللاذقية"); End when none.
	NameStart, NameEnd int
	Proclitic          string
	ContextStart       int
}
