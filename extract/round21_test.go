package extract

import (
	"testing"
	"time"
)

// Rules of round 21. Every sentence here is ours.

// A body found is a killing even when the finders and the time stand between
// the verb of finding and the body: "عثر المزارعون صباح الخميس على ثلاث جثث",
// "وجد العمال في الحي جثة".
func TestExtract_BodiesFoundWithWordsBetween(t *testing.T) {
	c := oneEvent(t, "عثر المزارعون صباح الخميس على ثلاث جثث لرعاة أغنام في بادية ريف حماة الشرقي.", "2022-06-10", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 3)
	}
	oneEvent(t, "وجد عمال النظافة في حي الوعر صباح اليوم جثة امرأة مجهولة الهوية.", "2022-06-10", TypeArmedAttack)
}

// "الجهات المختصة" are the competent authorities: what they find is found,
// not a trade they ply; "شبكة مختصة بالخطف" still plies one, and so does a
// gang that "تمتهن" a crime.
func TestExtract_CompetentAuthoritiesAreNoTrade(t *testing.T) {
	oneEvent(t, "تمكنت الجهات المختصة أمس من العثور على كمية من الذخائر والقنابل في بلدة تلدو بريف حمص.", "2021-02-11", TypeWeaponsSeizure)
	oneEvent(t, "فككت الشرطة شبكة مختصة بعمليات الخطف في بلدة تلدو بريف حمص يوم الأحد.", "2021-02-11", TypeArrest)
	oneEvent(t, "قبضت الشرطة يوم الأحد على عصابة تمتهن السطو في مدينة حمص.", "2021-02-11", TypeArrest)
}

// A clause about a place begins after its type word ("منطقة تحت سيطرة
// الفصيل", "مخيم X لا يضم"): it is no part of the place's name.
func TestExtract_ClauseAfterTypeWordIsNoName(t *testing.T) {
	c := oneEvent(t, "انفجرت سيارة مفخخة عند مدخل منطقة تحت سيطرة فصيل معارض في مدينة الباب بريف حلب اليوم.", "2019-07-02", TypeBombing)
	if c != nil && c.PlaceNameEN != "Al Bab" {
		t.Errorf("place = %q (%q); want Al Bab, not the clause after منطقة", c.PlaceNameEN, c.PlaceNameAR)
	}
	c = oneEvent(t, "اندلعت اشتباكات عنيفة اليوم عند مخيم الركبان لا يعرف عدد ضحاياها.", "2019-07-02", TypeClash)
	if c != nil && c.PlaceNameAR != "الركبان" {
		t.Errorf("place = %q; want الركبان, the name without the clause", c.PlaceNameAR)
	}
}

// The traces of gunfire on a body found are that killing's, not another
// attack beside it that a later shooting could take the place and toll of.
// A wound told by its pronoun ("ما أدى لإصابته بجروح") is one hurt.
func TestExtract_TracesOnABodyAreNoOtherEvent(t *testing.T) {
	got := extractAll(t, "وجد رعاة جوالون في بادية ريف حمص الشرقي جثة رجل مسن، وقد بدت على رأسه آثار إطلاق نار. "+
		"وأفاد ناشط محلي اليوم بأن الرعاة وجدوا جثة المسن بين قريتي الفرقلس وجب الجراح، وتبدو عليها آثار إطلاق رصاص. "+
		"ومساء أمس، هاجم مسلحون مجهولون سائقاً في مدينة تدمر ما أدى لإصابته بجروح.", ymd("2022-06-10"))
	if len(got) != 2 {
		t.Fatalf("got %v; want the body found and the attack in Tadmur", describeAll(got))
	}
	if got[0].PlaceNameEN == "Tadmur" {
		t.Errorf("body found placed at %q, the shooting's town", got[0].PlaceNameEN)
	}
	wantCount(t, "killed", got[0].Killed, 1)
	if got[1].PlaceNameEN != "Tadmur" {
		t.Errorf("shooting placed at %q; want Tadmur", got[1].PlaceNameEN)
	}
	wantCount(t, "injured", got[1].Injured, 1)
}

// "بالإضافة إلى" after a group counted at length adds the others to the toll.
func TestExtract_InAdditionToAddsToTheToll(t *testing.T) {
	c := oneEvent(t, "قتل 12 عنصرا من فصيل جيش العزة المعارض بالإضافة إلى ثلاثة مدنيين بتفجير عربة مفخخة وسط بلدة الراعي بريف حلب الشمالي صباح اليوم.", "2021-05-02", TypeBombing)
	if c != nil {
		wantCount(t, "killed", c.Killed, 15)
	}
}

// A force that recaptured villages or took control of a town fought for
// them, as "سيطر على" says in Arabic; land "under the control of" a
// force are no event.
func TestExtract_PlacesTakenAreClashesEN(t *testing.T) {
	oneEvent(t, "The Syrian army on Sunday recaptured the villages of Kinsabba and Salma in the countryside of Latakia.", "2019-05-02", TypeClash)
	oneEvent(t, "SDF units regained control of Hajin town late on Tuesday after a night of heavy fighting.", "2019-05-02", TypeClash)
	wantNothing(t, "Hajin has been under the control of Kurdish-led units since 2019, and its shops closed on Tuesday in protest.", "2019-05-02", "a protest, no fight")
}

// The capital after "supported by", "loyal to", "الموالية لـ" is the
// government a force serves, not where the event was.
func TestExtract_BackedByTheCapitalIsNoPlace(t *testing.T) {
	c := oneEvent(t, "Clashes erupted on Wednesday in Daraa province between local gunmen and a militia loyal to Damascus.", "2022-07-27", TypeClash)
	if c != nil && c.PlaceNameEN == "Damascus" {
		t.Errorf("placed at Damascus, the government the militia serves")
	}
	c = oneEvent(t, "اندلعت اشتباكات يوم الأربعاء في ريف درعا الغربي بين مسلحين محليين وميليشيا موالية لدمشق.", "2022-07-27", TypeClash)
	if c != nil && c.PlaceNameEN == "Damascus" {
		t.Errorf("placed at Damascus, the government the militia serves")
	}
}

// An English "bomb" word is a bombardment when an army or its aircraft did
// it: shelled with artillery or by ground forces, struck by drones; a bomb
// planted by men is a bombing. "The Turkish bombing" tells the event before
// again, and "a man and a boy" are two.
func TestExtract_BombingByForcesEN(t *testing.T) {
	c := oneEvent(t, "A man and a boy were killed on Thursday when the village of Tal Tawil was bombed by Turkish army units. "+
		"The boy, from the village of Salihiyah, died in the Turkish bombing, a medic said.", "2022-07-27", TypeShelling)
	if c != nil {
		wantCount(t, "killed", c.Killed, 2)
	}
	oneEvent(t, "Tal Tawil was bombed with mortars and artillery rounds on Wednesday, a medic said.", "2022-07-27", TypeShelling)
	oneEvent(t, "Two civilians were killed on Thursday in a bombing by Turkish drones on the village of Tal Tawil.", "2022-07-27", TypeAirstrike)
	oneEvent(t, "A car bomb planted by unknown men exploded in the town of Azaz on Thursday.", "2022-07-27", TypeBombing)
}

// A name the gazetteer lacks is placed in the city its own sentence names
// after it before any area of the sentences before: a stadium "in Damascus"
// after a first blast in the Damascus countryside is in Damascus.
func TestExtract_UnknownPlaceInItsSentencesCity(t *testing.T) {
	got := extractAll(t, "Rif Dimashq, SANA- A taxi driver was hurt by a roadside bomb in Qatana. "+
		"On Monday, two bombs planted in vans killed a man, the first in the vicinity of Jalaa Stadium and the second near Umayyad Square in Damascus.", ymd("2020-01-01"))
	if len(got) != 2 {
		t.Fatalf("got %v; want the blast in Qatana and the one in Damascus", describeAll(got))
	}
	if got[1].Admin1Name != "Damascus" {
		t.Errorf("second blast (%s) in %q; want Damascus, the city its sentence names", got[1].PlaceNameEN, got[1].Admin1Name)
	}
}

// The results of a half or a quarter of a year are a tally of many events,
// whatever the seizures and arrests they count.
func TestExtract_HalfYearResultsAreATally(t *testing.T) {
	wantNothing(t, "On Friday the ministry announced the results of its drug operations for the first half of 2024, reporting seizures of pills and dozens of arrests across the country.",
		"2024-07-10", "a half-year's results")
	wantNothing(t, "أعلنت الوزارة يوم الجمعة نتائج حملاتها طوال النصف الأول من عام 2024، ومنها ضبط أطنان من الحبوب المخدرة واعتقال عشرات المهربين في المحافظات.",
		"2024-07-10", "a half-year's results")
}

// A toll counted from a year or its start ("since the beginning of 2024")
// is a tally: neither it nor the figures told after it are the toll of the
// event told before them.
func TestExtract_TollSinceTheYearIsATally(t *testing.T) {
	text := "A shepherd was killed on Sunday when a mine exploded in the village of Tal Tawil in Hasakah province, the monitor reported. " +
		"The blast shows the lasting danger of mines in areas where fighting has ended. " +
		"According to the monitor, since the beginning of 2024, at least 210 civilians, among them 40 children and 12 women, have died because of blasts caused by landmines and other remnants of war. " +
		"Another 190 people, among them 60 children, have sustained injuries."
	got := extractAll(t, text, time.Time{})
	if len(got) != 1 || got[0].IncidentType != TypeOther {
		t.Fatalf("got %v; want the one blast", describeAll(got))
	}
	if c := &got[0]; c != nil {
		wantCount(t, "killed", c.Killed, 1)
		if c.Injured != nil {
			t.Errorf("injured = %d; want null, the year's figure is no toll of this blast", *c.Injured)
		}
	}
}

// Kidnappers told by their deed before any kidnapping is (a ransom asked, a
// family called) tell one; the kidnappers of a kidnapping told already, those
// arrested, or those a release is told with, tell none of their own.
func TestExtract_KidnappersTellAKidnapping(t *testing.T) {
	oneEvent(t, "تواصل خاطفون في ريف حماة الغربي مع عائلة تاجر مطالبين بفدية قدرها مليون دولار.", "2024-09-10", TypeKidnapping)
	oneEvent(t, "Kidnappers holding a trader in Jableh demanded a ransom of 20,000 dollars from his family on Sunday.", "2024-09-10", TypeKidnapping)
	oneEvent(t, "Police freed three men in Jableh on Sunday and arrested the kidnappers.", "2024-09-10", TypeArrest)
	oneEvent(t, "حررت الشرطة يوم الأحد ثلاثة رجال في جبلة وقبضت على الخاطفين.", "2024-09-10", TypeArrest)
	wantNothing(t, "Families in the province said some of those taken were released after ransoms were paid to kidnappers.", "2024-09-10", "releases told in general")
}

// People joined by "و" after the group a count is of, however long its name,
// are of the same toll ("خمسة عناصر من الشرطة العسكرية والجيش الوطني
// وطفلين"), and "فقدان … لحياتهم" counts them killed however many words tell
// them; people told at another place after "في" are not of that count.
func TestExtract_PeopleAfterTheGroupJoinTheToll(t *testing.T) {
	c := oneEvent(t, "انفجرت سيارة مفخخة في سوق مدينة الباب، الأمر الذي أدى لفقدان خمسة عناصر من الشرطة العسكرية والجيش الوطني وطفلين لحياتهم.", "2024-09-10", TypeBombing)
	if c != nil {
		wantCount(t, "killed", c.Killed, 7)
	}
	c = oneEvent(t, "قتل خمسة عناصر من قوات النظام في قرية كفرنبودة وثلاثة أطفال في قرية الهبيط بقصف جوي.", "2024-09-10", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 5)
	}
}

// "اثنان من المختطفين" are some of the people a kidnapping told already took:
// where they were lured is that kidnapping's story, not another one.
func TestExtract_SomeOfTheKidnappedAreNoOtherKidnapping(t *testing.T) {
	oneEvent(t, "اختطف مسلحون مجهولون أربعة تجار في محافظة حماة يوم الأحد وطالبوا ذويهم بفدية. "+
		"وذكر مصدر محلي في وقت سابق من اليوم أن اثنين من المختطفين استدرجا إلى مزرعة جنوب بلدة صوران قبل نقلهما إلى مكان مجهول.", "2024-09-10", TypeKidnapping)
}

// A verb after a place's name ("شرطة منطقة X تمكنت من") is no part of it.
func TestExtract_VerbAfterTheAreaIsNoName(t *testing.T) {
	got := extractAll(t, "قالت الوزارة إن شرطة منطقة القطيفة تمكنت يوم الأحد من القبض على ثلاثة مطلوبين.", ymd("2024-09-10"))
	for _, c := range got {
		if c.PlaceNameAR != "القطيفة" {
			t.Errorf("place %q; want القطيفة without the verb after it", c.PlaceNameAR)
		}
	}
	if len(got) == 0 {
		t.Errorf("no arrest read")
	}
}

// A city told with its whole countryside ("في حماة وريفها", "in Hama and its
// countryside") is an area, like the Badia: a point told near a town in it
// says more.
func TestExtract_CityAndItsCountrysideIsAnArea(t *testing.T) {
	for _, text := range []string{
		"أما في حماة وريفها، فقد قتل مسلحون مجهولون شاباً قرب بلدة صوران مساء أمس.",
		"In Hama and its countryside, gunmen shot dead a young man near the town of Suran on Monday evening.",
	} {
		c := oneEvent(t, text, "2024-09-10", TypeArmedAttack)
		if c != nil && c.PlaceNameEN == "Hama" {
			t.Errorf("placed at Hama; want near Suran, the point told in the area")
		}
	}
}

// A place in a clause of an operation still going on ("حيث تواصل القوات
// حملة التمشيط ضمن مدينة X") is where the operation goes on, not where the
// event told before the clause was.
func TestExtract_OngoingOperationsAreaIsNoEventPlace(t *testing.T) {
	got := extractAll(t, "اندلعت اشتباكات عنيفة أمس بين عناصر الأسايش ومجموعة مسلحة تحصنت في منزل بحي النشوة في الحسكة. "+
		"ونجم عن الاشتباك مقتل ثلاثة من عناصر الخلية والقبض على آخر، حيث تواصل القوات حملة التمشيط والبحث عن عناصر الخلية المهاجمة ضمن مدينة الحسكة.",
		ymd("2024-09-10"))
	if len(got) == 0 {
		t.Fatal("nothing read")
	}
	for _, c := range got {
		if c.PlaceNameAR == "الحسكة" {
			t.Errorf("%s placed at the city the sweep goes on in; want the quarter of the clash", c.IncidentType)
		}
	}
}

// One named by what he is charged with or wanted for ("القبض على المجرم X",
// "اعتقلت المطلوب Y") is one person arrested.
func TestExtract_OneNamedByHisChargeIsOne(t *testing.T) {
	for _, text := range []string{
		"ألقت مديرية أمن اللاذقية القبض على المجرم سامر الحسن خلال كمين في مدينة جبلة يوم الخميس.",
		"اعتقلت دورية المطلوب خالد العمر في مدينة جبلة يوم الخميس.",
	} {
		if c := oneEvent(t, text, "2024-09-10", TypeArrest); c != nil {
			wantCount(t, "arrested", c.Arrested, 1)
		}
	}
}

// A figure of deaths that someone "confirmed", "reported" or "recorded" is
// the toll, as one the event "left" is.
func TestExtract_DeathsConfirmedAreTheToll(t *testing.T) {
	if c := oneEvent(t, "Medics confirmed seven deaths after shells hit the town of Kafr Nabl on Monday.", "2024-09-10", TypeShelling); c != nil {
		wantCount(t, "killed", c.Killed, 7)
	}
}

// A word of counting glued to its figure ("استشهاد24 مواطناً", "وإصابة52")
// counts as if a space stood between; an outlet's name glued to its number
// ("درعا24") stays a name. "راح ضحيتها" after a place is no part of its name.
func TestExtract_CountGluedToItsFigure(t *testing.T) {
	if c := oneEvent(t, "سقطت قذائف هاون على حي العزيزية في حلب ما أدى إلى استشهاد24 مواطنا وإصابة52 آخرين.", "2024-09-10", TypeShelling); c != nil {
		wantCount(t, "killed", c.Killed, 24)
		wantCount(t, "injured", c.Injured, 52)
	}
	if toks := tokenize("رصدت درعا24 الهجوم", 0, len("رصدت درعا24 الهجوم")); len(toks) != 3 {
		t.Errorf("tokens %v; want the outlet's name and number kept as one word", toks)
	}
	if c := oneEvent(t, "ارتكبت الطائرات يوم الأحد مجزرة في مدينة دوما راح ضحيتها عشرات الأشخاص.", "2024-09-10", TypeAirstrike); c != nil && c.PlaceNameAR != "دوما" {
		t.Errorf("place %q; want دوما", c.PlaceNameAR)
	}
}

// A nation's adjective before a plural type word ("Iranian camps") tells
// whose the camps are, not their name.
func TestExtract_NationsCampsAreNoPlace(t *testing.T) {
	c := oneEvent(t, "Explosions shook Iranian camps near Al-Bukamal on Sunday.", "2024-09-10", TypeOther)
	if c != nil && c.PlaceNameEN == "Iranian" {
		t.Errorf("placed at %q, a nation's adjective", c.PlaceNameEN)
	}
}

// A dateline of several places whose first the gazetteer does not read
// ("BANYAS/IDLEB/HOMS –") is still a dateline: none of them is the event's.
func TestExtract_SlashDatelineWithAnUnreadFirstPlace(t *testing.T) {
	c := oneEvent(t, "BANYAS/IDLEB/HOMS – A building at the Qusour quarter in Banyas City collapsed on Tuesday when a bomb exploded inside it.", "2024-09-10", TypeBombing)
	if c != nil && (c.PlaceNameEN == "IDLEB" || c.PlaceNameEN == "Idlib" || c.Admin1Name == "Idlib") {
		t.Errorf("placed at %q (%s), a place of the dateline", c.PlaceNameEN, c.Admin1Name)
	}
}

// "أغارت طائرات حربية على بلدات X" is an air raid, and two drones told in
// the dual ("طائرتان مسيرتان") strike from the air, whatever word of attack
// or suicide is told with them.
func TestExtract_RaidedFromTheAirAR(t *testing.T) {
	oneEvent(t, "وأغارت طائرات النظام الحربية بالصواريخ على بلدات كفرنبل وحاس بريف إدلب اليوم.", "2024-09-10", TypeAirstrike)
	oneEvent(t, "شنت طائرتان مسيرتان انتحاريتان هجوماً على جرار زراعي قرب قرية كنصفرة في جبل الزاوية اليوم، ما أدى لإصابة السائق.", "2024-09-10", TypeAirstrike)
}

// A definite word of bombardment ("وجاء القصف") tells again the event of
// the town its sentence names, not the last one told before it; a verb
// after a town's name ("بلدة X ارتفع") is no part of the name.
func TestExtract_ToldAgainIsTheNamedTownsEvent(t *testing.T) {
	got := extractAll(t, "قتل 12 شخصا مساء أمس في غارات جوية على بلدة سلمى بريف اللاذقية، في حين قصفت قوات النظام حي جوبر بدمشق بصواريخ أرض أرض. "+
		"وقال ناشطون اليوم إن عدد الضحايا في بلدة سلمى ارتفع إلى 15، وجاء القصف في وقت يشتد فيه القتال بريف اللاذقية.", ymd("2013-08-10"))
	for _, c := range got {
		if c.PlaceNameEN == "Salma" && c.IncidentType != TypeAirstrike {
			t.Errorf("%s at Salma; the bombardment told again there is the air raid", c.IncidentType)
		}
		if c.PlaceNameAR != "" && c.PlaceNameAR != "سلمى" && c.PlaceNameEN == "Salma" {
			t.Errorf("place written %q; want سلمى", c.PlaceNameAR)
		}
	}
}
