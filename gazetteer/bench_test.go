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

// BenchmarkLoad_OCHA builds the gazetteer of ~6,000 places (embedded + OCHA).
func BenchmarkLoad_OCHA(b *testing.B) {
	places, areas := loadOCHA(b)
	base, govs, err := DefaultData()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		New(Merge(base, places), govs, areas...)
	}
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
	text := "أعلنت الوزارة القبض على خلية في منطقة البدروسية بريف اللاذقية الشمالي، وأخرى في عفرين بريف حلب الشمالي الغربي."
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
	var g *Gazetteer
	var retained float64
	for b.Loop() {
		var before, after runtime.MemStats
		g = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		var err error
		if g, err = DefaultWith(places, areas); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	}
	runtime.KeepAlive(g)
	b.ReportMetric(retained, "MB-retained")
}
