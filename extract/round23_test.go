package extract

import (
	"strings"
	"testing"
)

// Rules of round 23. Every sentence here is ours.

// A quarter told with its city ("حي X وسط مدينة Y", "the X neighborhood of
// Y") is Y's, even when the gazetteer knows X only as a village in another
// governorate: it is placed at Y with its name as written.
func TestExtract_QuarterOfTheCityToldWithIt(t *testing.T) {
	for _, text := range []string{
		"اعتقلت الشرطة ثلاثة شبان في حي الرميلة وسط مدينة الرقة مساء الأحد.",
		"Police detained three young men in the al-Rumaila neighborhood of Raqqa city on Sunday evening.",
	} {
		c := oneEvent(t, text, "2022-01-11", TypeArrest)
		if c != nil && !strings.Contains(c.Admin1Name, "Raqqa") {
			t.Errorf("Extract(%q): governorate = %q (place %q %q); want Raqqa, the city told with the quarter", text, c.Admin1Name, c.PlaceNameEN, c.PlaceNameAR)
		}
	}
}

// "الـ5 من شهر شباط": a day told with the month's word is that day, not the
// whole month.
func TestExtract_DayOfTheMonthWord(t *testing.T) {
	c := oneEvent(t, "في الـ5 من شهر شباط الجاري، قتل مسلحون رجلا في مدينة درعا.", "2022-02-11", TypeArmedAttack)
	if c != nil && (c.DateFrom.Format("2006-01-02") != "2022-02-05" || !c.DateTo.Equal(c.DateFrom)) {
		t.Errorf("dates = %v..%v; want 2022-02-05", c.DateFrom, c.DateTo)
	}
}

// The words of a person's name are no places: a name after a common given
// name ("محمد جاسم"), after "بن" ("مسجد عمر بن الخطاب"), and a family name
// told alone after the whole name ("Mohammad Al-Suwaidi" … "Al-Suwaidi
// said"). A place whose name opens with a man's ("دير حسان") is still one.
func TestExtract_PersonNamesAreNoPlaces(t *testing.T) {
	c := oneEvent(t, "قتل مسلحون مجهولون عنصرين من الشرطة أمس، وهما محمد جاسم العكيد وعمر حسن الصالح.", "2022-01-11", TypeArmedAttack)
	if c != nil {
		if c.PlaceNameAR != "" || c.Admin1Name != "" {
			t.Errorf("place = %q (%q) in %q; want none: no place is told, only the men's names", c.PlaceNameEN, c.PlaceNameAR, c.Admin1Name)
		}
		wantCount(t, "killed", c.Killed, 2)
	}
	c = oneEvent(t, "انفجرت عبوة ناسفة قرب مسجد عمر بن الخطاب بمدينة منبج صباح أمس.", "2022-01-11", TypeBombing)
	if c != nil && c.PlaceNameAR != "منبج" {
		t.Errorf("place = %q (%q); want Manbij, not the mosque's namesake", c.PlaceNameEN, c.PlaceNameAR)
	}
	got := extractAll(t, "Gunmen shot dead a trader in Damascus on Monday, police chief Mohammad Al-Suwaidi said. "+
		"Al-Suwaidi told reporters the killers fled in a white car.", ymd("2022-01-11"))
	for _, c := range got {
		if c.Admin1Name != "Damascus" {
			t.Errorf("got %v; want the killing in Damascus only, not at the police chief's family name", describeAll(got))
			break
		}
	}
	c = oneEvent(t, "قتل مسلحون عنصرين على حاجز قرب بلدة دير حسان بريف إدلب الشمالي أمس.", "2022-01-11", TypeArmedAttack)
	if c != nil && c.Admin1Name != "Idlib" {
		t.Errorf("place = %q (%q) in %q; want Idlib", c.PlaceNameEN, c.PlaceNameAR, c.Admin1Name)
	}
}

// "قتل مسلح مجهول عنصرين": the one gunman is the doer, the two the dead.
func TestExtract_LoneDoerNotCounted(t *testing.T) {
	c := oneEvent(t, "قتل مسلح مجهول عنصرين من الأمن في مدينة درعا مساء أمس.", "2022-01-11", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 2)
	}
	c = oneEvent(t, "قتل قناص طفلا في مدينة درعا مساء أمس.", "2022-01-11", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
	}
}

// A place named for a vehicle's number plate ("لوحة حماة"), a stance
// ("pro-Assad fighters") or the far end of a road ("the road leading to X")
// is not where it happened.
func TestExtract_PlatesStancesAndRoadEnds(t *testing.T) {
	c := oneEvent(t, "خطف مسلحون سائق شاحنة تحمل لوحة حماة على طريق دمشق مساء أمس.", "2022-01-11", TypeKidnapping)
	if c != nil && c.Admin1Name == "Hama" {
		t.Errorf("place = %q (%q) in Hama; want not the number plate's governorate", c.PlaceNameEN, c.PlaceNameAR)
	}
	c = oneEvent(t, "Rebels killed 20 fighters of the pro-Assad camp near Yabroud on Monday.", "2022-01-11", TypeArmedAttack)
	if c != nil && !strings.Contains(c.PlaceNameEN, "Yabroud") {
		t.Errorf("place = %q (%q); want near Yabroud", c.PlaceNameEN, c.PlaceNameAR)
	}
	c = oneEvent(t, "Troops set up a checkpoint on the road leading to Khan Arnabeh and detained three shepherds on Monday.", "2022-01-11", TypeArrest)
	if c != nil && c.PlaceNameEN == "Khan Arnabeh" {
		t.Errorf("place = %q (%q) in %q; want not the road's end", c.PlaceNameEN, c.PlaceNameAR, c.Admin1Name)
	}
}

// A foreign country's forces on the ground ("القوات التركية", "الجيش التركي")
// shell; its aircraft ("مسيرة تركية") strike from the air.
func TestExtract_ForeignGroundForcesShell(t *testing.T) {
	for _, text := range []string{
		"قصفت القوات التركية قرية الدردارة بريف تل تمر مساء أمس.",
		"قصفت القوات البرية التركية قرية الدردارة بريف تل تمر مساء أمس.",
	} {
		oneEvent(t, text, "2022-01-11", TypeShelling)
	}
	oneEvent(t, "قصفت مسيرة تركية قرية الدردارة بريف تل تمر مساء أمس.", "2022-01-11", TypeAirstrike)
}

// An attempt to infiltrate or storm a front ("محاولة تسلل", "حاولت القوات
// اقتحام", "an infiltration attempt") is fighting there, foiled or not; a
// patrol storming a house with no attempt told is the raid of its arrest.
func TestExtract_InfiltrationAndStormingAttempts(t *testing.T) {
	for _, text := range []string{
		"أحبطت فصائل المعارضة محاولة تسلل لقوات النظام على محور بلدة كفرنبودة بريف حماة أمس.",
		"حاولت قوات النظام اقتحام بلدة كسب في ريف اللاذقية أمس دون أن تنجح.",
		"Rebels repelled an infiltration attempt by government forces near Kafr Nabuda in rural Hama on Monday.",
	} {
		oneEvent(t, text, "2022-11-11", TypeClash)
	}
	oneEvent(t, "اقتحمت دورية للأمن منزلا في بلدة الصنمين واعتقلت شابين أمس.", "2022-11-11", TypeArrest)
	got := extractAll(t, "قتل خمسة عناصر في ريف درعا أمس، بالتزامن مع محاولة قوات النظام اقتحام بلدة كسب في ريف اللاذقية، "+
		"بينما أحبطت المعارضة محاولة تسلل في ريف حماة.", ymd("2022-11-11"))
	govs := map[string]bool{}
	for _, c := range got {
		govs[c.Admin1Name] = true
	}
	if len(got) != 3 || !govs["Daraa"] || !govs["Latakia"] || !govs["Hama"] {
		t.Errorf("got %v; want three events: the killing in Daraa, the assault on Kassab, the infiltration in Hama", describeAll(got))
	}
}

// Someone led away to an unknown place ("اقتادوه إلى جهة مجهولة") was
// arrested by a force, kidnapped by armed men; led to a police station, he
// was neither. A stabbing is an armed attack, and a legal appeal ("طعن في
// الحكم") none; "stabbed to death" kills.
func TestExtract_LedAwayAndStabbed(t *testing.T) {
	oneEvent(t, "داهمت دورية للأمن الداخلي منزلا في مدينة جبلة أمس واقتادت صاحبه إلى جهة مجهولة.", "2022-11-11", TypeArrest)
	oneEvent(t, "اقتاد مسلحون مجهولون شابا إلى جهة مجهولة من بلدة الصنمين أمس.", "2022-11-11", TypeKidnapping)
	if got := extractAll(t, "اقتادت الشرطة المتهم إلى مخفر مدينة جبلة أمس لاستجوابه.", ymd("2022-11-11")); len(got) > 0 && got[0].IncidentType == TypeKidnapping {
		t.Errorf("got %v; want no kidnapping", describeAll(got))
	}
	oneEvent(t, "طعن مجهول شابا بسكين في حي الميدان بدمشق أمس.", "2022-11-11", TypeArmedAttack)
	if got := extractAll(t, "طعن المحامي في الحكم الصادر بحق موكله أمام محكمة دمشق أمس.", ymd("2022-11-11")); len(got) > 0 {
		t.Errorf("got %v; want nothing: an appeal", describeAll(got))
	}
	c := oneEvent(t, "A young man was stabbed to death in Sweida city on Monday.", "2022-11-11", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
	}
}

// English tells the same: "took him to an unknown location" (arrested by a
// force, kidnapped by gunmen); a bomb that "blew up" is a bombing, a tunnel
// the army blew up is none; a force that "pushed into" a village made an
// incursion.
func TestExtract_EnglishTakenAwayBlownUpPushedInto(t *testing.T) {
	oneEvent(t, "A security patrol raided a house in Jableh on Monday and took its owner to an unknown location.", "2022-11-11", TypeArrest)
	oneEvent(t, "Gunmen took a trader to an unknown location after stopping his car near Sanamayn on Monday.", "2022-11-11", TypeKidnapping)
	c := oneEvent(t, "A motorcycle rigged with explosives blew up in al-Bab on Monday, killing two.", "2022-11-11", TypeBombing)
	if c != nil {
		wantCount(t, "killed", c.Killed, 2)
	}
	if got := extractAll(t, "Army engineers blew up a tunnel used by smugglers near Qusayr on Monday.", ymd("2022-11-11")); len(got) > 0 {
		t.Errorf("got %v; want nothing: a demolition", describeAll(got))
	}
	oneEvent(t, "An Israeli force pushed into the village of Samadaniyah al-Gharbiyah in Quneitra on Monday.", "2022-11-11", TypeOther)
}

// "قذيفتا هاون", the dual's construct as a subject, are shells as "قذيفتي"
// are; a smuggling foiled with nothing counted is an event of the kind
// "other", and one with arms seized a seizure.
func TestExtract_ShellsInTheDualAndSmugglingFoiled(t *testing.T) {
	oneEvent(t, "سقطت قذيفتا هاون على حي باب توما في دمشق أمس.", "2022-11-11", TypeShelling)
	oneEvent(t, "أحبطت وحدات حرس الحدود عملية تهريب عبر الحدود مع لبنان قرب بلدة القصير أمس.", "2022-11-11", TypeOther)
	oneEvent(t, "أحبطت وحدات حرس الحدود عملية تهريب أسلحة قرب بلدة القصير أمس وضبطت رشاشات وذخائر.", "2022-11-11", TypeWeaponsSeizure)
}

// Two bodies found ("عُثر على جثتين", "وُجدت جثتا رجلين") are a killing of two,
// unless the number of the dead follows ("جثتي ثلاثة أشخاص").
func TestExtract_TwoBodiesFound(t *testing.T) {
	for text, want := range map[string]int{
		"عثر الأهالي على جثتين في بلدة الصنمين صباح أمس.":        2,
		"وجدت جثتا رجلين مقتولين قرب بلدة الصنمين صباح أمس.":     2,
		"عثر الأهالي على جثتي ثلاثة أشخاص قرب الصنمين صباح أمس.": 3,
	} {
		c := oneEvent(t, text, "2022-11-11", TypeArmedAttack)
		if c != nil {
			wantCount(t, "killed", c.Killed, want)
		}
	}
}

// Two quarters the gazetteer places at their city's point are not one place
// for lying "within 5 km" of each other: arrests told in each are two.
func TestExtract_QuartersAtTheCitysPointStayApart(t *testing.T) {
	got := extractAll(t, "Kurdish police detained three young men in the al-Mashlab neighborhood of Raqqa on Sunday. "+
		"Police detained five more in the al-Firdaws neighborhood the same day.", ymd("2022-11-11"))
	if len(got) != 2 {
		t.Errorf("got %v; want two arrests, one in each quarter", describeAll(got))
	}
}

// What an arrest's suspects are charged with is no toll of it: "arrested two
// men suspected of killing a doctor", "القبض على شخصين متهمين بقتل طبيب" kill
// nobody; "قتل مسلحون طبيباً" kills one.
func TestExtract_ChargeIsNoToll(t *testing.T) {
	for _, text := range []string{
		"Police arrested two men suspected of killing a doctor in Homs on Monday.",
		"Police arrested two suspects in the killing of a doctor in Homs on Monday.",
		"ألقت الشرطة القبض على شخصين متهمين بقتل طبيب في حمص أمس.",
	} {
		c := oneEvent(t, text, "2022-11-11", TypeArrest)
		if c != nil {
			wantCount(t, "arrested", c.Arrested, 2)
			if c.Killed != nil {
				t.Errorf("Extract(%q): killed = %d; want null, the charge", text, *c.Killed)
			}
		}
	}
	c := oneEvent(t, "قتل مسلحون طبيبا في حمص أمس.", "2022-11-11", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
	}
}

// A kinsman hurt with the one killed is counted: "وأصيب شقيقاه" two, "and his
// brother wounded" one.
func TestExtract_KinHurtCounted(t *testing.T) {
	for text, want := range map[string]int{
		"قتل طفل وأصيب شقيقاه بانفجار لغم في بلدة معرة النعمان أمس.":                               2,
		"A child was killed and his brother wounded by a landmine near Maarat al-Numan on Monday.": 1,
	} {
		c := oneEvent(t, text, "2022-11-11", TypeOther)
		if c != nil {
			wantCount(t, "killed", c.Killed, 1)
			wantCount(t, "injured", c.Injured, want)
		}
	}
}

// "منذ يومين" after a deed is the day two days before the publication; after
// fighting told as going on, the days since then.
func TestExtract_DaysSince(t *testing.T) {
	c := oneEvent(t, "قتل مسلحون شابا في مدينة درعا منذ يومين.", "2022-11-11", TypeArmedAttack)
	if c != nil && (c.DateFrom.Format("2006-01-02") != "2022-11-09" || !c.DateTo.Equal(c.DateFrom)) {
		t.Errorf("dates = %v..%v; want 2022-11-09", c.DateFrom, c.DateTo)
	}
	c = oneEvent(t, "اندلعت اشتباكات مستمرة منذ يومين في ريف دير الزور.", "2022-11-11", TypeClash)
	if c != nil && (c.DateFrom.Format("2006-01-02") != "2022-11-09" || c.DateTo.Format("2006-01-02") != "2022-11-11") {
		t.Errorf("dates = %v..%v; want 2022-11-09..2022-11-11", c.DateFrom, c.DateTo)
	}
}

// "in early November", "late October 2022": the part of the month, as
// "أواخر تشرين الأول" is.
func TestExtract_PartOfAMonthInEnglish(t *testing.T) {
	for text, want := range map[string][2]string{
		"Gunmen killed a young man in Daraa in early November.":    {"2022-11-01", "2022-11-10"},
		"Gunmen killed a young man in Daraa in late October 2022.": {"2022-10-21", "2022-10-31"},
		"Gunmen killed a young man in Daraa in November.":          {"2022-11-01", "2022-11-30"},
	} {
		c := oneEvent(t, text, "2022-11-11", TypeArmedAttack)
		if c != nil && (c.DateFrom.Format("2006-01-02") != want[0] || c.DateTo.Format("2006-01-02") != want[1]) {
			t.Errorf("Extract(%q): dates = %v..%v; want %s..%s", text, c.DateFrom, c.DateTo, want[0], want[1])
		}
	}
}

// Barrels in the dual are dropped from the air; a bomb defused is a device
// found; a force that entered a village or raided a house, with nothing more
// told, made an incursion, and a campaign of raids that "reached" people
// arrested them. A child entering a school is none of these.
func TestExtract_BarrelsDefusedEnteredRaided(t *testing.T) {
	oneEvent(t, "ألقى الطيران المروحي برميلين متفجرين على بلدة الهبيط أمس.", "2022-11-11", TypeAirstrike)
	oneEvent(t, "فككت وحدات الهندسة عبوة ناسفة مزروعة قرب بلدة طفس أمس.", "2022-11-11", TypeWeaponsSeizure)
	oneEvent(t, "دخلت دورية إسرائيلية إلى قرية كودنة في ريف القنيطرة وفتشت عددا من المنازل أمس.", "2022-11-11", TypeOther)
	oneEvent(t, "داهمت دورية للأمن منزلا في مدينة جبلة أمس.", "2022-11-11", TypeOther)
	c := oneEvent(t, "شنت قسد حملة مداهمات في بلدة الشحيل طالت عشرة أشخاص أمس.", "2022-11-11", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 10)
		if c.PlaceNameAR != "الشحيل" {
			t.Errorf("place = %q; want الشحيل, the name as written", c.PlaceNameAR)
		}
	}
	if got := extractAll(t, "دخل الطفل إلى المدرسة في مدينة درعا صباح أمس.", ymd("2022-11-11")); len(got) > 0 {
		t.Errorf("got %v; want nothing", describeAll(got))
	}
}

// A place name inside the one before it ("BAdAA" in "BAdAA desert", a
// spelling of the Badia region) had the distance check read the text from
// past its end: a panic, the 500 of an ingest, found on a real English
// passage and then by the fuzzer. Extraction now reads the words from the
// inner name's own start.
func TestExtract_NameInsideTheNameBefore(t *testing.T) {
	for _, text := range []string{"0000 A0A BAdAA desert", "Troops were attacked at 40 km in the Badia desert of Homs on Monday."} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("Extract(%q) panicked: %v", text, r)
				}
			}()
			extractAll(t, text, ymd("2022-11-11"))
		}()
	}
}

// "Hayat Tahrir al-Sham" told with a place after it ("a base of Hayat
// Tahrir Al-Sham in Aleppo") is a group's name, not a place named Sham: the
// event is in Aleppo.
func TestExtract_ShamOfAGroupBeforeItsPlace(t *testing.T) {
	c := oneEvent(t, "A drone struck a base of Hayat Tahrir Al-Sham in Aleppo on Monday.", "2022-11-11", TypeAirstrike)
	if c != nil && c.PlaceNameEN != "Aleppo" {
		t.Errorf("place = %q (%q); want Aleppo", c.PlaceNameEN, c.PlaceNameAR)
	}
}
