package gazetteer

import (
	"runtime"
	"testing"

	"github.com/paulmach/orb"
)

func BenchmarkLoad_Default(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad_OCHA builds the built-in gazetteer with every OCHA file imported
// on top, as `serve` does after `mapsrv gazetteer import` (the files parsed once).
func BenchmarkLoad_OCHA(b *testing.B) {
	places, areas := loadOCHA(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DefaultWith(places, areas); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMemory_Default reports the heap the built-in gazetteer keeps once
// built (MB-retained), as `serve` and `extract` build it at start.
func BenchmarkMemory_Default(b *testing.B) {
	benchRetained(b, Default)
}

// benchRetained reports the heap what build returns keeps (MB-retained).
func benchRetained(b *testing.B, build func() (*Gazetteer, error)) {
	var g *Gazetteer
	var retained float64
	for b.Loop() {
		var before, after runtime.MemStats
		g = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		var err error
		if g, err = build(); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	}
	runtime.KeepAlive(g)
	b.ReportMetric(retained, "MB-retained")
}

func benchGeocode(b *testing.B, query string) {
	g := ochaGazetteer(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Geocode(query); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGeocode_ExactArabic(b *testing.B)  { benchGeocode(b, "سراقب") }
func BenchmarkGeocode_ExactEnglish(b *testing.B) { benchGeocode(b, "Jisr al-Shughur") }
func BenchmarkGeocode_Context(b *testing.B)      { benchGeocode(b, "الدانا شمال إدلب") }
func BenchmarkGeocode_Fuzzy(b *testing.B)        { benchGeocode(b, "Jisr al-Shugurr") }

func BenchmarkFindAll(b *testing.B) {
	g := ochaGazetteer(b)
	text := "أعلنت الوزارة القبض على خلية في قرية البدروسية بريف اللاذقية الشمالي، وأخرى في عفرين بريف حلب الشمالي الغربي."
	b.ReportAllocs()
	for b.Loop() {
		g.FindAll(text)
	}
}

func BenchmarkSuggest(b *testing.B) {
	g := ochaGazetteer(b)
	b.ReportAllocs()
	for b.Loop() {
		g.Suggest("كفر", 10)
	}
}

func BenchmarkReverse(b *testing.B) {
	g := ochaGazetteer(b)
	p := orb.Point{36.7699, 36.2125}
	b.ReportAllocs()
	for b.Loop() {
		g.Reverse(p)
	}
}

func BenchmarkNearest(b *testing.B) {
	g := ochaGazetteer(b)
	p := orb.Point{36.7699, 36.2125}
	b.ReportAllocs()
	for b.Loop() {
		g.Nearest(p, 5)
	}
}

// BenchmarkReverse_Damascus reverse-geocodes a point in a city, where districts,
// subdistricts and neighbourhoods overlap the governorate's box.
func BenchmarkReverse_Damascus(b *testing.B) {
	g := ochaGazetteer(b)
	p := orb.Point{36.2913, 33.5102}
	b.ReportAllocs()
	for b.Loop() {
		g.Reverse(p)
	}
}

// BenchmarkMemory_OCHA reports the heap a gazetteer of the embedded data and
// every OCHA file keeps once built (MB-retained), the parsed OCHA input aside.
func BenchmarkMemory_OCHA(b *testing.B) {
	places, areas := loadOCHA(b)
	benchRetained(b, func() (*Gazetteer, error) { return DefaultWith(places, areas) })
}
