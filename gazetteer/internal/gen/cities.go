package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// district is an OCHA admin-2 polygon, used to give GeoNames rows a district.
type district struct {
	pcode, name string
	geometry    orb.MultiPolygon
}

func loadDistricts(path string) ([]district, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, fmt.Errorf("gen: %s: %w", path, err)
	}
	var out []district
	for _, f := range fc.Features {
		out = append(out, district{
			pcode:    f.Properties.MustString("adm2_pcode", ""),
			name:     f.Properties.MustString("adm2_name", ""),
			geometry: asMulti(f.Geometry),
		})
	}
	return out, nil
}

// districtOf returns the district containing p, or the nearest within ~3 km.
func districtOf(ds []district, p orb.Point) (district, bool) {
	best, bestD := district{}, 0.03
	for _, d := range ds {
		if planar.MultiPolygonContains(d.geometry, p) {
			return d, true
		}
		if dist := planar.DistanceFrom(d.geometry, p); dist < bestD {
			best, bestD = d, dist
		}
	}
	return best, best.pcode != ""
}

// syriaRows reads the GeoNames cities500 dump and returns the Syrian rows as places.
// Columns: 0 id, 1 name, 2 asciiname, 3 alternatenames, 4 lat, 5 lon, 6 class,
// 7 feature code, 8 country, 10 admin1, 14 population.
func syriaRows(path string, ds []district) ([]gazetteer.Place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []gazetteer.Place
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<22)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 || c[8] != "SY" {
			continue
		}
		p, err := rowPlace(c)
		if err != nil {
			return nil, err
		}
		if d, ok := districtOf(ds, p.Location); ok {
			p.Admin2PCode, p.Admin2Name = d.pcode, d.name
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

func rowPlace(c []string) (gazetteer.Place, error) {
	lat, err1 := strconv.ParseFloat(c[4], 64)
	lon, err2 := strconv.ParseFloat(c[5], 64)
	pop, _ := strconv.Atoi(c[14])
	if err1 != nil || err2 != nil {
		return gazetteer.Place{}, fmt.Errorf("gen: geonames %s: bad coordinates", c[0])
	}
	kind, capital := classify(c[7], pop)
	p := gazetteer.Place{
		ID: "geonames:" + c[0], NameEN: strings.TrimLeft(strings.ReplaceAll(c[2], "`", "'"), "'"), Kind: kind, Location: orb.Point{lon, lat},
		Admin1PCode: gazetteer.GeoNamesAdmin1(c[10]), Population: pop,
		Importance: gazetteer.EstimateImportance(kind, pop, capital),
		Source:     "GeoNames cities500 (CC BY 4.0)",
	}
	seen := map[string]bool{gazetteer.Normalize(p.NameEN): true}
	var arabic []string
	for _, n := range append([]string{c[1]}, strings.Split(c[3], ",")...) {
		n = invisible.Replace(n)
		if !keepName(n) || seen[gazetteer.Normalize(n)] {
			continue
		}
		seen[gazetteer.Normalize(n)] = true
		if isArabicName(n) {
			arabic = append(arabic, n)
			continue
		}
		p.Variants = append(p.Variants, n)
	}
	p.NameAR, arabic = bestArabic(p.NameEN, arabic)
	p.Variants = append(arabic, p.Variants...)
	return p, nil
}

// classify maps a GeoNames feature code and population to a kind and capital level.
func classify(code string, pop int) (gazetteer.Kind, int) {
	switch code {
	case "PPLC":
		return gazetteer.KindCity, 0
	case "PPLA":
		return gazetteer.KindCity, 1
	case "PPLA2":
		return gazetteer.KindTown, 2
	case "PPLA3":
		return gazetteer.KindTown, 3
	case "PPLX":
		return gazetteer.KindNeighbourhood, -1
	}
	switch {
	case pop >= 50000:
		return gazetteer.KindCity, -1
	case pop >= 5000:
		return gazetteer.KindTown, -1
	}
	return gazetteer.KindVillage, -1
}

// keepName keeps Arabic-script names and Latin names with a capital letter; it drops
// GeoNames' lower-case romanisations ("alrqt"), airport codes and other scripts.
func keepName(n string) bool {
	if n == "" || strings.HasPrefix(n, "محافظة") {
		return false
	}
	if isArabicName(n) {
		return true
	}
	upper, letters := 0, 0
	for _, r := range n {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.In(r, unicode.Latin) {
				return false
			}
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return upper > 0 && letters >= 4 && upper < letters
}

func isArabicName(n string) bool {
	for _, r := range n {
		if unicode.IsLetter(r) {
			return unicode.In(r, unicode.Arabic)
		}
	}
	return false
}

var invisible = strings.NewReplacer("\u200e", "", "\u200f", "", "\u200b", "", "\u200c", "", "\u200d", "")

// bestArabic picks as preferred Arabic name the one whose consonants best match the
// English name (GeoNames lists Arabic alternates in no useful order), returning the
// others as variants.
func bestArabic(en string, names []string) (string, []string) {
	if len(names) == 0 {
		return "", nil
	}
	target := consonants(en)
	best, bestD := 0, 1<<30
	for i, n := range names {
		d := levenshtein(consonantsAR(n), target)*4 + strings.Count(n, " ")
		if strings.ContainsFunc(n, func(r rune) bool { return r >= 0x0671 && r <= 0x06FF }) {
			d += 8 // Persian or Kurdish letters: a variant, not the Arabic name
		}
		if !strings.HasPrefix(n, "ال") {
			d++ // the press writes the article: prefer "اللاذقية" to "لاذقية"
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	rest := append(append([]string{}, names[:best]...), names[best+1:]...)
	return names[best], rest
}

var arConsonant = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "t", 'ج': "j", 'ح': "h", 'خ': "k", 'د': "d", 'ذ': "d", 'ر': "r",
	'ز': "z", 'س': "s", 'ش': "s", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'غ': "g", 'ف': "f",
	'ق': "k", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h",
}

func consonantsAR(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimPrefix(gazetteer.Normalize(s), "ال") {
		b.WriteString(arConsonant[r])
	}
	return b.String()
}

func consonants(s string) string {
	r := strings.NewReplacer("sh", "s", "kh", "k", "gh", "g", "dh", "d", "th", "t", "q", "k")
	var b strings.Builder
	for _, c := range r.Replace(gazetteer.Normalize(s)) {
		if strings.ContainsRune("bcdfghjklmnprstvxz", c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
