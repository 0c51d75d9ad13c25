package gazetteer

import (
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/paulmach/orb/geo"
)

// hasID reports whether p is the place with the given ID, or has another dataset's
// record of that ID merged into it (a GeoNames row merged into an OCHA community).
func hasID(p Place, id string) bool {
	return p.ID == id || slices.Contains(p.SameAs, id)
}

// mustDefault returns the built-in gazetteer, built once per test binary: it is
// read-only, so tests share it.
func mustDefault(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := sharedDefault()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

var sharedDefault = sync.OnceValues(Default)

// geocodeCase is one query and what a user relies on getting back.
type geocodeCase struct {
	query    string
	wantID   string
	wantQual string
	wantPrec Precision
	wantAdm2 string  // district P-code, if checked
	wantCtx  string  // ContextQualifier, if checked
	minScore float64 // default 0.8
}

func checkGeocode(t *testing.T, g *Gazetteer, tc geocodeCase) {
	t.Helper()
	m, err := g.Geocode(tc.query)
	if err != nil {
		t.Fatalf("Geocode(%q): %v", tc.query, err)
	}
	if !hasID(m.Place, tc.wantID) {
		t.Errorf("Geocode(%q) = %s (%s); want %s", tc.query, m.Place.ID, m.Place.NameEN, tc.wantID)
	}
	if m.Qualifier != tc.wantQual {
		t.Errorf("Geocode(%q).Qualifier = %q; want %q", tc.query, m.Qualifier, tc.wantQual)
	}
	if tc.wantPrec != "" && m.Precision != tc.wantPrec {
		t.Errorf("Geocode(%q).Precision = %q; want %q", tc.query, m.Precision, tc.wantPrec)
	}
	if tc.wantAdm2 != "" && m.Place.Admin2PCode != tc.wantAdm2 {
		t.Errorf("Geocode(%q) district = %q; want %q", tc.query, m.Place.Admin2PCode, tc.wantAdm2)
	}
	if tc.wantCtx != "" && m.ContextQualifier != tc.wantCtx {
		t.Errorf("Geocode(%q).ContextQualifier = %q; want %q", tc.query, m.ContextQualifier, tc.wantCtx)
	}
	if min := max(tc.minScore, 0.8); m.Score < min {
		t.Errorf("Geocode(%q).Score = %.2f; want >= %.2f", tc.query, m.Score, min)
	}
}

// TestGeocode_Seed resolves the place names of the seed reports, as they write
// them, with the built-in data only.
func TestGeocode_Seed(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]geocodeCase{
		"badrousiya":         {query: "في قرية البدروسية بريف اللاذقية الشمالي", wantID: "ocha:C3537", wantPrec: PrecisionTown, wantCtx: "northern rural"},
		"afrin":              {query: "عفرين، ريف حلب الشمالي الغربي", wantID: "geonames:174186", wantAdm2: "SY0203", wantCtx: "northwestern rural"},
		"dana north":         {query: "الدانا شمال إدلب", wantID: "geonames:174259", wantAdm2: "SY0703", wantCtx: "north of"},
		"west of idlib":      {query: "غربي مدينة إدلب", wantID: "geonames:169389", wantQual: "west of", wantPrec: PrecisionDistrict},
		"near maarat":        {query: "قرب مدينة معرة مصرين", wantID: "geonames:167605", wantQual: "near"},
		"saraqib":            {query: "مدينة سراقب بريف إدلب", wantID: "geonames:164816", wantCtx: "rural"},
		"rural deir ez-zor":  {query: "ريف دير الزور الشمالي", wantID: "adm1:SY09", wantQual: "northern rural", wantPrec: PrecisionGovernorate},
		"rif dimashq":        {query: "محافظة ريف دمشق", wantID: "adm1:SY03", wantPrec: PrecisionGovernorate},
		"rif dimashq bare":   {query: "ريف دمشق", wantID: "adm1:SY03", wantPrec: PrecisionGovernorate},
		"church":             {query: "كنيسة مار إلياس", wantID: "curated:mar-elias-church", wantPrec: PrecisionTown},
		"dweila":             {query: "حي الدويلعة", wantID: "curated:dweila", wantPrec: PrecisionTown},
		"badia":              {query: "البادية السورية", wantID: "curated:badia", wantPrec: PrecisionGovernorate},
		"english dana":       {query: "Dana, Idlib", wantID: "geonames:174259"},
		"english badrousiya": {query: "Badrousiya", wantID: "ocha:C3537"},
		"english rural":      {query: "northern rural Deir ez-Zor", wantID: "adm1:SY09", wantQual: "northern rural"},
		"rural damascus":     {query: "Rural Damascus", wantID: "adm1:SY03"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) { checkGeocode(t, g, tc) })
	}
}

// TestGeocode_Variants covers clitics, articles and transliterations.
func TestGeocode_Variants(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]geocodeCase{
		"wa-clitic":        {query: "وعفرين", wantID: "geonames:174186"},
		"bi + town word":   {query: "ببلدة الدانا", wantID: "geonames:174259"},
		"lil":              {query: "للرقة", wantID: "geonames:172955"},
		"bil":              {query: "بالحسكة", wantID: "geonames:173811"},
		"deir ez-zor":      {query: "Deir ez-Zor", wantID: "geonames:170794"},
		"dayr az zawr":     {query: "Dayr az Zawr", wantID: "geonames:170794"},
		"deir ezzor":       {query: "Deir Ezzor", wantID: "geonames:170794"},
		"idleb":            {query: "Idleb", wantID: "geonames:169389"},
		"lattakia":         {query: "Lattakia", wantID: "geonames:173576"},
		"al-hasakeh":       {query: "Al-Hasakeh", wantID: "geonames:173811"},
		"harim diacritics": {query: "Ḩārim", wantID: "geonames:169866"},
		"palmyra":          {query: "Palmyra", wantID: "geonames:163808"},
		"umm, written um":  {query: "Umm Batna", wantID: "ocha:C6272"},
		"governorate en":   {query: "Idlib governorate", wantID: "adm1:SY07", wantPrec: PrecisionGovernorate},
		"governorate ar":   {query: "محافظة إدلب", wantID: "adm1:SY07"},
		"rural idlib":      {query: "ريف إدلب", wantID: "adm1:SY07", wantQual: "rural", wantPrec: PrecisionGovernorate},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) { checkGeocode(t, g, tc) })
	}
}

func TestGeocode_Fuzzy(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]struct {
		query  string
		wantID string
	}{
		"latin typo":    {"Saraqibb", "geonames:164816"},
		"transposition": {"Qamsihli", "geonames:173377"},
		"skeleton":      {"Sarakib", "geonames:164816"},
		"arabic typo":   {"سراقبب", "geonames:164816"},
		// a long vowel written where the gazetteer leaves it out, and left
		// out where it writes it: one name, where a consonant apart ("بيرين",
		// "بشنين", also in Idlib) would be another
		"long vowel written":     {"بينين", "ocha:C4274"},
		"long vowel not written": {"ارك", "ocha:C2890"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m, err := g.Geocode(tc.query)
			if err != nil || !hasID(m.Place, tc.wantID) {
				t.Fatalf("Geocode(%q) = %s, %v; want %s", tc.query, m.Place.ID, err, tc.wantID)
			}
			if m.Score >= 1 || m.Score < minScore {
				t.Errorf("Geocode(%q).Score = %.2f; want an approximate score in [%.2f, 1)", tc.query, m.Score, minScore)
			}
		})
	}
}

func TestGeocode_NotFound(t *testing.T) {
	g := mustDefault(t)
	for _, q := range []string{"", "xyzzy", "Paris", "   ", "قال المتحدث"} {
		if m, err := g.Geocode(q); !errors.Is(err, ErrNotFound) {
			t.Errorf("Geocode(%q) = %s (%.2f), %v; want ErrNotFound", q, m.Place.ID, m.Score, err)
		}
	}
}

// TestGeocode_OCHA checks namesakes once the OCHA communities are imported: the
// town, not the homonymous village, and context picking the right one.
func TestGeocode_OCHA(t *testing.T) {
	g := ochaGazetteer(t)
	tests := map[string]geocodeCase{
		"dana of harim": {query: "الدانا شمال إدلب", wantID: "ocha:C4126", wantAdm2: "SY0703"},
		"afrin town":    {query: "عفرين", wantID: "ocha:C1366", wantAdm2: "SY0203"},
		"afrin context": {query: "عفرين بريف حلب", wantID: "ocha:C1366"},
		"afrin english": {query: "Afrin", wantID: "ocha:C1366"},
		"maarat misrin": {query: "قرب مدينة معرة مصرين", wantID: "ocha:C3947", wantQual: "near"},
		"ocha spelling": {query: "معرتمصرين", wantID: "ocha:C3947"},
		"badrousiya":    {query: "البدروسية", wantID: "ocha:C3537"},
		"neighbourhood": {query: "حي باب توما", wantID: "ocha:N0049", wantPrec: PrecisionNeighbourhood},
		"saraqib":       {query: "Saraqib", wantID: "ocha:C3916"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) { checkGeocode(t, g, tc) })
	}
	t.Run("namesakes lower the score", func(t *testing.T) {
		m, err := g.Geocode("المنصورة") // 10+ villages share the name
		if err != nil {
			t.Fatal(err)
		}
		if m.Score >= 0.9 || len(m.Alternatives) == 0 {
			t.Errorf("Geocode(المنصورة) score %.2f with %d alternatives; want < 0.9 with alternatives", m.Score, len(m.Alternatives))
		}
	})
	t.Run("context picks the namesake", func(t *testing.T) {
		for _, q := range []string{"المنصورة، الرقة", "Mansura, Aleppo"} {
			m, err := g.Geocode(q)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"المنصورة، الرقة": "SY11", "Mansura, Aleppo": "SY02"}[q]
			if m.Place.Admin1PCode != want {
				t.Errorf("Geocode(%q) in %s; want %s", q, m.Place.Admin1PCode, want)
			}
		}
	})
}

// TestGazetteer_Concurrent reads one gazetteer from many goroutines (run -race).
func TestGazetteer_Concurrent(t *testing.T) {
	g := mustDefault(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				g.Geocode([]string{"إدلب", "Dana, Idlib", "Saraqibb"}[i%3])
				g.FindAll("في قرية البدروسية بريف اللاذقية الشمالي")
				g.Suggest("ال", 5)
				g.Reverse(g.places[i].Location)
			}
		}()
	}
	wg.Wait()
}

// TestDefault_Data checks the embedded data: every place inside Syria's box with
// a governorate, 14 governorates, GeoNames rows merged with the curated ones.
func TestDefault_Data(t *testing.T) {
	g := mustDefault(t)
	if n := len(g.Governorates()); n != 14 {
		t.Errorf("%d governorates; want 14", n)
	}
	for _, p := range g.Places() {
		lon, lat := p.Location.Lon(), p.Location.Lat()
		if lon < 35.5 || lon > 42.5 || lat < 32.2 || lat > 37.5 {
			t.Errorf("%s %s at %v: outside Syria", p.ID, p.NameEN, p.Location)
		}
		if admin1Name(p.Admin1PCode) == "" {
			t.Errorf("%s %s: no governorate (%q)", p.ID, p.NameEN, p.Admin1PCode)
		}
	}
	// GeoNames admin-1 codes mapped to P-codes must agree with the polygons, bar a
	// few points near borders.
	bad := 0
	for _, p := range g.Places() {
		if p.Kind == KindGovernorate || p.PointPrecision != "" {
			continue
		}
		r, ok := g.Reverse(p.Location)
		if !ok || r.Governorate.PCode != p.Admin1PCode {
			d := geo.Distance(p.Location, r.Governorate.Center) / 1000
			bad++
			t.Logf("%s %s: in %s by polygon (%.0f km from its centre), %s by code", p.ID, p.NameEN, r.Governorate.PCode, d, p.Admin1PCode)
		}
	}
	if bad > 5 {
		t.Errorf("%d places whose governorate code disagrees with the polygons; want <= 5", bad)
	}
}
