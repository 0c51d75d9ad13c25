package extract

import (
	"strings"
	"testing"
)

// Rules of round 19, Arabic and English. Every sentence here is ours.

// wantNothing runs text and wants no candidate: why says what it is instead.
func wantNothing(t *testing.T, text, published, why string) {
	t.Helper()
	if got := extractAll(t, text, ymd(published)); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want nothing: %s", text, describeAll(got), why)
	}
}

// An aggression told with armed men as its doers is an armed attack, even
// with the place and the day told between; the victims told as undergoing
// it ("تعرض … لاعتداء") make it one that happened, not a purpose. An
// aggression with neither weapons nor armed doers is no event.
func TestExtract_AggressionByArmedMen(t *testing.T) {
	c := oneEvent(t, "تعرض ثلاثة مزارعين مساء الثلاثاء لاعتداء بالضرب داخل أرضهم في بلدة كفرنبل بريف إدلب الجنوبي على يد عصابة مسلحة.",
		"2024-05-08", TypeArmedAttack)
	if c != nil && !strings.Contains(c.PlaceNameAR, "كفرنبل") {
		t.Errorf("place = %q; want كفرنبل", c.PlaceNameAR)
	}
	if got := extractAll(t, "تعرض موظف في بلدة كفرنبل لاعتداء لفظي من أحد المراجعين أثناء عمله.", ymd("2024-05-08")); len(got) != 0 {
		t.Errorf("a quarrel: got %v; want nothing", describeAll(got))
	}
}

// Fears of clashes to come are no clash: "وسط مخاوف من حدوث اشتباكات".
func TestExtract_FearedClashes(t *testing.T) {
	oneEvent(t, "قُتل رجل برصاص مجهولين في بلدة الصنمين بريف درعا الشمالي يوم الأحد، ما أثار مخاوف من حدوث اشتباك بين عائلتين في البلدة.",
		"2024-05-06", TypeArmedAttack)
}

// A bridge named after a town lies by the town: "قرب جسر X" places the
// event near X, not nowhere.
func TestExtract_BridgeOfTown(t *testing.T) {
	c := oneEvent(t, "عثر الأهالي صباح اليوم على جثة رجل مقتولاً بالرصاص قرب جسر الرستن.", "2024-05-06", TypeArmedAttack)
	if c != nil && (!strings.Contains(c.PlaceNameAR, "الرستن") || c.Admin1Name != "Homs") {
		t.Errorf("place = %q in %q; want near الرستن, Homs", c.PlaceNameAR, c.Admin1Name)
	}
}

// A town named with its type word once is the place when named again bare
// in a later sentence, though alone its name is a common word.
func TestExtract_TownToldAgainBare(t *testing.T) {
	c := oneEvent(t, "قُتل شاب من أهالي مدينة البصيرة برصاص مجهولين يوم الأحد. وعثر ذووه على جثته مقتولاً قرب البصيرة مساءً.",
		"2024-05-06", TypeArmedAttack)
	if c != nil && (!strings.Contains(c.PlaceNameAR, "البصيرة") || c.Admin1Name != "Deir ez-Zor") {
		t.Errorf("place = %q in %q; want البصيرة, Deir ez-Zor", c.PlaceNameAR, c.Admin1Name)
	}
}

// "في مثل هذا اليوم قبل ثلاثة أعوام" opens an anniversary's retelling, and
// the sentence after it that tells more ("فقد …") is of it too: no event.
func TestExtract_OnThisDayYearsAgo(t *testing.T) {
	for _, text := range []string{
		"في مثل هذا اليوم قبل ثلاثة أعوام، شهدت مدينة منبج تفجيراً بسيارة مفخخة في سوقها الشعبي. فقد انفجرت السيارة قرب دوار المدينة وأوقعت عشرات الضحايا.",
		"On this day five years ago, a car bomb tore through the market of Manbij, killing dozens.",
	} {
		wantNothing(t, text, "2024-06-01", "an anniversary")
	}
}

// "المدخل الجنوبي لبلدة X" is X's own entrance, in X: the place, not a
// point south of it.
func TestExtract_EntranceOfTown(t *testing.T) {
	c := oneEvent(t, "قتل خمسة عناصر بانفجار عبوة ناسفة عند المدخل الشمالي لمدينة الصنمين بريف درعا صباح اليوم.", "2024-06-01", TypeBombing)
	if c != nil && (c.PlaceNameAR != "الصنمين" || strings.HasPrefix(c.PlaceNameEN, "north")) {
		t.Errorf("place = %q / %q; want الصنمين itself", c.PlaceNameAR, c.PlaceNameEN)
	}
}

// "In addition, other warplanes hit X" tells one more strike, however near
// the one before.
func TestExtract_InAdditionAnotherStrike(t *testing.T) {
	got := extractAll(t, "Warplanes struck the town of Kafranbel on Monday morning, killing three civilians. "+
		"In addition, other warplanes hit the town of Hass in the same area.", ymd("2024-06-03"))
	if len(got) != 2 {
		t.Errorf("got %v; want two strikes", describeAll(got))
	}
}

// "Damascus forces" are the government's forces, named after their seat:
// no place.
func TestExtract_ForcesNamedAfterSeat(t *testing.T) {
	c := oneEvent(t, "Fierce fighting raged on Sunday as ISIS cells stormed positions of Damascus forces around al-Sukhna in eastern Homs.", "2024-06-03", TypeClash)
	if c == nil {
		return
	}
	if c.Admin1Name != "Homs" {
		t.Errorf("governorate = %q; want Homs, not the forces' seat", c.Admin1Name)
	}
	for _, p := range c.Places {
		if p.Text == "Damascus" && p.Role != RoleOrganisation {
			t.Errorf("Damascus told as %s; want %s (the forces' name)", p.Role, RoleOrganisation)
		}
	}
}

// "اليوم الأربعاء", "today, Wednesday" in a report published on Thursday:
// the weekday names the day of writing, the day before publication.
func TestExtract_TodayNamedTheDayBefore(t *testing.T) {
	for _, text := range []string{
		"Gunmen attacked an army post at dawn today, Wednesday, in the town of Nawa in western Daraa, killing two soldiers.",
		"هاجم مسلحون فجر اليوم الأربعاء حاجزاً للجيش في مدينة نوى بريف درعا الغربي ما أدى إلى مقتل عنصرين.",
	} {
		c := oneEvent(t, text, "2024-06-06", TypeArmedAttack) // a Thursday
		if c != nil && c.DateFrom.Format("2006-01-02") != "2024-06-05" {
			t.Errorf("Extract(%q) date = %v; want 2024-06-05, the Wednesday", text, c.DateFrom)
		}
	}
}

// "central Damascus" is written whole: the place told, the heart of the city.
func TestExtract_CentralCity(t *testing.T) {
	c := oneEvent(t, "A car bomb exploded in central Damascus on Monday, killing four people.", "2024-06-03", TypeBombing)
	if c != nil && !slicesHasText(c.Places, "central Damascus") {
		t.Errorf("places = %v; want one written \"central Damascus\"", c.Places)
	}
}

func slicesHasText(ps []PlaceRef, text string) bool {
	for _, p := range ps {
		if p.Text == text {
			return true
		}
	}
	return false
}

// "ضبطت الشرطة في مدينة X المدعو Y بحوزته قنابل": a man caught is an arrest,
// at X (the name ends before "المدعو"), with what he held seized; the
// governorate that published it ("نشرته محافظة Z") is no place.
func TestExtract_ManCaughtWithGrenades(t *testing.T) {
	got := extractAll(t, "ضبطت دورية للشرطة في مدينة جبلة المدعو سامر بحوزته مسدس وقنبلتان. وذكرت التفاصيل صفحةٌ نشرتها محافظة اللاذقية على معرفاتها.", ymd("2024-06-10"))
	var arrest bool
	for _, c := range got {
		if c.IncidentType == TypeArrest {
			arrest = true
			if c.PlaceNameAR != "جبلة" {
				t.Errorf("arrest place = %q; want جبلة", c.PlaceNameAR)
			}
		}
	}
	if !arrest {
		t.Errorf("got %v; want an arrest at جبلة", describeAll(got))
	}
}

// A sentence opening with the definite word of what struck ("اللغم
// زرعته …", after "قال المركز إن") tells the blast just told.
func TestExtract_TheMineRetold(t *testing.T) {
	text := "لقي ثلاثة رعاة حتفهم مساء اليوم عندما انفجر بهم لغم أرضي قرب قرية الشميطية بريف دير الزور الغربي. " +
		"وقال مصدر أمني محلي لوسائل الإعلام في المنطقة إن \"اللغم زرعه مجهولون واستهدف سيارة تقل الرعاة\"."
	if got := extractAll(t, text, ymd("2024-06-10")); len(got) != 1 {
		t.Errorf("Extract(%q) = %v; want one event: the blast told again", text, describeAll(got))
	}
}

// "Since <month year>, the toll … has risen to N": a tally over years,
// whatever places it names.
func TestExtract_TallySinceMonthEN(t *testing.T) {
	text := "Since March 2019, the number of people assassinated in Raqqa, Hasakah and Deir ez-Zor provinces has risen to 512, the monitor said."
	wantNothing(t, text, "2024-06-10", "a tally")
}

// "في بساتين X": the orchards of X, not a village called Basatin; and
// "تدمير تجمعات للإرهابيين" is a fight's gains, not a seizure.
func TestExtract_OrchardsAndPositionsDestroyed(t *testing.T) {
	got := extractAll(t, "ذكر مصدر عسكري أنه جرى تدمير تجمعات للمسلحين بما فيها من أسلحة في بساتين قرية الزعفرانة بريف حمص الشمالي.", ymd("2024-06-10"))
	for _, c := range got {
		if c.IncidentType == TypeWeaponsSeizure {
			t.Errorf("got %v; want no seizure: positions destroyed", describeAll(got))
		}
		if c.Admin1Name != "Homs" {
			t.Errorf("place = %q in %q; want a place in Homs", c.PlaceNameAR, c.Admin1Name)
		}
	}
}

// A place taken from the sentence before is its town, not the countryside
// told after the town to locate it.
func TestExtract_EarlierTownNotItsCountryside(t *testing.T) {
	got := extractAll(t, "داهمت قوات الأمن بلدة المرابيع بريف دير الزور الشمالي فجر اليوم. وأسفرت الحملة عن اعتقال 12 شخصاً من أبناء البلدة.", ymd("2024-06-10"))
	for _, c := range got {
		if c.IncidentType == TypeArrest && c.PlaceNameAR != "المرابيع" {
			t.Errorf("arrest place = %q; want المرابيع, the town", c.PlaceNameAR)
		}
	}
	if len(got) == 0 {
		t.Error("no arrest")
	}
}

// "أمس السبت" in a report published on Monday: the weekday names the day.
func TestExtract_YesterdayNamedTwoDaysBack(t *testing.T) {
	c := oneEvent(t, "قصف الطيران المروحي أمس السبت مدينة داعل بريف درعا بالبراميل المتفجرة.", "2024-06-10", TypeAirstrike) // a Monday
	if c != nil && c.DateFrom.Format("2006-01-02") != "2024-06-08" {
		t.Errorf("date = %v; want 2024-06-08, the Saturday", c.DateFrom)
	}
}

// Residents "in" a town are there now: "سمع الأهالي في مدينة X دوي انفجار"
// places the blast in X; a pair of young men "from" a town came from it.
func TestExtract_ResidentsInTownAndPairsFromTown(t *testing.T) {
	c := oneEvent(t, "سمع الأهالي في مدينة الباب دوي انفجار عبوة ناسفة قرب السوق ظهر اليوم.", "2024-06-10", TypeBombing)
	if c != nil && c.PlaceNameAR != "الباب" {
		t.Errorf("place = %q; want الباب", c.PlaceNameAR)
	}
	c = oneEvent(t, "قُتل شابان من مدينة منبج بانفجار لغم أرضي في قرية العريمة.", "2024-06-10", TypeOther)
	if c != nil && c.PlaceNameAR != "العريمة" {
		t.Errorf("place = %q; want العريمة, not the victims' home", c.PlaceNameAR)
	}
}

// "إن مدنياً قُتل وأُصيب ثمانية آخرون": the subject before the first verb is
// its count, the number after the second verb the second's.
func TestExtract_SubjectThenTwoVerbs(t *testing.T) {
	c := oneEvent(t, "قال مصدر طبي إن طفلاً قتل وأصيب سبعة آخرون جراء قصف مدفعي على بلدة الأتارب.", "2024-06-10", TypeShelling)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
		wantCount(t, "injured", c.Injured, 7)
	}
}

// "وسجّلت الشبكة مقتل … خلال الشهر الماضي": a monitor's record of a month.
func TestExtract_RecordedOverTheMonth(t *testing.T) {
	text := "وسجلت الشبكة مقتل أربعة مدنيين خلال الشهر الماضي، أحدهم قضى بانفجار لغم في ريف حماة الشرقي."
	wantNothing(t, text, "2024-06-10", "a month's record")
}

// "injuring Mohammad Qasim al-Jawwad": a place name right after a common
// given name is a man's second name, not where it happened.
func TestExtract_SecondNameIsNoPlace(t *testing.T) {
	c := oneEvent(t, "Gunmen opened fire near the town of Nawa on Monday, killing Ahmad Jasim al-Hariri and wounding his brother.", "2024-06-11", TypeArmedAttack)
	if c != nil && c.PlaceNameEN == "Jasim" {
		t.Errorf("place = %q; want Nawa, not the man's second name", c.PlaceNameEN)
	}
}

// "N civilians (M women) were killed": the figure in brackets is a part
// of the one before it, not the toll.
func TestExtract_BracketedPartOfToll(t *testing.T) {
	c := oneEvent(t, "Eleven civilians (4 women) were killed on Monday when rockets hit the al-Hamdaniya neighborhood of Aleppo.", "2024-06-11", TypeShelling)
	if c != nil {
		wantCount(t, "killed", c.Killed, 11)
	}
}

// An agency of Lebanon or Iraq acting with no place told acted at home: no
// Syrian incident. A Syrian event told before it stays.
func TestExtract_ForeignAgencyAtHome(t *testing.T) {
	got := extractAll(t, "Security forces seized a truck of rifles in the town of Qusayr near the border on Friday. "+
		"Separately, the Lebanese army said on Saturday it had detained two men wanted for smuggling arms.", ymd("2024-06-09"))
	if len(got) != 1 || got[0].IncidentType != TypeWeaponsSeizure {
		t.Errorf("got %v; want only the seizure in Qusayr", describeAll(got))
	}
}

// "قرب المنطقة ذاتها": the area of the event told before, as a point near,
// not the victims' home.
func TestExtract_NearTheSameArea(t *testing.T) {
	got := extractAll(t, "خطف مسلحون ثلاثة تجار قرب بلدة المسيفرة بريف درعا الشرقي صباح اليوم. "+
		"وكانت سيارة تقل مدنيين من مدينة السويداء تعرضت ظهر اليوم لإطلاق نار قرب المنطقة ذاتها ما أدى إلى إصابة اثنين.", ymd("2024-06-11"))
	for _, c := range got {
		if c.IncidentType == TypeArmedAttack && c.Admin1Name != "Daraa" {
			t.Errorf("shooting placed in %q; want Daraa, near the same area as the kidnapping", c.Admin1Name)
		}
	}
	if len(got) != 2 {
		t.Errorf("got %v; want the kidnapping and the shooting", describeAll(got))
	}
}

// Arabic counts: a boy ("فتى") is one person; a feminine subject before its
// verb ("امرأة لقيت حتفها") is its count; "سقوط قتيل" is one dead.
func TestExtract_ArabicSingleDead(t *testing.T) {
	for _, text := range []string{
		"أفاد مصدر محلي بمقتل فتى يبلغ من العمر 15 عاماً بانفجار لغم أرضي في أطراف بلدة سراقب.",
		"قال مصدر طبي إن سيدة لقيت حتفها وأصيب أربعة آخرون جراء قصف مدفعي على بلدة سراقب.",
		"أسفر القصف المدفعي على بلدة سراقب عن سقوط قتيل مساء الأحد.",
	} {
		got := extractAll(t, text, ymd("2024-06-11"))
		if len(got) != 1 {
			t.Errorf("Extract(%q) = %v; want one event", text, describeAll(got))
			continue
		}
		wantCount(t, "killed of "+text, got[0].Killed, 1)
	}
}
