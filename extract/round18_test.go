package extract

import (
	"strings"
	"testing"
	"time"
)

// Rules of round 18, Arabic and English. Every sentence here is ours.

// oneEvent runs text and wants exactly one candidate of typ, returning it.
func oneEvent(t *testing.T, text, published, typ string) *Candidate {
	t.Helper()
	got := extractAll(t, text, ymd(published))
	if len(got) != 1 || got[0].IncidentType != typ {
		t.Errorf("Extract(%q) = %v; want one %s", text, describeAll(got), typ)
		return nil
	}
	return &got[0]
}

func wantCount(t *testing.T, what string, got *int, want int) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = null; want %d", what, want)
	} else if *got != want {
		t.Errorf("%s = %d; want %d", what, *got, want)
	}
}

// Another source's figure for the same event, told with no place of its
// own, is that event told again, not a part of it; and a killing told
// before "in strikes by drones" is the strikes' toll.
func TestExtract_SourcesOwnFigure(t *testing.T) {
	c := oneEvent(t, "A car bomb went off on Sunday in the main market of the town of Manbij, killing at least nine people, monitors said. "+
		"Six people were killed and ten others wounded, said the local council.", "2024-03-10", TypeBombing)
	if c != nil {
		wantCount(t, "killed", c.Killed, 9)
		wantCount(t, "injured", c.Injured, 10)
	}
	c = oneEvent(t, "قتل ستة أشخاص في ريف حلب الغربي مساء الأحد، في ضربات بطائرات مسيرة أطلقتها الفصائل. "+
		"وقال مصدر طبي إن ستة أشخاص قتلوا وأصيب خمسة آخرون بجروح في ريف حلب الغربي في ضربات بطائرات مسيرة.", "2024-03-11", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 6)
		wantCount(t, "injured", c.Injured, 5)
	}
}

// A sentence whose subject is a definite word of the event just told ("The
// attack …", "the drone attack" after "X said that") tells more of it: its
// target, a victim's home, where it came from.
func TestExtract_TheAttackAsSubject(t *testing.T) {
	c := oneEvent(t, "A Turkish drone on Tuesday killed two fighters in the town of Tal Tamr in Hasakah province. "+
		"The SDF said that the drone attack hit a post of the forces guarding al-Hol camp.", "2024-04-02", TypeAirstrike)
	if c != nil && c.PlaceNameEN != "Tal Tamr" {
		t.Errorf("place = %q; want Tal Tamr", c.PlaceNameEN)
	}
	c = oneEvent(t, "An explosive device hit an army truck on the road linking Nawa city with the town of Jasim in the Daraa countryside. "+
		"The attack killed four soldiers serving at a checkpoint in Dael.", "2024-04-02", TypeBombing)
	if c != nil {
		wantCount(t, "killed", c.Killed, 4)
	}
	c = oneEvent(t, "Israeli missiles struck the area of Masyaf in the Hama countryside late Tuesday, killing three people, state media said. "+
		"The strike was fired from the South Jableh direction, the army said.", "2024-04-02", TypeAirstrike)
	if c != nil && c.Admin1PCode != "SY05" {
		t.Errorf("governorate = %s; want Hama (SY05)", c.Admin1PCode)
	}
}

// Where a vehicle was heading is no place of the strike on it.
func TestExtract_EnRouteToIsNoPlace(t *testing.T) {
	c := oneEvent(t, "An Israeli drone struck a truck near the town of Al-Qusayr in Homs province on Friday, killing two men. "+
		"The strike set the truck on fire as it was en route to the Shayrat airbase in the countryside of Homs.", "2024-06-07", TypeAirstrike)
	if c != nil && strings.Contains(c.PlaceNameEN, "Shayrat") {
		t.Errorf("placed at the truck's destination")
	}
}

// Aircraft that "carried out attacks" struck from the air; an agency's seat
// is no place of the event; and an event told on another day than the one a
// strike told before took from the passage is another event.
func TestExtract_Round18English(t *testing.T) {
	oneEvent(t, "Russian warplanes carried out three attacks on the town of Kafranbel on Saturday.", "2019-07-20", TypeAirstrike)
	c := oneEvent(t, "Warplanes struck the market of the town of Saraqib on Sunday, killing five people, among them a volunteer of the relief agency in Idlib.",
		"2019-07-21", TypeAirstrike)
	if c != nil && c.PlaceNameEN != "Saraqib" {
		t.Errorf("place = %q; want Saraqib", c.PlaceNameEN)
	}
	got := extractAll(t, "Warplanes struck the town of Ariha on Monday, killing six civilians. "+
		"Jets also carried out strikes on the villages of Kansafra and al-Bara. "+
		"Monday's dead bring the toll to eleven over two days, as five civilians were killed in airstrikes in the same region on Sunday.", ymd("2019-07-22"))
	monday := false
	for _, c := range got {
		monday = monday || c.PlaceNameEN == "Kansafra" && c.DateFrom.Format("2006-01-02") == "2019-07-22"
		if c.PlaceNameEN == "Kansafra" && c.Killed == nil && c.DateFrom.Format("2006-01-02") != "2019-07-22" {
			t.Errorf("the strikes told with 'also': %s; want dated Monday", describeCandidate(c))
		}
	}
	if !monday {
		t.Errorf("got %v; want the strikes told with 'also' dated Monday, apart from Sunday's", describeAll(got))
	}
}

// Fire exchanged is a clash; clashes "between the two sides" after a shell
// fired at a post are the event; a sentence opening "the shelling was
// accompanied by clashes" tells the clashes; "without knowing the losses"
// tells no toll; and "الواقعتين" after two towns tells where they lie, not
// two incidents.
func TestExtract_Round18Clashes(t *testing.T) {
	oneEvent(t, "وقع إطلاق نار متبادل بين دورية للأمن العام ومطلوبين في بلدة الصنمين مساء الأحد.", "2024-05-06", TypeClash)
	oneEvent(t, "استهدف مسلحون حاجزاً للشرطة بقذيفة صاروخية، فردت عناصر الحاجز لتندلع اشتباكات بين الطرفين في بلدة الشحيل مساء الجمعة.", "2024-05-04", TypeClash)
	got := extractAll(t, "قصفت القوات الحكومية بلدة كفرنبل بعشرات القذائف صباح اليوم. "+
		"وترافق القصف مع اشتباكات بين الطرفين على أطراف قرية حزارين، دون معرفة حجم الخسائر.", ymd("2019-05-06"))
	if len(got) != 2 || got[0].IncidentType != TypeShelling || got[1].IncidentType != TypeClash {
		t.Fatalf("got %v; want the shelling, then the clash", describeAll(got))
	}
	if got[1].Killed != nil || got[1].Injured != nil {
		t.Errorf("the clash: %s; want its toll unknown", describeCandidate(got[1]))
	}
	got = extractAll(t, "اندلعت اشتباكات بين فصيلين محليين في محيط بلدة طفس وبلدة المزيريب، الواقعتين تحت سيطرة الفصائل، مساء الأحد. "+
		"وفي السويداء، أصيب شاب برصاص مجهولين في مدينة شهبا.", ymd("2024-05-06"))
	if len(got) != 2 || got[0].IncidentType != TypeClash {
		t.Errorf("got %v; want the clash and the shooting", describeAll(got))
	}
}

// An event told after "حيث" is one instance of the tally told before it,
// an event of its own; "اغتيل" is the passive of "اغتال"; the victims named
// in a list ("القتلى هم …") came from the towns told after their names; and
// a road's second end after a dash is no place, though its first end is a
// name the gazetteer lacks.
func TestExtract_Round18Arabic(t *testing.T) {
	c := oneEvent(t, "شهدت المحافظة محاولات اغتيال عدة في مناطق متفرقة حيث قتل ثلاثة عناصر بانفجار عبوة ناسفة بسيارتهم في ريف درعا الغربي مساء اليوم.",
		"2024-02-03", TypeBombing)
	if c != nil {
		wantCount(t, "killed", c.Killed, 3)
	}
	oneEvent(t, "اغتيل مختار البلدة أمام منزله في بلدة الحراك مساء اليوم.", "2024-02-03", TypeArmedAttack)
	c = oneEvent(t, "قتل ثلاثة عناصر بانفجار عبوة ناسفة في ريف درعا الغربي مساء اليوم، والقتلى هم سامر الخطيب من بلدة طفس ومحمود العلي من بلدة داعل.",
		"2024-02-03", TypeBombing)
	if c != nil && (c.PlaceNameAR == "طفس" || c.PlaceNameAR == "داعل") {
		t.Errorf("placed at a victim's home town %q", c.PlaceNameAR)
	}
	c = oneEvent(t, "استهدفت عبوة ناسفة شاحنة للجيش على طريق أم العوسج – داعل في ريف درعا الغربي مساء اليوم.", "2024-02-03", TypeBombing)
	if c != nil && c.PlaceNameAR == "داعل" {
		t.Errorf("placed at the road's second end")
	}
}

// An arrest hoped for ("لملاحقتهم للقبض عليهم") is none; a kidnapping told
// with its object's pronoun ("اختطفوه") is one; a tally's breakdown after it,
// with no place or day, gives nothing; a rate is a tally; a weekday after an
// English name is no part of it.
func TestExtract_Round18NoEvent(t *testing.T) {
	got := extractAll(t, "قتل مسلحون صائغاً خلال سطو على محله في مدينة جرمانا مساء اليوم. "+
		"وقالت الشرطة إن دورياتها تلاحق الفاعلين للقبض عليهم وتقديمهم للعدالة.", ymd("2024-02-03"))
	for _, c := range got {
		if c.IncidentType == TypeArrest {
			t.Errorf("an arrest hoped for: got %v", describeAll(got))
		}
	}
	oneEvent(t, "أوقف مسلحون مختار القرية على الطريق العام في بلدة الجيزة ثم اختطفوه إلى جهة مجهولة مساء اليوم.", "2024-02-03", TypeKidnapping)
	got = extractAll(t, "وثق الفريق في تقريره الشهري مقتل 80 مدنياً في سوريا خلال الشهر الماضي. "+
		"بينما قتلت قوات النظام 17 مدنياً بينهم ثلاثة أطفال، وقتلت الفصائل مدنياً واحداً.", time.Time{})
	if len(got) != 0 {
		t.Errorf("a monthly report's breakdown: got %v; want nothing", describeAll(got))
	}
	got = extractAll(t, "Since last spring, mines and unexploded shells in Raqqa have wounded at least 400 people, an average of three casualties per day.", ymd("2024-02-03"))
	if len(got) != 0 {
		t.Errorf("a rate of casualties: got %v; want nothing", describeAll(got))
	}
	c := oneEvent(t, "Government artillery shelled the village of Kafr Nan Sunday, activists said.", "2014-09-01", TypeShelling)
	for _, p := range placesOf(c) {
		if strings.Contains(p, "Sunday") {
			t.Errorf("a weekday read as part of a name: %q", p)
		}
	}
}

// placesOf returns the written text of every place of c, none for nil.
func placesOf(c *Candidate) []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, p := range c.Places {
		out = append(out, p.Text)
	}
	return out
}

// The official media's "Israeli aggression" is a strike from the air, one
// event with the blasts it caused; harm it did elsewhere in the governorate
// and the blasts heard after it are that strike, not events of their own;
// the dual verb after a noun spelt as the plural counts two; the home town
// of those taken is told with its own countryside.
func TestExtract_Round18Events(t *testing.T) {
	c := oneEvent(t, "هزت انفجارات عنيفة فجر اليوم أطراف مدينة مصياف، وهي ناجمة عن عدوان إسرائيلي بحسب التلفزيون الرسمي، بينما أعلنت الدفاعات الجوية التصدي لصواريخ.",
		"2024-06-03", TypeAirstrike)
	if c != nil && c.Admin1PCode != "SY05" {
		t.Errorf("governorate = %s; want Hama", c.Admin1PCode)
	}
	oneEvent(t, "قصفت طائرات حربية إسرائيلية فجر اليوم مواقع قرب مدينة مصياف بريف حماة. "+
		"وقال التلفزيون الرسمي إن النيران اشتعلت في أحراش قرية الرصافة بريف حماة جراء العدوان الإسرائيلي.", "2024-06-03", TypeAirstrike)
	oneEvent(t, "قتل شخصان جراء غارات جوية روسية على محيط مدينة أريحا ظهر اليوم. "+
		"وسمع دوي الانفجارات في المنطقة في حين استمرت غارات جوية على الطريق الرابط بين مدينة أريحا وبلدة محمبل.", "2023-09-02", TypeAirstrike)
	c = oneEvent(t, "وأفاد ناشطون بأن شابين قضيا إثر غارة جوية استهدفت منزلاً في بلدة كنصفرة يوم أمس.", "2023-09-02", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 2)
	}
	c = oneEvent(t, "A gang kidnapped three men from the town of Jasim in the north of the Daraa countryside. "+
		"The incident took place as the men were travelling through the eastern countryside of Homs.", "2024-03-02", TypeKidnapping)
	if c != nil && c.Admin1PCode == "SY12" {
		t.Errorf("placed in the victims' home governorate: %s", describeCandidate(*c))
	}
}

// A place taken by force was fought for; where the force withdrew to is no
// place of it; a weapon told "with" after an act is that act's; and a clash
// "over the past few days" is the backdrop of a span, not an event.
func TestExtract_Round18Control(t *testing.T) {
	oneEvent(t, "أعلنت قوات سوريا الديمقراطية سيطرتها على قرية الحمام بريف منبج مساء أمس.", "2019-08-20", TypeClash)
	c := oneEvent(t, "Opposition fighters captured the village of Kafr Nan on Sunday, a rebel commander said.", "2014-09-01", TypeClash)
	if c != nil && c.DateFrom.Format("2006-01-02") != "2014-08-31" {
		t.Errorf("dated %s; want Sunday 2014-08-31", c.DateFrom.Format("2006-01-02"))
	}
	got := extractAll(t, "شن مسلحو التنظيم هجوماً على حواجز للجيش في بلدة السخنة فجر اليوم، حيث سيطروا على البلدة ساعات قبل الانسحاب منها إلى البادية.", ymd("2023-08-07"))
	for _, c := range got {
		if strings.Contains(c.PlaceNameAR, "البادية") {
			t.Errorf("placed where the attackers withdrew to: %v", describeAll(got))
		}
	}
	got = extractAll(t, "Rebels attacked the army-held town of Kafr Nan north of Homs with heavy artillery on Monday after capturing the village of Tal Dahab on Sunday.", ymd("2014-09-01"))
	for _, c := range got {
		if c.IncidentType == TypeShelling && c.PlaceNameEN == "Tal Dahab" {
			t.Errorf("the artillery of the attack on Kafr Nan placed at the village captured: %v", describeAll(got))
		}
	}
	got = extractAll(t, "Government jets bombed farmland near the town of Kafr Nubl on Monday, following renewed fighting nearby over the past few days.", ymd("2014-09-01"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
		t.Errorf("got %v; want the airstrike alone", describeAll(got))
	}
}

// A quoted name's "من X" is the person's home, but not after a kidnapping
// ("اختطاف “فلان” من بلدة X" tells where he was taken); a military unit is
// no place; a killing told "also" is another victim's; an attack verb with
// guns or tanks told after its target is shelling.
func TestExtract_Round18People(t *testing.T) {
	c := oneEvent(t, "قُتل الجندي “سامر الأحمد” من محافظة اللاذقية برصاص مجهولين قرب دوار بلدة اليادودة بريف درعا مساء أمس.", "2024-07-02", TypeArmedAttack)
	if c != nil && c.Admin1PCode == "SY06" {
		t.Errorf("placed at the soldier's home governorate: %s", describeCandidate(*c))
	}
	c = oneEvent(t, "أقدم مسلحون على اختطاف الشيخ “أبو علي” من بلدة القريا مساء السبت.", "2024-07-02", TypeKidnapping)
	if c != nil && c.PlaceNameAR != "القريا" {
		t.Errorf("place = %q; want القريا, where he was taken", c.PlaceNameAR)
	}
	got := extractAll(t, "قُتل شاب برصاص مجهولين في بلدة اليادودة مساء أمس. وقُتل أيضاً عنصر يخدم في الفرقة الرابعة بريف درعا برصاص مسلحين قرب بلدة المزيريب.", ymd("2024-07-02"))
	if len(got) != 2 {
		t.Errorf("got %v; want two killings", describeAll(got))
	}
	for _, c := range got {
		if strings.Contains(c.PlaceNameAR, "الفرقة") {
			t.Errorf("a military unit read as a place: %s", describeCandidate(c))
		}
	}
	oneEvent(t, "استهدفت القوات الحكومية قرية العنكاوي بريف حماة الغربي بالمدفعية الثقيلة وقذائف الهاون مساء أمس.", "2021-04-03", TypeShelling)
}

// A quarter told by its side of a town is inside the town; a home's
// countryside told after it in quotes is the home's; "كذلك" before another
// victim opens another event.
func TestExtract_Round18Sides(t *testing.T) {
	c := oneEvent(t, "قُتل شاب برصاص مسلحين في الحي الغربي بمدينة صلخد مساء الجمعة.", "2024-11-02", TypeArmedAttack)
	for _, p := range placeRefs(c) {
		if p.Role == RoleReference {
			t.Errorf("the quarter read as a point near the town: %v", placesOf(c))
		}
	}
	c = oneEvent(t, "قُتل مدنيان بقذيفة على سيارة تقلهم قرب بلدة قلعة المضيق، ينحدر أحدهما من قرية \"الحواش\" في ريف حماة.", "2018-08-12", TypeShelling)
	if c != nil && c.PlaceNameAR == "ريف حماة" {
		t.Errorf("placed at the countryside of a victim's home: %s", describeCandidate(*c))
	}
	got := extractAll(t, "قُتل شاب برصاص مسلحين في بلدة القريا مساء الجمعة. كذلك يوم الجمعة، أصيب المواطن سعيد من أهالي بلدة عرمان بطلق ناري في ساقه.", ymd("2024-11-02"))
	if len(got) != 2 {
		t.Errorf("got %v; want the killing and the other man's wounding", describeAll(got))
	}
}

// placeRefs returns the places of c, none for nil.
func placeRefs(c *Candidate) []PlaceRef {
	if c == nil {
		return nil
	}
	return c.Places
}

// A web page's "Read more:" line links another story; a list's line headed
// by a governorate and a colon tells where in it; the object of "attacked"
// placed by the countryside after it is a place; an arrest announced, then
// told with its own earlier day, is one arrest on that day.
func TestExtract_Round18PageAndList(t *testing.T) {
	got := extractAll(t, "Security forces arrested four men in the town of Busra al-Sham on Tuesday, a local network said.\n"+
		"Read more: Gunmen attack a checkpoint in Daraa\n", ymd("2024-03-06"))
	if len(got) != 1 || got[0].IncidentType != TypeArrest {
		t.Errorf("got %v; want the arrest alone", describeAll(got))
	}
	got = extractAll(t, "Regime drones struck several areas on Monday, the monitor said:\n"+
		"• Idlib: Two drones attacked Kafr Owaid in the Idlib countryside.\n"+
		"• Hama: A drone attacked the village of Ziyara in the Hama countryside.\n", ymd("2024-03-06"))
	found := false
	for _, c := range got {
		found = found || strings.Contains(c.PlaceNameEN, "Kafr Owaid") || strings.Contains(c.PlaceNameEN, "Kafr Oweid")
		if c.PlaceNameEN == "Idlib" {
			t.Errorf("placed at the line's heading: %v", describeAll(got))
		}
	}
	if !found {
		t.Errorf("got %v; want a strike at Kafr Owaid", describeAll(got))
	}
	c := oneEvent(t, "On Wednesday the internal security forces announced that they had arrested a cell behind recent attacks. "+
		"The statement said that the forces arrested four people in Raqqa on Monday.", "2023-01-12", TypeArrest)
	if c != nil && c.DateFrom.Format("2006-01-02") != "2023-01-09" {
		t.Errorf("dated %s; want the arrest's own day, Monday 2023-01-09", c.DateFrom.Format("2006-01-02"))
	}
}

// Men "linked to the conspiracy" were detained now; a car that exploded
// "due to" a drone was struck; a group's name ("the Israel-Hamas
// war") is no place; arrests told as possible, and a battle prepared for,
// are none.
func TestExtract_Round18Causes(t *testing.T) {
	oneEvent(t, "Two men linked to the plot were detained in the town of Sarmada on Saturday, the security service said.", "2024-06-03", TypeArrest)
	oneEvent(t, "A commander was killed on Monday when his car exploded near the town of Amuda, apparently due to an Israeli drone hitting it.", "2024-09-03", TypeAirstrike)
	got := extractAll(t, "Israel-Hamas war: Israeli jets struck the airport of Aleppo on Sunday, state media said.", ymd("2023-10-22"))
	for _, c := range got {
		if c.Admin1PCode == "SY04" {
			t.Errorf("'Hamas' read as Homs: %v", describeAll(got))
		}
	}
	got = extractAll(t, "Israeli soldiers went into Jubata al-Khashab on Saturday and searched homes. "+
		"There was no immediate word on possible arrests.", ymd("2025-12-13"))
	for _, c := range got {
		if c.IncidentType == TypeArrest {
			t.Errorf("arrests told as possible: %v", describeAll(got))
		}
	}
	got = extractAll(t, "The government called up reservists in Tartus, in preparation for the battle of Daraa, activists said.", ymd("2018-06-03"))
	for _, c := range got {
		if c.IncidentType == TypeClash {
			t.Errorf("a battle prepared for: %v", describeAll(got))
		}
	}
}

// Counts told by whom, not by a number: "the officer … was arrested" is one;
// "أُوقف الشاب" and "بعد ساعات من اعتقاله" are one; the man named and "his
// son" are two; a group arrested "which consisted of five members" is five.
func TestExtract_Round18Counts(t *testing.T) {
	for _, tc := range []struct {
		text, pub, typ   string
		killed, arrested int
	}{
		{"A gunman opened fire on a bus in the town of Shahba on Sunday, killing three men. The policeman behind the shooting was arrested hours later.", "2024-06-03", TypeArrest, 0, 1},
		{"أُوقف الشاب على حاجز مؤقت في قرية رويحينة بريف القنيطرة يوم الأحد.", "2024-06-03", TypeArrest, 0, 1},
		{"أفرجت دورية عن راعٍ بعد ساعات من اعتقاله في قرية رويحينة بريف القنيطرة يوم الأحد.", "2024-06-03", TypeArrest, 0, 1},
		{"انفجرت عبوة ناسفة بسيارة في مدينة نوى مساء أمس، وأودى الانفجار بحياة المدعو خالد الزعبي، وابنه سامر.", "2024-06-03", TypeBombing, 2, 0},
		{"Police arrested a smuggling gang, which consisted of four members, in the city of Homs on Monday, the ministry said.", "2024-06-04", TypeArrest, 0, 4},
	} {
		got := extractAll(t, tc.text, ymd(tc.pub))
		var c *Candidate
		for i := range got {
			if got[i].IncidentType == tc.typ {
				c = &got[i]
				break
			}
		}
		if c == nil {
			t.Errorf("Extract(%q) = %v; want a %s", tc.text, describeAll(got), tc.typ)
			continue
		}
		if tc.killed > 0 {
			wantCount(t, "killed in "+tc.text, c.Killed, tc.killed)
		}
		if tc.arrested > 0 {
			wantCount(t, "arrested in "+tc.text, c.Arrested, tc.arrested)
		}
	}
}

// An anniversary ("N years since the massacre") tells no event; a home's
// coast ("من مدينة X على الساحل") is the home's; an attempted
// kidnapping foiled by an ambush that caught the gang is an arrest alone.
func TestExtract_Round18Attempts(t *testing.T) {
	got := extractAll(t, "Last week marked ten years since the massacre in the village of Tremseh, where dozens were killed.", ymd("2022-07-19"))
	if len(got) != 0 {
		t.Errorf("an anniversary: got %v; want nothing", describeAll(got))
	}
	c := oneEvent(t, "خطف مسلحون سائق حافلة في ريف حماة بعد عودته من مدينة بانياس على الساحل السوري.", "2024-03-02", TypeKidnapping)
	if c != nil && c.Admin1PCode != "SY05" {
		t.Errorf("placed at the coast the driver came from: %s", describeCandidate(*c))
	}
	oneEvent(t, "أحبطت قوى الأمن محاولة اختطاف تاجر في مدينة جبلة، عبر نصب كمين أسفر عن إلقاء القبض على أفراد العصابة.", "2025-10-21", TypeArrest)
}

// "The explosion" told again on another outlet's word, with its own figure
// and a point near it, is the bombing told before; a bombing told as what a
// campaign came after ("بعد تفجير الكلية في X") is its backdrop; "the fourth
// exploded in Y" is one more; Israel's "اعتداء بالصواريخ" is a strike.
func TestExtract_Round18Retold(t *testing.T) {
	c := oneEvent(t, "انفجرت عبوة ناسفة بحافلة عسكرية على طريق حمص مصياف صباح الإثنين، ما أسفر عن إصابة 9 عسكريين. "+
		"وقالت صحيفة محلية إن الانفجار نتجت عنه ثلاث إصابات قرب مفرق قرية الشيحة.", "2024-11-25", TypeBombing)
	if c != nil {
		wantCount(t, "injured", c.Injured, 9)
	}
	got := extractAll(t, "شنت الطائرات الروسية اليوم غارات على أطراف مدينة سراقب، ضمن الحملة التي بدأت بعد تفجير المدرسة الحربية في حلب.", ymd("2023-10-06"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
		t.Errorf("got %v; want the strikes alone", describeAll(got))
	}
	got = extractAll(t, "Three bombs exploded in an empty building in the town of Tabqa on Tuesday. The fourth exploded in the village of Hazima.", ymd("2020-07-14"))
	if len(got) < 2 {
		t.Errorf("got %v; want the second blast as well", describeAll(got))
	}
	oneEvent(t, "طال اعتداء إسرائيلي بالصواريخ فجر اليوم أطراف بلدة خان أرنبة، واقتصرت الأضرار على الماديات.", "2024-01-10", TypeAirstrike)
}

// The gunmen's flight is no event; where the shooters were posted is where
// the fire came from; an anti-aircraft gun is no aircraft.
func TestExtract_Round18Doers(t *testing.T) {
	got := extractAll(t, "Two armed men riding a motorbike killed a guard at a checkpoint in the town of Shaddadi on Friday. The attack killed the guard at once, while the gunmen fled to the desert.", ymd("2024-03-29"))
	if len(got) != 1 {
		t.Errorf("got %v; want the shooting alone", describeAll(got))
	}
	c := oneEvent(t, "Militants positioned in the towns adjacent to the southern countryside of Idlib fired rockets at the town of Qamhana on Thursday, wounding three.", "2019-05-10", TypeShelling)
	if c != nil && c.Admin1PCode != "SY05" {
		t.Errorf("placed where the fire came from: %s", describeCandidate(*c))
	}
	got = extractAll(t, "An army bus came under gunfire near Sukhnah on Sunday, the shots fired from an anti-aircraft gun, killing four.", ymd("2022-01-03"))
	for _, c := range got {
		if c.IncidentType == TypeAirstrike {
			t.Errorf("an anti-aircraft gun read as an aircraft: %v", describeAll(got))
		}
	}
}

// An authority's seat is where it acted when the deed follows an aside ("in
// cooperation with …"); a weapon a little further after "seizing" is seized.
func TestExtract_Round18Seat(t *testing.T) {
	got := extractAll(t, "The Criminal Security Branch in Tartus province, in cooperation with the local police, arrested a man in a dawn raid, seizing about two million narcotic pills plus one automatic rifle, officials said on Monday.", ymd("2025-12-15"))
	arrest, seizure := false, false
	for _, c := range got {
		for _, p := range c.Places {
			arrest = arrest || c.IncidentType == TypeArrest && p.Role == RoleIncident && strings.Contains(p.Text, "Tartus")
		}
		seizure = seizure || c.IncidentType == TypeWeaponsSeizure
	}
	if !arrest || !seizure {
		t.Errorf("got %v; want an arrest in Tartus and the rifle seized", describeAll(got))
	}
}

// "ناجمة عن" after a place tells what caused the blasts there, no word of
// its name.
func TestExtract_CausedByEndsAName(t *testing.T) {
	wantOnePlace(t, "سمع دوي انفجارات في منطقة سرغايا ناجمة عن سقوط قذائف صباح اليوم.", "2024-02-10", "سرغايا")
}

// After a commemoration, the massacre told as background ("وكانت القوات
// قد …") is its history, not an event of the day.
func TestExtract_MemorialBackground(t *testing.T) {
	got := extractAll(t, "يصادف اليوم الذكرى العاشرة لمجزرة قرية البيضا في ريف بانياس، التي قتل فيها العشرات. "+
		"وكانت قوات النظام قد نفذت المجزرة فجر ذلك اليوم، حيث حاصرت القرية بقوة جاءت من مدينة بانياس.", ymd("2023-05-02"))
	if len(got) != 0 {
		t.Errorf("a commemoration and its history: got %v; want nothing", describeAll(got))
	}
}

// "All six members" arrested are six; "N abduction cases" over a month are a
// tally; the release of those kidnapped is no kidnapping.
func TestExtract_Round18Cases(t *testing.T) {
	c := oneEvent(t, "Security forces raided a farm in the village of Hazima on Tuesday and arrested all four members of the cell.", "2024-07-25", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 4)
	}
	got := extractAll(t, "A local network recorded 31 abduction cases in the province of Daraa during last month. "+
		"It also mentioned the release of several kidnapped people after ransoms were paid.", ymd("2024-03-02"))
	if len(got) != 0 {
		t.Errorf("a month's cases and releases: got %v; want nothing", describeAll(got))
	}
}
