package extract

import (
	"strings"
	"testing"
	"time"
)

// Rules added for the way Syrian outlets write; every sentence is ours.

func TestFindCounts_NewsPhrasing(t *testing.T) {
	tests := map[string]struct {
		in   string
		kind countKind
		want int
	}{
		"agent between verb and count": {"اعتقلت دورية تابعة للأمن الداخلي شخصين في المدينة", countArrested, 2},
		"count of the accused":         {"ألقت الشرطة القبض على ثلاثة من المتهمين بالسرقة", countArrested, 3},
		"departed life":                {"فارق طفلان الحياة جراء الانفجار", countKilled, 2},
		"third one injured":            {"قتل رجلان وأصيب ثالث بجروح", countInjured, 1},
		"another one injured":          {"قتل ثلاثة عناصر وأصيب آخر", countInjured, 1},
		"noun then definite number":    {"أسفرت المداهمة عن القبض على خاطفيه الأربعة", countArrested, 4},
		"took the lives of":            {"انفجرت عبوة وأودت بحياة شخصين", countKilled, 2},
		"assassinated one":             {"اغتال مسلحون مجهولون مساء أمس قيادياً سابقاً", countKilled, 1},
		"far count with person noun":   {"اعتقلت قوات الأمن خلال حملة مداهمات واسعة 12 شاباً", countArrested, 12},
		"digits glued to the noun":     {"سقطت قذائف على الحي ما أدى إلى إصابة 15شخصا بجروح", countInjured, 15},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var got *int
			for _, c := range findCounts(tokenize(tc.in, 0, len(tc.in)), nil) {
				if c.Kind == tc.kind && c.Value != nil {
					got = c.Value
					break
				}
			}
			if got == nil || *got != tc.want {
				t.Errorf("%s count of %q = %v; want %d", tc.kind, tc.in, countStr(got), tc.want)
			}
		})
	}
}

func TestFindCounts_NotCounts(t *testing.T) {
	for name, in := range map[string]string{
		"failed assassination": "نجا القيادي من محاولة اغتيال قرب منزله",
		"weekday is not two":   "أوقفت الشرطة يوم الإثنين 8 كانون الأول خلية في المدينة",
		"far number of things": "اعتقلت قوات الأمن خلال حملة استمرت 12 ساعة مطلوبين",
	} {
		t.Run(name, func(t *testing.T) {
			for _, c := range findCounts(tokenize(in, 0, len(in)), nil) {
				if c.Value != nil && c.Kind != countKilled || c.Value != nil && name == "failed assassination" {
					t.Errorf("findCounts(%q) took %s %d; want none", in, c.Kind, *c.Value)
				}
			}
		})
	}
}

func TestFindTriggers_NewsPhrasing(t *testing.T) {
	tests := map[string]struct {
		in   string
		want string // "" for no trigger
	}{
		"two shells fell":        {"سقطت قذيفتان على حي سكني", TypeShelling},
		"dual in construct":      {"تسبب سقوط قذيفتي هاون بأضرار مادية", TypeShelling},
		"killed by bullets":      {"ارتقى شاب برصاص مجهولين", TypeArmedAttack},
		"defused bomb":           {"فككت وحدة الهندسة التابعة للشرطة عبوة ناسفة", TypeWeaponsSeizure}, // a device found, no explosion (round 23)
		"accused of crimes":      {"مطلوبين متهمين بارتكاب جرائم قتل وخطف", ""},
		"rejecting attacks":      {"شدد الوزيران على رفض أي هجمات على المدنيين", ""},
		"years of shelling done": {"تعيش العائلات في خيام بعد سنوات من القصف والنزوح", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			toks := tokenize(tc.in, 0, len(tc.in))
			ts := filterTriggers(tc.in, toks, findTriggers(toks))
			if isSummary(toks) {
				ts = nil
			}
			got := ""
			if len(ts) > 0 {
				got = ts[0].Typ
			}
			if got != tc.want {
				t.Errorf("trigger of %q = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestAsideAndTally(t *testing.T) {
	tests := map[string]struct {
		in   string
		want bool
	}{
		"comes after":   {"ويأتي ذلك بعد أيام من هجوم على حاجز عسكري", true},
		"trend since":   {"وتشهد المنطقة منذ مطلع العام حوادث خطف متكررة", true},
		"monthly tally": {"ووثق مكتب محلي مقتل نحو 30 شخصاً خلال تشرين الأول", true},
		"an event":      {"قتل شخصان في هجوم على حاجز عسكري مساء أمس", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			toks := tokenize(tc.in, 0, len(tc.in))
			if got := isSummary(toks) || isAside(toks); got != tc.want {
				t.Errorf("aside or tally %q = %v; want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestFindDates_WeekdayPairs(t *testing.T) {
	pub := time.Date(2025, 12, 17, 0, 0, 0, 0, time.UTC) // a Wednesday
	tests := map[string]struct{ in, from, to string }{
		"night of two days": {"اشتباكات ليل الإثنين - الثلاثاء في المدينة", "2025-12-15", "2025-12-16"},
		"two days":          {"حملة مداهمات يومي الأحد والإثنين", "2025-12-14", "2025-12-15"},
		"one day":           {"هجوم مساء الثلاثاء", "2025-12-16", "2025-12-16"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			ds := findDates(tokenize(tc.in, 0, len(tc.in)), tc.in, dateContext{published: pub})
			if len(ds) != 1 || dateStr(ds[0].From) != tc.from || dateStr(ds[0].To) != tc.to {
				t.Fatalf("findDates(%q) = %+v; want %s..%s", tc.in, ds, tc.from, tc.to)
			}
		})
	}
}

// TestExtract_Background checks that an earlier event told as background gets
// no date of the story and no place of another sentence.
func TestExtract_Background(t *testing.T) {
	x := New(mustGazetteer(t))
	pub := time.Date(2025, 12, 18, 0, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		text  string
		wantN int
	}{
		"pluperfect without place": {"قتل عنصران في هجوم على حاجز في مدينة جبلة فجر اليوم. وكانت مجموعات مسلحة قد هاجمت حواجز مماثلة في آذار الماضي.", 1},
		"earlier today elsewhere":  {"اعتقلت الشرطة شخصين في مدينة حمص اليوم. وفي وقت سابق، قتل رجل في هجوم مسلح في مدينة حماة.", 2},
		// news-dev's conventions record an earlier event told in an aside, at its own
		// place and undated (it used to give nothing); the check below keeps it off
		// the story's date
		"comes after an attack": {"شنت طائرات مسيرة غارة على سيارة قرب مدينة الميادين فجر اليوم. ويأتي ذلك بعد أيام من هجوم على نقطة عسكرية في مدينة البوكمال.", 2},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := x.Extract(tc.text, pub)
			if len(got) != tc.wantN {
				t.Fatalf("Extract(%q) gave %d candidates; want %d: %+v", tc.text, len(got), tc.wantN, got)
			}
			for _, c := range got[1:] {
				if c.DateFrom.Equal(pub) && c.PlaceNameEN == got[0].PlaceNameEN {
					t.Errorf("background candidate %+v took the story's date and place", c)
				}
			}
		})
	}
}

// A village the gazetteer lacks keeps its name as written even where the name
// minus a plural-looking ending is a preposition ("عبر", "من", "عن").
func TestExtract_UnknownNameLikeAStopWord(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"قُتل رجلان بقصف مدفعي استهدف قرية عبرين بريف حماة الشمالي.", "عبرين"},
		{"اعتقلت دورية للأمن العام ثلاثة شبان في قرية منين الشرقية بريف حماة.", "منين الشرقية"},
		{"أصيب طفل بانفجار لغم في قرية عنات بريف حماة الغربي.", "عنات"},
		// "بلدة" starts with the letter of the proclitic "ب"
		{"أقدم مسلحون على اختطاف تاجر في بلدة كفرسنان بريف حماة.", "كفرسنان"},
		// "عليا" ends like "على", a count word only after "القبض"
		{"سقطت قذائف صاروخية على قرية كرم عليا بريف حماة دون إصابات.", "كرم عليا"},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].PlaceNameAR != tc.want || got[0].Admin1PCode != "SY05" {
			t.Errorf("Extract(%q) = %v; want one incident at %q in Hama", tc.text, describeAll(got), tc.want)
		}
	}
}

// A typed name is read whole, as written, and in the governorate or city the
// sentence names; the spot's kind ("أرض زراعية") is no name.
func TestExtract_TypedNameInItsArea(t *testing.T) {
	for _, tc := range []struct{ text, want, admin1 string }{
		// a village the gazetteer lacks, whose first word names a town elsewhere
		{"قُتل راعيان بانفجار لغم في بستان زيتون بقرية تل الخوخ شرقي السلمية بمحافظة حماة.", "تل الخوخ", "SY05"},
		// a quarter whose name several cities share, told with its city
		{"داهمت دورية للشرطة منزلاً في حي القصور بمدينة حماة واعتقلت شخصين.", "القصور", "SY05"},
		{"سقطت قذيفة هاون على حي الميدان في دمشق، ما أدى إلى إصابة طفلين.", "الميدان", "SY01"},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].PlaceNameAR != tc.want || got[0].Admin1PCode != tc.admin1 {
			t.Errorf("Extract(%q) = %v; want one incident at %q in %s", tc.text, describeAll(got), tc.want, tc.admin1)
		}
	}
}

func describeAll(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, describeCandidate(c))
	}
	return out
}

// A verb of death is read as written: "لقوات" (of the forces) is no "لقوا"
// (they met [death]) with an ending.
func TestFindCounts_VerbFormsAsWritten(t *testing.T) {
	in := "وأكد القائد الميداني لقوات الحماية في البلدة أن المسلح أطلق النار ثم لاذ بالفرار"
	for _, c := range findCounts(tokenize(in, 0, len(in)), nil) {
		if c.Value != nil {
			t.Errorf("findCounts(%q) took %s %d; want none", in, c.Kind, *c.Value)
		}
	}
}

// "أحدهما ...، وآخر ..." names the two blasts told before, not a new one.
func TestExtract_OneOfTwoIsNoNewEvent(t *testing.T) {
	text := "قُتل سبعة أشخاص أمس في انفجارين ضربا سوق مدينة منبج. " +
		"وقال مصدر طبي إن «انفجارين، أحدهما ناجم عن عبوة ناسفة، وآخر عن سيارة مفخخة، ضربا السوق المزدحم»."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 7 {
		t.Errorf("Extract = %v; want one bombing with 7 killed", describeAll(got))
	}
}

// "the X and Y areas": Y is the next place of the list, not the area X lies
// in, so a spelling of X the gazetteer knows in another governorate than Y's
// is still taken.
func TestExtract_ListedAreasAreSiblings(t *testing.T) {
	text := "Mortar shells fell on the Qaboun and Harasta areas on Tuesday, wounding three civilians."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].PlaceNameEN != "Qaboun" || got[0].Admin1PCode != "SY01" {
		t.Errorf("Extract = %v; want one shelling in Qaboun, Damascus", describeAll(got))
	}
}

// Where fire came from is no place of the incident: it fell on the place after.
func TestExtract_FiredFrom(t *testing.T) {
	for _, text := range []string{
		"Artillery shells fired from the direction of Kafr Nabl hit the town of Maarat al-Numan on Monday, wounding three civilians.",
		"سقطت قذائف صاروخية أطلقت من جهة بلدة كفرنبل على مدينة معرة النعمان، ما أدى إلى إصابة ثلاثة مدنيين.",
	} {
		got := extractAll(t, text, ymd("2025-10-15"))
		if len(got) != 1 || !strings.Contains(got[0].PlaceNameEN, "Nu") {
			t.Errorf("Extract(%q) = %v; want one shelling in Maarat al-Numan", text, describeAll(got))
			continue
		}
		for _, p := range got[0].Places {
			if strings.Contains(p.NameEN, "Kaf") && p.Role != RoleOrigin {
				t.Errorf("Extract(%q): Kafr Nabl is %s; want origin", text, p.Role)
			}
		}
	}
}
