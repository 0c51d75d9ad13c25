package gazetteer

import (
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
