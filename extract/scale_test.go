//go:build scale

// Hostile round 13's measure of what extraction costs as reports grow: each
// shape (our own sentences, the places drawn from the gazetteer) is read at
// 25, 50, 100 and 199 KB, and the CPU and bytes allocated are printed with
// their ratio from the smallest to the largest (about 8 when linear).
//
//	go test -tags "sqlite_fts5 scale" ./extract -run TestScale -v
//	SHAPE=en_prov_short SIZE=50000 go test -tags "sqlite_fts5 scale" ./extract -run TestScaleOne -v

package extract

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/internal/cputime"
)

type scaleShape struct {
	name string
	unit func(i int, ar, en []string) string // the i-th piece
	lang string
}

func scaleNames(g *gazetteer.Gazetteer) (ar, en []string) {
	for _, p := range g.Places() {
		if (p.Kind == gazetteer.KindTown || p.Kind == gazetteer.KindVillage || p.Kind == gazetteer.KindCity) && p.NameAR != "" && p.NameEN != "" && !strings.Contains(p.NameEN, " ") {
			ar = append(ar, p.NameAR)
			en = append(en, p.NameEN)
		}
	}
	return
}

var scaleShapes = []scaleShape{
	{"en_arrest_quiet_dated", func(i int, ar, en []string) string {
		return fmt.Sprintf("On %d May %d, forces arrested 3 people. The operation went on. ", i%28+1, 2000+i/28%25)
	}, "en"},
	{"en_arrest_quiet", func(i int, ar, en []string) string {
		return "Forces arrested 3 people. The operation went on. "
	}, "en"},
	{"ar_arrest_quiet", func(i int, ar, en []string) string {
		return "اعتقلت القوات 3 أشخاص. واستمرت العملية. "
	}, "ar"},
	{"en_newtopic_lead", func(i int, ar, en []string) string {
		return "Meanwhile, shelling killed 5 people. The shelling struck " + en[i%len(en)] + ". "
	}, "en"},
	{"ar_newtopic_lead", func(i int, ar, en []string) string {
		return "في سياق آخر، قتل 5 أشخاص بقصف. وطال القصف بلدة " + ar[i%len(ar)] + ". "
	}, "ar"},
	{"ar_area_chain", func(i int, ar, en []string) string {
		return fmt.Sprintf("وفي %d أيار قصف قرى بريف إدلب. ", i%28+1)
	}, "ar"},
	{"ar_quote_open", func(i int, ar, en []string) string { return "قتل 3 في «" + ar[i%len(ar)] + " و" }, "ar"},
	{"en_quote_open", func(i int, ar, en []string) string { return "Gunmen killed 3 in “" + en[i%len(en)] + " and " }, "en"},
	{"en_town_short", func(i int, ar, en []string) string { return "Shelling hit " + en[i%len(en)] + ". " }, "en"},
	{"ar_town_short", func(i int, ar, en []string) string { return "قصف " + ar[i%len(ar)] + ". " }, "ar"},
	{"en_area_short", func(i int, ar, en []string) string { return "Shelling hit villages in rural Idlib. " }, "en"},
	{"ar_area_short", func(i int, ar, en []string) string { return "قصف قرى بريف إدلب. " }, "ar"},
	{"en_count_short", func(i int, ar, en []string) string { return fmt.Sprintf("%d killed in Idlib. ", i%50+1) }, "en"},
	{"ar_count_short", func(i int, ar, en []string) string { return fmt.Sprintf("قتل %d في إدلب. ", i%50+1) }, "ar"},
	{"en_bigcount_zero", func(i int, ar, en []string) string {
		if i%2 == 0 {
			return "Gunmen killed 900000 people in Idlib. "
		}
		return "Nobody was killed in Hama. "
	}, "en"},
	{"ar_bigcount_zero", func(i int, ar, en []string) string {
		if i%2 == 0 {
			return "قتل 900000 شخص في إدلب. "
		}
		return "ولم يسفر القصف على حماة عن إصابات. "
	}, "ar"},
	{"en_desc_counts", func(i int, ar, en []string) string {
		return fmt.Sprintf("Shelling killed %d in %s. ", 100000-i, en[i%len(en)])
	}, "en"},
	{"en_lead_later_place", func(i int, ar, en []string) string {
		if i%2 == 0 {
			return "Shelling killed 50 people. "
		}
		return "The shelling struck " + en[i%len(en)] + ". "
	}, "en"},
	{"en_kinds_mix", func(i int, ar, en []string) string {
		v := []string{"Shelling killed 9", "Gunmen kidnapped 9", "Forces arrested 9", "A bomb killed 9", "Clashes killed 9", "An airstrike killed 9"}
		return v[i%len(v)] + " in " + en[i%len(en)] + ". "
	}, "en"},
	{"en_prov_short", func(i int, ar, en []string) string {
		govs := []string{"Idlib", "Hama", "Homs", "Aleppo", "Daraa", "Latakia", "Tartus", "Raqqa", "Hasakah", "Quneitra", "Suwayda"}
		return "Shelling hit " + govs[i%len(govs)] + ". "
	}, "en"},
	{"ar_prov_short", func(i int, ar, en []string) string {
		govs := []string{"إدلب", "حماة", "حمص", "حلب", "درعا", "اللاذقية", "طرطوس", "الرقة", "الحسكة", "القنيطرة", "السويداء"}
		return "قصف " + govs[i%len(govs)] + ". "
	}, "ar"},
	{"en_shelling_short", func(i int, ar, en []string) string { return "Shelling hit. " }, "en"},
	{"en_province_lead", func(i int, ar, en []string) string {
		govs := []string{"Idlib", "Hama", "Homs", "Aleppo", "Daraa", "Latakia", "Tartus", "Raqqa", "Hasakah", "Quneitra", "Suwayda"}
		return "Shelling hit " + govs[i%len(govs)] + " governorate. "
	}, "en"},
	{"ar_province_lead", func(i int, ar, en []string) string {
		govs := []string{"إدلب", "حماة", "حمص", "حلب", "درعا", "اللاذقية", "طرطوس", "الرقة", "الحسكة", "القنيطرة", "السويداء"}
		return "قصفت القوات محافظة " + govs[i%len(govs)] + ". "
	}, "ar"},
	{"en_area_lead", func(i int, ar, en []string) string {
		return "Shelling hit several villages in the Idlib countryside. "
	}, "en"},
	{"ar_area_lead", func(i int, ar, en []string) string {
		return "قصفت القوات عدة قرى بريف إدلب الجنوبي. "
	}, "ar"},
	{"ar_area_lead_dates", func(i int, ar, en []string) string {
		return fmt.Sprintf("وفي %d أيار قصفت القوات عدة قرى بريف إدلب الجنوبي. ", i%28+1)
	}, "ar"},
	{"en_province_dates", func(i int, ar, en []string) string {
		govs := []string{"Idlib", "Hama", "Homs", "Aleppo", "Daraa", "Latakia", "Tartus", "Raqqa", "Hasakah", "Quneitra", "Suwayda"}
		return fmt.Sprintf("On %d May, shelling hit %s governorate. ", i%28+1, govs[i%len(govs)])
	}, "en"},
	{"ar_story_distinct", func(i int, ar, en []string) string {
		return fmt.Sprintf("قتل %d مدنيين وأصيب %d آخرون في قصف على بلدة %s يوم الاثنين. ", i%9+2, i%7+3, ar[i%len(ar)])
	}, "ar"},
	{"ar_story_same", func(i int, ar, en []string) string {
		return fmt.Sprintf("قتل %d مدنيين في قصف على بلدة %s يوم الاثنين. ", i%9+2, ar[0])
	}, "ar"},
	{"ar_same_area", func(i int, ar, en []string) string {
		if i == 0 {
			return "قتل 3 مدنيين في قصف على بلدة " + ar[5] + ". "
		}
		return "وقتل شاب برصاص مجهولين في المنطقة ذاتها. "
	}, "ar"},
	{"ar_this_day", func(i int, ar, en []string) string {
		return "في مثل هذا اليوم قتل 3 مدنيين في " + ar[i%len(ar)] + ". "
	}, "ar"},
	{"ar_quotes", func(i int, ar, en []string) string {
		p := ar[i%len(ar)]
		return "قتل «" + p + "» و\"" + p + "\" و“" + p + "” في قصف على " + p + ". "
	}, "ar"},
	{"ar_brackets", func(i int, ar, en []string) string {
		p := ar[i%len(ar)]
		return "قتل (3) في (" + p + ") [" + p + "] يوم (الاثنين) (12 أيار). "
	}, "ar"},
	{"ar_typewords", func(i int, ar, en []string) string { return "قرية " }, "ar"},
	{"ar_typewords_place", func(i int, ar, en []string) string {
		if i%200 == 199 {
			return ar[i%len(ar)] + " قتل 3. "
		}
		return "في قرية "
	}, "ar"},
	{"ar_diacritics", func(i int, ar, en []string) string {
		return "قُُِِـــــــــــ\u200d\u200d\u200f\u200fتِلَ 3 في " + ar[i%len(ar)] + "ًًًًًًًًًًًً. "
	}, "ar"},
	{"ar_digits_long", func(i int, ar, en []string) string {
		return "قتل " + strings.Repeat("7", 5000) + " في " + ar[i%len(ar)] + ". "
	}, "ar"},
	{"ar_indic", func(i int, ar, en []string) string {
		return "قتل ٣٣ شخصا وأصيب ١٢ في " + ar[i%len(ar)] + " في ١٢ أيار ٢٠٢٥. "
	}, "ar"},
	{"ar_dates_one", func(i int, ar, en []string) string { return fmt.Sprintf("في %d أيار 2025 و", i%28+1) }, "ar"},
	{"ar_weekdays", func(i int, ar, en []string) string {
		return "يوم الاثنين وقتل 3 في " + ar[i%len(ar)] + " الثلاثاء، "
	}, "ar"},
	{"ar_elaborating", func(i int, ar, en []string) string {
		if i == 0 {
			return "قتل 3 مدنيين في قصف على بلدة " + ar[5] + " يوم الاثنين. "
		}
		return "وأوضح المصدر أن الهجوم أسفر عن مقتل 3 وإصابة 4. "
	}, "ar"},
	{"ar_fronted", func(i int, ar, en []string) string { return ar[i%len(ar)] + ": قتل 3 مدنيين في قصف. " }, "ar"},
	{"ar_nopunct", func(i int, ar, en []string) string { return "قتل 3 في " + ar[i%len(ar)] + " و" }, "ar"},
	{"ar_background", func(i int, ar, en []string) string {
		return "وكان التنظيم قد قتل 3 في " + ar[i%len(ar)] + " في وقت سابق. "
	}, "ar"},
	{"ar_toldbefore", func(i int, ar, en []string) string {
		p := ar[(i/2)%len(ar)]
		if i%2 == 0 {
			return "قتل شخص في " + p + ". "
		}
		return "وفي " + p + " أيضا قتل آخر. "
	}, "ar"},
	{"en_story_distinct", func(i int, ar, en []string) string {
		return fmt.Sprintf("Gunmen killed %d civilians and wounded %d in %s on Monday. ", i%9+2, i%7+3, en[i%len(en)])
	}, "en"},
	{"en_same_area", func(i int, ar, en []string) string {
		if i == 0 {
			return "Gunmen killed 3 civilians in " + en[5] + ". "
		}
		return "A man was shot dead in the same area. "
	}, "en"},
	{"en_this_day", func(i int, ar, en []string) string { return "On this day, 3 were killed in " + en[i%len(en)] + ". " }, "en"},
	{"en_quotes", func(i int, ar, en []string) string {
		p := en[i%len(en)]
		return "A man was killed in \"" + p + "\" and “" + p + "” and «" + p + "». "
	}, "en"},
	{"en_fronted", func(i int, ar, en []string) string { return "In " + en[i%len(en)] + ", gunmen killed 3 people. " }, "en"},
	{"en_village_words", func(i int, ar, en []string) string { return "village " }, "en"},
	{"en_nopunct", func(i int, ar, en []string) string { return "killed 5 people in " + en[i%len(en)] + " and " }, "en"},
	{"en_dates", func(i int, ar, en []string) string {
		return fmt.Sprintf("On %d May 2025, on Monday, 3 were killed in %s. ", i%28+1, en[i%len(en)])
	}, "en"},
	{"mixed", func(i int, ar, en []string) string {
		if i%2 == 0 {
			return "قتل 3 في " + ar[i%len(ar)] + ". "
		}
		return "Gunmen killed 3 in " + en[i%len(en)] + ". "
	}, ""},
	{"en_toldbefore", func(i int, ar, en []string) string {
		p := en[(i/2)%len(en)]
		if i%2 == 0 {
			return "A man was killed in " + p + ". "
		}
		return "Also in " + p + ", another was shot. "
	}, "en"},
}

func buildShape(sh scaleShape, n int, ar, en []string) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sh.unit(i, ar, en))
	}
	s := b.String()
	if len(s) > n {
		s = s[:n]
		for !strings.HasSuffix(s, " ") && len(s) > 0 && s[len(s)-1] >= 0x80 && s[len(s)-1] < 0xC0 {
			s = s[:len(s)-1]
		}
	}
	return strings.ToValidUTF8(s, "")
}

func TestScale(t *testing.T) {
	g := mustGazetteer(t)
	ar, en := scaleNames(g)
	x := New(g)
	only := os.Getenv("SHAPE")
	sizes := []int{25000, 50000, 100000, 199000}
	for _, sh := range scaleShapes {
		if only != "" && !strings.Contains(sh.name, only) {
			continue
		}
		var line []string
		var c0, a0 float64
		for k, n := range sizes {
			text := buildShape(sh, n, ar, en)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			cpu := cputime.Process()
			cands := x.ExtractLang(text, time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC), sh.lang)
			cpu = cputime.Process() - cpu
			runtime.ReadMemStats(&after)
			alloc := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
			ms := float64(cpu.Microseconds()) / 1000
			if k == 0 {
				c0, a0 = ms, alloc
			}
			line = append(line, fmt.Sprintf("%dK %.0fms %.1fMB %dc", n/1000, ms, alloc, len(cands)))
			if k == len(sizes)-1 {
				line = append(line, fmt.Sprintf("ratio cpu %.1f alloc %.1f", ms/c0, alloc/a0))
			}
		}
		t.Logf("%-20s %s", sh.name, strings.Join(line, " | "))
	}
}

func TestScaleOne(t *testing.T) {
	g := mustGazetteer(t)
	ar, en := scaleNames(g)
	x := New(g)
	only := os.Getenv("SHAPE")
	n := 199000
	if s := os.Getenv("SIZE"); s != "" {
		fmt.Sscan(s, &n)
	}
	for _, sh := range scaleShapes {
		if sh.name != only {
			continue
		}
		text := buildShape(sh, n, ar, en)
		for r := 0; r < 3; r++ {
			cpu := cputime.Process()
			c := x.ExtractLang(text, time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC), sh.lang)
			t.Logf("%s %d: %v %d", sh.name, n, cputime.Process()-cpu, len(c))
		}
	}
}
