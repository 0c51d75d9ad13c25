package gazetteer

// The words around a place name that qualify it, keyed by their normalised,
// article-stripped form (tokenKey of Normalize).

// directions maps direction words to English: nouns ("شمال إدلب", "north of"),
// nisba forms ("غربي مدينة إدلب"), adjectives after ريف X ("الشمالي").
var directions = map[string]string{
	"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west",
	"شمالي": "north", "جنوبي": "south", "شرقي": "east", "غربي": "west",
	"north": "north", "south": "south", "east": "east", "west": "west",
	"northern": "north", "southern": "south", "eastern": "east", "western": "west",
	"northwest": "northwest", "northeast": "northeast", "southwest": "southwest", "southeast": "southeast",
	"northwestern": "northwest", "northeastern": "northeast", "southwestern": "southwest", "southeastern": "southeast",
}

// adjectiveEN turns a direction into its adjective: "north" → "northern".
func adjectiveEN(d string) string {
	switch d {
	case "north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast":
		return d + "ern"
	}
	return d
}

// typeWords are the words naming what sort of place follows, with the kinds they
// prefer. محافظة and "governorate" ask for the governorate itself.
var typeWords = map[string][]Kind{
	"مدينه": {KindCity, KindTown}, "بلده": {KindTown, KindVillage, KindCity}, "قريه": {KindVillage, KindTown},
	"حي": {KindNeighbourhood}, "منطقه": {KindRegion, KindVillage, KindTown, KindNeighbourhood, KindDistrict, KindSubdistrict},
	"محافظه": {KindGovernorate}, "ناحيه": {KindSubdistrict, KindTown}, "مخيم": {KindVillage, KindNeighbourhood, KindLandmark},
	"مركز": {KindCity, KindTown},
	"city": {KindCity, KindTown}, "town": {KindTown, KindCity, KindVillage}, "village": {KindVillage, KindTown},
	"neighbourhood": {KindNeighbourhood}, "neighborhood": {KindNeighbourhood}, "district": {KindDistrict, KindNeighbourhood},
	"quarter":     {KindNeighbourhood},
	"governorate": {KindGovernorate}, "province": {KindGovernorate}, "area": {KindRegion, KindVillage, KindTown},
	"محله": {KindNeighbourhood}, "حاره": {KindNeighbourhood},
	// plural and dual forms open a list of places: "قرى الخربة وتل حمرا", "مدينتي منبج والباب"
	"قري": {KindVillage, KindTown}, "بلدات": {KindTown, KindVillage}, "مدن": {KindCity, KindTown},
	"احياء": {KindNeighbourhood}, "مناطق": {KindRegion, KindVillage, KindTown, KindNeighbourhood},
	"قريتي": {KindVillage, KindTown}, "بلدتي": {KindTown, KindVillage}, "مدينتي": {KindCity, KindTown},
	"منطقتي": {KindRegion, KindVillage, KindTown, KindNeighbourhood}, "حيي": {KindNeighbourhood},
	"villages": {KindVillage, KindTown}, "towns": {KindTown, KindVillage}, "cities": {KindCity, KindTown},
	"neighbourhoods": {KindNeighbourhood}, "neighborhoods": {KindNeighbourhood}, "areas": {KindRegion, KindVillage, KindTown},
}

// init adds the type words with a possessive pronoun ("بلدتهم", "قريته",
// "مدينتها": their town, his village): "قرب بلدتهم X" is near X as "قرب
// بلدة X" is. Whose home it is says nothing of where the event was.
func init() {
	for stem, kinds := range map[string][]Kind{"مدينت": typeWords["مدينه"], "بلدت": typeWords["بلده"], "قريت": typeWords["قريه"]} {
		for _, suf := range []string{"ه", "ها", "هم", "هما", "نا"} {
			typeWords[stem+suf] = kinds
		}
	}
}

// pluralTypeWords are the plural and dual type words: the names after them are a list.
var pluralTypeWords = map[string]bool{
	"قري": true, "بلدات": true, "مدن": true, "احياء": true, "مناطق": true, "قريتي": true, "بلدتي": true,
	"مدينتي": true, "منطقتي": true, "حيي": true, "villages": true, "towns": true, "cities": true,
	"neighbourhoods": true, "neighborhoods": true, "areas": true,
}

// ruralWords mark "the countryside of X": the governorate area outside X's city.
var ruralWords = map[string]bool{"ريف": true, "rural": true, "countryside": true, "outskirts": true, "ارياف": true,
	"suburbs": true, "suburb": true, "ضواحي": true}

// ruralNounsEN follow "rural" as the noun it describes: "the rural region of X".
var ruralNounsEN = map[string]bool{"region": true, "regions": true, "parts": true, "areas": true}

// desertWords before a town name mean its countryside ("بادية الميادين", "the
// Badia of Deir ez-Zor", "the desert of Homs"), as English "desert" after it
// does ("the Homs desert"); alone, "البادية" and "the Badia" are themselves a
// name (the Syrian Badia), so they are no qualifier words.
var desertWords = map[string]bool{"باديه": true, "badia": true, "desert": true}

// nearWords mark "near X".
var nearWords = map[string]bool{"قرب": true, "near": true, "محيط": true, "اطراف": true}

// triggers are words after which a lone village name is taken for a place in
// running text (elsewhere only well-known places are).
var triggers = map[string]bool{
	"في": true, "من": true, "الي": true, "قرب": true, "داخل": true, "باتجاه": true, "نحو": true,
	"حتي": true, "بين": true, "عند": true, "في،": true, "in": true, "near": true, "at": true,
	"from": true, "to": true, "of": true, "into": true, "outside": true, "toward": true, "towards": true, "around": true,
	// English verbs whose object is the place struck or taken: "shelled Qaboun and Jobar"
	"shelled": true, "shelling": true, "bombed": true, "bombarded": true, "pounded": true, "struck": true,
	"raided": true, "stormed": true, "besieged": true, "captured": true, "targeted": true, "hit": true, "entered": true,
}

// TownWorks name, in Arabic as normalised, a port, an airport, a crossing or
// a resort called after the town whose name follows them ("مرفأ اللاذقية",
// "مطار الضبعة", "معبر نصيب", "مصيف سلمى"): the extractor tells the work
// with the town as written.
var TownWorks = []string{"مرفا", "ميناء", "مطار", "معبر", "مصيف"}

// landmarkHeads name a work called after the town it serves, whose name
// follows: the TownWorks, a checkpoint ("حاجز قلعة المضيق") and an entrance
// ("مدخل"). The name after one is a place in running text as after "في".
var landmarkHeads = func() map[string]bool {
	m := map[string]bool{"حاجز": true, "مدخل": true, "مداخل": true, "checkpoint": true, "airport": true, "port": true, "crossing": true}
	for _, w := range TownWorks {
		m[w] = true
	}
	return m
}()

// strikeNounsEN before "on" make the name after it the place struck: "the
// airstrike on X", "attacks on Y".
var strikeNounsEN = map[string]bool{"strike": true, "strikes": true, "airstrike": true, "airstrikes": true, "attack": true,
	"attacks": true, "raid": true, "raids": true, "assault": true, "offensive": true, "shelling": true, "bombardment": true}

// nearbyWords may stand between a trigger and the name it makes a place:
// "shelled nearby X", "in neighbouring X".
var nearbyWords = map[string]bool{"nearby": true, "neighbouring": true, "neighboring": true, "adjacent": true}

// stopKeys are common words that are also names of some hamlet; in running text
// they are never taken for places on their own.
var stopKeys = map[string]bool{
	"دوله": true, "امن": true, "داخليه": true, "جيش": true, "قوات": true, "عناصر": true, "تنظيم": true,
	"خليه": true, "سوري": true, "سوريه": true, "عربي": true, "وزاره": true, "حكومه": true, "نصر": true,
	"سلام": true, "سلامه": true, "حريه": true, "وحده": true, "تحرير": true, "شهدا": true, "عاصمه": true, "اسلامي": true,
	"دولي": true, "تحالف": true, "عمليه": true, "هجوم": true, "مقتل": true, "اعتقال": true, "ضبط": true,
	"اسلحه": true, "ذخيره": true, "كنيسه": true, "مسجد": true, "جامع": true, "سوق": true, "طريق": true,
	"جسر": true, "معبر": true, "حاجز": true, "مطار": true, "مدرسه": true, "مشفي": true, "عين": true,
	"تل": true, "دير": true, "كفر": true, "خربه": true, "بيت": true, "ابو": true, "شيخ": true, "جبل": true,
	"عام": true, "يوم": true, "كبير": true, "صغير": true, "جديد": true, "غربيه": true, "شرقيه": true,
	"مزرعه": true, "مزارع": true, "بساتين": true, "بستان": true, "شماليه": true, "جنوبيه": true, "قديم": true, "قديمه": true, "اول": true, "ثاني": true, "ثانيه": true,
	"بلد": true, "ثوره": true, "كرامه": true, "امل": true, "عرب": true, "اكراد": true, "فرات": true,
	"حراك": true, // the protest movement ("نشاطه في الحراك المناهض"); the town is told "مدينة الحراك"
	// prepositions and particles, which some hamlet names also spell ("على" and العلي)
	"الي": true, "عن": true, "مع": true, "حتي": true, "عند": true, "بين": true, "منذ": true,
	"خلال": true, "بعد": true, "قبل": true, "ضد": true, "نحو": true, "عبر": true, "حول": true, "دون": true,
	"لدي": true, "تحت": true, "فوق": true, "امام": true, "خلف": true, "اثناء": true, "لكن": true, "ان": true,
	// demonyms and other proper adjectives of English news, which transliterated
	// hamlet names can spell ("Syrian" and صوران)
	"syrian": true, "syrians": true, "turkish": true, "israeli": true, "russian": true, "iraqi": true, "iranian": true,
	"kurdish": true, "arab": true, "american": true, "lebanese": true, "jordanian": true, "islamic": true,
	// and those of faith and sect ("the Ismaili village of X")
	"alawite": true, "sunni": true, "shiite": true, "druze": true, "ismaili": true, "christian": true, "yazidi": true,
	"turkmen": true, "assyrian": true, "armenian": true, "circassian": true, "bedouin": true,
	"state": true, "general": true, "interior": true, "coalition": true, "center": true, "central": true,
	"mission": true, "army": true, "forces": true, "security": true, "new": true, "old": true,
	"bureau": true, "office": true, "agency": true, "ministry": true, "department": true, // "the Narcotics Control Bureau" and Aleppo's old name Beroea
	// the preposition على, which folds onto the name علي; words of the casualty and raid
	// reports that some hamlet or city quarter is also called
	"علي": true, "جرح": true, "جروح": true, "جرحي": true, "منزل": true, "منزله": true, "منازل": true,
	"كشف": true, "صناعه": true, "سد": true, "وطني": true, "مستشفي": true,
	// a victim's age ("يبلغ من العمر", "عمره 20 عاماً") and a series of events ("سلسلة
	// هجمات"), which a hamlet's name also spells; an outlet's kind ("Radio X")
	"عمر": true, "عمره": true, "سلسله": true, "radio": true,
	// news agencies, monitors and armed groups by their acronyms in English news ("Homs,
	// SANA –", "the SOHR said"), which a hamlet's name may spell
	"sana": true, "sohr": true, "afp": true, "nna": true, "reuters": true, "isis": true, "sdf": true,
	"ypg": true, "hts": true, "sna": true, "hamas": true, "hezbollah": true, "daesh": true, // and groups by their names ("the Israel-Hamas war" read as Homs)
	// the English words of a road's or a street's name ("X Road", "Y Street"), which read as
	// some hamlet in another transliteration ("Road" as Riyad)
	"road": true, "street": true, "highway": true,
	// the days of the week, which a transliterated hamlet's name may spell ("Sunday" and Sandi)
	"sunday": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	// military words of English news that read as a hamlet ("the X Base" and Bseh)
	"base": true, "bases": true, "airbase": true, "checkpoint": true,
	// adjectives that follow the noun they describe ("التل العسكري", "الطيران الحربي",
	// "الجيش التركي"), which some hamlet is also called
	"عسكري": true, "عسكريه": true, "امني": true, "امنيه": true, "حربي": true, "حربيه": true,
	"تركي": true, "روسي": true, "اسرائيلي": true, "امريكي": true, "ايراني": true, "عراقي": true, "لبناني": true,
	"اردني": true, "كردي": true,
	// their feminine forms, after a feminine or plural noun ("القوات الكردية", "الفصائل
	// التركمانية"), and the adjectives of Syria's peoples and creeds
	"تركيه": true, "روسيه": true, "اسرائيليه": true, "امريكيه": true, "ايرانيه": true, "عراقيه": true,
	"لبنانيه": true, "اردنيه": true, "كرديه": true, "تركماني": true, "تركمانيه": true, "علوي": true,
	"علويه": true, "درزي": true, "درزيه": true, "سني": true, "سنيه": true, "شيعي": true, "شيعيه": true,
	"مسيحي": true, "مسيحيه": true, "سرياني": true, "سريانيه": true, "اشوري": true, "اشوريه": true,
	"ارمني": true, "ارمنيه": true, "شركسي": true, "شركسيه": true,
	// the preposition على with a pronoun ("عليه", "عليها", "وعليه": accordingly), which
	// hamlets are also called
	"عليه": true, "عليها": true, "عليهم": true, "عليهما": true,
}

// clauseParticles open what follows a name, a saying or a relative clause
// ("أن", "ما", "الذي"): no name ends in one, though joined to the word before
// they may spell another place's name.
var clauseParticles = map[string]bool{"ان": true, "انه": true, "انها": true, "ما": true, "مما": true,
	"الذي": true, "التي": true, "حيث": true}

// areaAdjectives describe an area told by a type word without naming it:
// "منطقة جبلية" (a mountainous area), "منطقة زراعية تابعة لقرية X". Written
// without the article after an indefinite type word they are never a name,
// whatever hamlet shares the word.
var areaAdjectives = map[string]bool{
	"جبليه": true, "زراعيه": true, "سكنيه": true, "صناعيه": true, "حدوديه": true, "عسكريه": true,
	"صحراويه": true, "ريفيه": true, "نائيه": true, "حرجيه": true, "وعره": true, "مفتوحه": true,
	"خاليه": true, "قريبه": true, "مجاوره": true, "محاذيه": true, "تابعه": true, "واقعه": true,
}

// placeAdjectives follow a place's name and describe it: residential, crowded,
// besieged, on the border or the coast. They are read as part of the mention,
// so that the area told after them still locates it.
var placeAdjectives = map[string]bool{
	"السكني": true, "السكنيه": true, "المكتظ": true, "المكتظه": true, "المحاصر": true, "المحاصره": true,
	"الحدودي": true, "الحدوديه": true, "الساحلي": true, "الساحليه": true,
}

// monthKeys are the month names of Syrian and other Arabic news (Syriac and
// Egyptian forms) and of English news. Several are also names of villages and
// city quarters ("تشرين", "آذار", "السابع من نيسان"): in running text a name holding
// one is taken for a place only after a type word ("حي السابع من نيسان").
var monthKeys = map[string]bool{
	"كانون": true, "شباط": true, "اذار": true, "نيسان": true, "ايار": true, "حزيران": true,
	"تموز": true, "اب": true, "ايلول": true, "تشرين": true,
	"يناير": true, "فبراير": true, "مارس": true, "ابريل": true, "مايو": true, "يونيو": true,
	"يوليو": true, "اغسطس": true, "سبتمبر": true, "اكتوبر": true, "نوفمبر": true, "ديسمبر": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// foreignKeys are the neighbouring countries: a word naming one is not read as a
// Syrian place, with or without its clitics.
var foreignKeys = map[string]bool{
	"لبنان": true, "عراق": true, "تركيا": true, "اردن": true, "فلسطين": true, "اسرائيل": true,
	// and Syria itself and its neighbours in English, which transliterated hamlet names
	// can spell ("Syria" and صراع, "Iraq" and Arak)
	"syria": true, "iraq": true, "lebanon": true, "turkey": true, "jordan": true, "israel": true, "iran": true,
	"palestine": true,
	// the Gulf and the powers of the war, where smuggled goods go and strikes come from
	// ("bound for Saudi Arabia" and As-Suwayda's consonants)
	"saudi": true, "arabia": true, "سعوديه": true, "egypt": true, "مصر": true, "russia": true, "روسيا": true,
	"ايران": true, "qatar": true, "قطر": true, "emirates": true, "امارات": true, "kuwait": true, "كويت": true,
}

// compoundHeads begin Arabic compound names without the article ("تل X",
// "عين X", "دير X"): alone before another word they are no name of their
// own, though "التل" and "الدير" are towns.
var compoundHeads = map[string]bool{"تل": true, "عين": true, "دير": true, "كفر": true, "خربه": true, "بئر": true,
	"تله": true, "جب": true, "ام": true, "ابو": true, "بيت": true, "قصر": true, "مزرعه": true}

// kinshipWords join the words of an Arabic name ("بئر أبو X", "فيضة ابن Y"):
// a name goes on past one, and never ends in one.
var kinshipWords = map[string]bool{"ابن": true, "ابو": true, "بن": true, "ام": true, "بني": true}
