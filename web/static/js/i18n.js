// Interface strings in English and Arabic, and formatting of dates and numbers for the
// chosen language. Untrusted data never passes through here: only our own strings.

const en = {
  title: 'Syria incident map',
  subtitle: 'Reported security incidents, with sources',
  skipToList: 'Skip to filters and list',
  searchLabel: 'Find a place',
  searchPlaceholder: 'Find a place: Saraqib, سراقب…',
  searchResults: 'Places',
  searchNone: 'No place found',
  panelToggle: 'Filters & list',
  panelToggleShort: 'List',
  mapLabel: 'Map of incidents',
  panelLabel: 'Filters and incident list',
  retry: 'Retry',
  tilesOffline: 'Map tiles are unreachable: showing the offline map.',
  timeHeading: 'Time',
  allDates: 'All dates',
  from: 'From',
  to: 'To',
  play: 'Play through time',
  pause: 'Pause',
  histogramHint: 'Bars: incidents per {unit}; lighter where the date is only known as a range. Drag across the bars, or focus them and use the arrow keys, to choose dates.',
  histogramLabel: 'Incidents per {unit}, {from} to {to}',
  histTotal: '{n} in view over all dates.',
  day: 'day',
  week: 'week',
  typesHeading: 'Incident types',
  allTypes: 'All types',
  keyExact: 'Place known',
  keyArea: 'Approximate area',
  inView: 'In view',
  footer: 'Locations are shown only as precisely as they were reported.',
  loading: 'Loading incidents…',
  loadError: 'Could not load incidents: {msg}',
  govError: 'Could not load governorate outlines: {msg}',
  searchError: 'Place search failed: {msg}',
  noIncidents: 'No incidents match the view and filters. Zoom out or widen the dates.',
  truncated: 'Showing the first {n} incidents; zoom in to see all.',
  cellsNote: 'The map counts the {total} incidents in view by area; the list shows them newest first. Zoom in to see single incidents.',
  histTooMany: '{n} in view over all dates: too many to count by date here; zoom in for the bars.',
  cellTotal: '{n} incidents in this area',
  cellZoom: 'Zoom in here',
  cellTitle: '{n} incidents: open for the count by type',
  notMapped: 'Country-wide report: not placed on the map.',
  killed: 'killed',
  injured: 'injured',
  arrested: 'arrested',
  sources: 'Sources',
  sourceUnlinked: 'offline report, no link',
  sourceUnlinkedHint: 'This report is not online, or its address was not recorded: look it up by its title and publisher.',
  permalink: 'Permalink',
  permalinkLabel: 'Permanent link to incident {id}',
  showOnMap: 'Show on map',
  approx: 'Approximate location ({precision})',
  notFound: 'Incident {id} was not found.',
  layerOsm: 'OpenStreetMap',
  layerOffline: 'Offline map',
  layerIncidents: 'Incidents',
  layerGovernorates: 'Governorate boundaries',
  layerDensity: 'Density grid',
  osmAttribution: '© OpenStreetMap contributors',
  govAttribution: 'Boundaries and places: <a href="https://data.humdata.org/dataset/cod-ab-syr" rel="noopener">OCHA COD</a> (CC BY 3.0 IGO), Natural Earth',
  unknownDate: 'date unknown',
  switchLang: 'English: switch the interface to English',
  reviewToggle: 'Review',
  reviewHeading: 'Review queue',
  reviewLabel: 'Review queue for editors',
  close: 'Close',
  signInHeading: 'Editor sign-in',
  tokenLabel: 'Access token',
  tokenHint: 'Paste your editor token. It stays in this browser tab only and is forgotten when you sign out or close the tab.',
  signIn: 'Sign in',
  signingIn: 'Checking the token…',
  signOut: 'Sign out',
  signedIn: 'Signed in as editor.',
  tokenEmpty: 'Paste a token first.',
  tokenUnknown: 'This token was not accepted. Check that you pasted all of it.',
  tokenNotEditor: 'This token may only post reports, not review them. Sign in with an editor token.',
  tokenExpired: 'Your token is no longer accepted: sign in again.',
  networkError: 'The server could not be reached: {msg}',
  ingestHeading: 'Paste a report',
  reportText: 'Report text',
  reportTextHint: 'News text in Arabic. The incidents it tells of are proposed as drafts below.',
  reportPublished: 'Published on',
  sourceTitle: 'Source title',
  sourceUrl: 'Source link (http/https)',
  sourcePublisher: 'Publisher',
  propose: 'Propose incidents',
  proposing: 'Reading the report…',
  ingestResult: '{n} new draft(s) proposed.',
  ingestNone: 'No incident was found in this report.',
  ingestDuplicate: 'This report was ingested before: its {n} draft(s) are in the queue.',
  queueHeading: 'Drafts',
  refresh: 'Refresh',
  loadMore: 'Load more',
  queueEmpty: 'No drafts are waiting for review.',
  queueError: 'Could not load the drafts: {msg}',
  evidence: 'Evidence',
  notes: 'Notes',
  edit: 'Edit',
  closeEdit: 'Close editor',
  publish: 'Publish',
  reject: 'Reject',
  rejectConfirm: 'Reject this draft? It will be deleted.',
  rejectYes: 'Yes, reject',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  publishedNote: 'Draft #{id} published: it is now on the public map.',
  rejectedNote: 'Draft #{id} rejected.',
  goneNote: 'Draft #{id} is no longer a draft: another editor published or rejected it.',
  actionError: 'Could not do this: {msg}',
  fieldType: 'Type',
  fieldDatePrecision: 'Date precision',
  dateUnknownOpt: 'unknown',
  fieldPlace: 'Place',
  placeSearch: 'Find the place',
  placeSearchPlaceholder: 'Saraqib, سراقب…',
  placeAr: 'Place name (Arabic)',
  placeEn: 'Place name (English)',
  fieldGov: 'Governorate',
  fieldGeoPrecision: 'Location precision',
  pinAt: 'Pin at {lat}, {lon}',
  dragHint: 'Drag the pin on the map, or find the place above.',
  pinMoved: 'Pin moved: check the place name and precision.',
  countsLegend: 'Counts',
  notReported: 'not reported',
  countInvalid: 'Write a whole number, or leave it empty when not reported.',
  summaryAr: 'Summary (Arabic)',
  summaryEn: 'Summary (English)',
  draftLabel: 'Draft {id}',
  unplaced: 'Not placed yet: find the place or drag the pin.',
  pinTitle: 'Draft {id}: drag to move',
  nearbyLooking: 'Looking up the place at the pin…',
  nearbyOutside: 'The pin is outside Syria: move it back inside the border.',
  nearbyBorder: 'The pin is {km} km outside the border, nearest to {name} governorate.',
  nearbyGov: 'Governorate at the pin: {name}.',
  nearbyOffer: 'Nearest places: pick one to use its names, or keep yours.',
  nearbyError: 'Could not look up the place at the pin: {msg}',
  nearbyUse: 'Use the names of {name}, {km} km from the pin',
  nearbyUsed: 'Place names set to {name}.',
  kmAway: '{km} km',
  discardConfirm: 'Draft #{id} has unsaved changes. Discard them?',
  discardYes: 'Discard changes',
  keepEditing: 'Keep editing',
  conflict: 'Someone else saved draft #{id} after you opened it, so your changes were not saved. Reload it to see their version; then make your changes again.',
  reloadDraft: 'Reload the draft',
  reloaded: 'Reloaded: this is the draft as now saved.',
  proposalsHeading: 'Proposed sources',
  proposalsHint: 'Reports that restate a published incident. Accepting adds the report to the incident\'s sources on the public map; rejecting drops it.',
  proposalsEmpty: 'No proposed source is waiting.',
  proposalsMore: 'More proposed sources are waiting: they are shown once these are accepted or rejected.',
  proposalsError: 'Could not load the proposed sources: {msg}',
  proposedSource: 'Proposed source',
  acceptSource: 'Accept source',
  rejectSource: 'Reject',
  acceptedNote: 'Source added to incident #{id}.',
  rejectedSourceNote: 'Proposed source for incident #{id} rejected.',
  brushLabel: 'Date range: incidents per {unit}, {from} to {to}',
  brushRole: 'date range brush',
  brushHelp: 'Keyboard: the left and right arrows move the chosen dates by one {unit}; with Shift they move only the end; Home and End jump to the first or last {unit}; Escape shows all dates.',
  brushRange: '{from} to {to}',
  weekOf: 'week of {date}',
  month: 'month',
  newBadge: 'new',
  legendOnly: 'Show only {type} (click again for every type)',
  legendAll: 'Show every type again',
  filtersHeading: 'Filters',
  filtersClear: 'Clear filters',
  filterText: 'Words in summaries and place names',
  filterTextPlaceholder: 'market, مشفى, Saraqib…',
  filterTextShort: 'Type at least one word of 3 letters or more.',
  filterGov: 'Governorate',
  allGovs: 'All governorates',
  filterDistrict: 'District',
  allDistricts: 'All districts',
  filterKilled: 'At least … killed',
  showHeading: 'Map shows',
  showIncidents: 'Incidents',
  showGovs: 'Governorates',
  showDistricts: 'Districts',
  shadeBy: 'Shade by',
  shadeCount: 'incidents',
  shadeKilled: 'killed',
  choroTip: '{n} incidents, {k} killed',
  choroNone: 'none',
  choroCount: 'Incidents {level}',
  choroKilled: 'Killed {level}',
  perGovernorate: 'per governorate',
  perDistrict: 'per district',
  choroTotal: '{n} incidents match the filters.',
  exportGeoJSON: 'Download every matching incident as GeoJSON',
  exportCSV: 'Download every matching incident as CSV',
  exportNote: 'Downloads hold all {n} matching incidents.',
  exportLabel: 'Download all {n} matching incidents as {format}',
  showMore: 'Show more',
  anyDate: 'any date',
  layerDistricts: 'District boundaries',
  searchPlaceholderShort: 'Search',
  errTextEmpty: 'Paste the report’s text first.',
  errTextLong: 'This report is too long: paste at most 200,000 characters.',
  errTextBad: 'The text could not be read: paste it again as plain text.',
  errSourceMissing: 'Give the source’s link or its title, so that the same report is recognised if it is posted again.',
  errSourceURL: 'The source link must start with http:// or https://.',
  errPublished: 'Give the publication date as a full date.',
  ingestMatches: 'Matches published incident #{id}: proposed as its source, for review below.',
  ingestMatchesMany: 'Matches published incidents {ids}: proposed as their source, for review below.',
  country792: 'Turkey', country422: 'Lebanon', country376: 'Israel', country400: 'Jordan', country368: 'Iraq',
  country196: 'Cyprus', country682: 'Saudi Arabia', country818: 'Egypt', country364: 'Iran', country275: 'Palestine',
  datePrecisionNames: { day: 'day', range: 'range', month: 'month', year: 'year' },
  fields: {
    killed: 'Killed', injured: 'Injured', arrested: 'Arrested',
  },
  types: {
    arrest: 'Arrest', airstrike: 'Airstrike', armed_attack: 'Armed attack', bombing: 'Bombing',
    clash: 'Clash', shelling: 'Shelling', weapons_seizure: 'Weapons seizure',
    kidnapping: 'Kidnapping', other: 'Other',
  },
  precisions: {
    exact: 'exact', neighbourhood: 'neighbourhood', town: 'town', district: 'district',
    governorate: 'governorate', country: 'country',
  },
  datePrecisions: { day: '', range: 'between', month: 'sometime in', year: 'sometime in' },
};

const ar = {
  title: 'خريطة الحوادث في سوريا',
  subtitle: 'حوادث أمنية مُبلَّغ عنها مع مصادرها',
  skipToList: 'انتقل إلى المرشحات والقائمة',
  searchLabel: 'ابحث عن مكان',
  searchPlaceholder: 'ابحث عن مكان: سراقب، Saraqib…',
  searchResults: 'الأماكن',
  searchNone: 'لم يُعثر على مكان',
  panelToggle: 'المرشحات والقائمة',
  panelToggleShort: 'القائمة',
  mapLabel: 'خريطة الحوادث',
  panelLabel: 'المرشحات وقائمة الحوادث',
  retry: 'أعد المحاولة',
  tilesOffline: 'تعذّر تحميل خلفية الخريطة: تُعرض الخريطة دون اتصال.',
  timeHeading: 'الزمن',
  allDates: 'كل التواريخ',
  from: 'من',
  to: 'إلى',
  play: 'تشغيل عبر الزمن',
  pause: 'إيقاف مؤقت',
  histogramHint: 'الأعمدة: عدد الحوادث في كل {unit}، وأفتح لونًا حين يُعرف التاريخ كنطاق فقط. اسحب فوق الأعمدة، أو انتقل إليها واستخدم مفاتيح الأسهم، لاختيار التواريخ.',
  histogramLabel: 'عدد الحوادث في كل {unit}، من {from} إلى {to}',
  histTotal: '{n} ضمن العرض في كل التواريخ.',
  day: 'يوم',
  week: 'أسبوع',
  typesHeading: 'أنواع الحوادث',
  allTypes: 'كل الأنواع',
  keyExact: 'مكان معروف',
  keyArea: 'منطقة تقريبية',
  inView: 'ضمن العرض',
  footer: 'تُعرض المواقع بالدقة التي أُبلغ عنها فقط.',
  loading: 'جارٍ تحميل الحوادث…',
  loadError: 'تعذّر تحميل الحوادث: {msg}',
  govError: 'تعذّر تحميل حدود المحافظات: {msg}',
  searchError: 'تعذّر البحث عن المكان: {msg}',
  noIncidents: 'لا توجد حوادث تطابق العرض والمرشحات. صغّر الخريطة أو وسّع نطاق التاريخ.',
  truncated: 'تُعرض أول {n} حادثة فقط؛ كبّر الخريطة لرؤيتها كلها.',
  cellsNote: 'تَعُدّ الخريطة الحوادث الـ{total} ضمن العرض حسب المنطقة؛ وتعرضها القائمة من الأحدث. كبّر الخريطة لرؤية الحوادث منفردة.',
  histTooMany: '{n} ضمن العرض في كل التواريخ: عددها أكبر من أن يُحصى حسب التاريخ هنا؛ كبّر الخريطة لرؤية الأعمدة.',
  cellTotal: '{n} حادثة في هذه المنطقة',
  cellZoom: 'كبّر هنا',
  cellTitle: '{n} حادثة: افتحها لرؤية العدد حسب النوع',
  notMapped: 'بلاغ على مستوى البلاد: لا يُرسم على الخريطة.',
  killed: 'قتيل',
  injured: 'جريح',
  arrested: 'معتقل',
  sources: 'المصادر',
  sourceUnlinked: 'تقرير غير متاح على الإنترنت، بلا رابط',
  sourceUnlinkedHint: 'هذا التقرير غير منشور على الإنترنت أو لم يُسجَّل عنوانه: ابحث عنه بعنوانه وناشره.',
  permalink: 'رابط دائم',
  permalinkLabel: 'رابط دائم للحادثة {id}',
  showOnMap: 'اعرض على الخريطة',
  approx: 'موقع تقريبي ({precision})',
  notFound: 'لم يُعثر على الحادثة {id}.',
  layerOsm: 'أوبن ستريت ماب',
  layerOffline: 'خريطة دون اتصال',
  layerIncidents: 'الحوادث',
  layerGovernorates: 'حدود المحافظات',
  layerDensity: 'شبكة الكثافة',
  osmAttribution: '© المساهمون في OpenStreetMap',
  govAttribution: 'الحدود والأماكن: <a href="https://data.humdata.org/dataset/cod-ab-syr" rel="noopener">OCHA COD</a> (CC BY 3.0 IGO)، ناتشورال إيرث',
  unknownDate: 'تاريخ غير معروف',
  switchLang: 'العربية: التبديل إلى الواجهة العربية',
  reviewToggle: 'المراجعة',
  reviewHeading: 'قائمة المراجعة',
  reviewLabel: 'قائمة المراجعة للمحررين',
  close: 'إغلاق',
  signInHeading: 'دخول المحرر',
  tokenLabel: 'رمز الدخول',
  tokenHint: 'الصق رمز المحرر الخاص بك. يبقى في هذا التبويب فقط ويُنسى عند تسجيل الخروج أو إغلاق التبويب.',
  signIn: 'دخول',
  signingIn: 'جارٍ التحقق من الرمز…',
  signOut: 'تسجيل الخروج',
  signedIn: 'تم الدخول كمحرر.',
  tokenEmpty: 'الصق الرمز أولًا.',
  tokenUnknown: 'لم يُقبل هذا الرمز. تأكد من أنك لصقته كاملًا.',
  tokenNotEditor: 'هذا الرمز يسمح بإرسال البلاغات فقط لا بمراجعتها. ادخل برمز محرر.',
  tokenExpired: 'لم يعد رمزك مقبولًا: ادخل من جديد.',
  networkError: 'تعذّر الوصول إلى الخادم: {msg}',
  ingestHeading: 'الصق بلاغًا',
  reportText: 'نص البلاغ',
  reportTextHint: 'نص خبر بالعربية. تُقترح الحوادث الواردة فيه كمسودات أدناه.',
  reportPublished: 'تاريخ النشر',
  sourceTitle: 'عنوان المصدر',
  sourceUrl: 'رابط المصدر (http/https)',
  sourcePublisher: 'الناشر',
  propose: 'اقترح الحوادث',
  proposing: 'جارٍ قراءة البلاغ…',
  ingestResult: 'اقتُرحت {n} مسودة جديدة.',
  ingestNone: 'لم يُعثر على حادثة في هذا البلاغ.',
  ingestDuplicate: 'أُدخل هذا البلاغ من قبل: مسوداته ({n}) في القائمة.',
  queueHeading: 'المسودات',
  refresh: 'تحديث',
  loadMore: 'عرض المزيد',
  queueEmpty: 'لا توجد مسودات بانتظار المراجعة.',
  queueError: 'تعذّر تحميل المسودات: {msg}',
  evidence: 'الدليل',
  notes: 'ملاحظات',
  edit: 'تحرير',
  closeEdit: 'إغلاق المحرر',
  publish: 'نشر',
  reject: 'رفض',
  rejectConfirm: 'أترفض هذه المسودة؟ ستُحذف.',
  rejectYes: 'نعم، ارفض',
  cancel: 'إلغاء',
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  saved: 'حُفظ.',
  publishedNote: 'نُشرت المسودة #{id}: هي الآن على الخريطة العامة.',
  rejectedNote: 'رُفضت المسودة #{id}.',
  goneNote: 'لم تعد #{id} مسودة: نشرها محرر آخر أو رفضها.',
  actionError: 'تعذّر تنفيذ ذلك: {msg}',
  fieldType: 'النوع',
  fieldDatePrecision: 'دقة التاريخ',
  dateUnknownOpt: 'غير معروف',
  fieldPlace: 'المكان',
  placeSearch: 'ابحث عن المكان',
  placeSearchPlaceholder: 'سراقب، Saraqib…',
  placeAr: 'اسم المكان (بالعربية)',
  placeEn: 'اسم المكان (بالإنجليزية)',
  fieldGov: 'المحافظة',
  fieldGeoPrecision: 'دقة الموقع',
  pinAt: 'الدبوس عند {lat}، {lon}',
  dragHint: 'اسحب الدبوس على الخريطة، أو ابحث عن المكان أعلاه.',
  pinMoved: 'نُقل الدبوس: تحقق من اسم المكان ودقته.',
  countsLegend: 'الأعداد',
  notReported: 'غير مذكور',
  countInvalid: 'اكتب عددًا صحيحًا، أو اتركه فارغًا إن لم يُذكر.',
  summaryAr: 'الملخص (بالعربية)',
  summaryEn: 'الملخص (بالإنجليزية)',
  draftLabel: 'المسودة {id}',
  unplaced: 'لم يُحدَّد المكان بعد: ابحث عنه أو اسحب الدبوس.',
  pinTitle: 'المسودة {id}: اسحب لتحريكها',
  nearbyLooking: 'جارٍ البحث عن المكان عند الدبوس…',
  nearbyOutside: 'الدبوس خارج سوريا: أعده إلى داخل الحدود.',
  nearbyBorder: 'الدبوس خارج الحدود بمسافة {km} كم، وأقرب محافظة إليه {name}.',
  nearbyGov: 'المحافظة عند الدبوس: {name}.',
  nearbyOffer: 'أقرب الأماكن: اختر أحدها لاستخدام اسمه، أو أبقِ ما كتبته.',
  nearbyError: 'تعذّر البحث عن المكان عند الدبوس: {msg}',
  nearbyUse: 'استخدم اسم {name}، على بعد {km} كم من الدبوس',
  nearbyUsed: 'عُيّن اسم المكان: {name}.',
  kmAway: '{km} كم',
  discardConfirm: 'في المسودة #{id} تعديلات غير محفوظة. أتتخلى عنها؟',
  discardYes: 'تخلَّ عن التعديلات',
  keepEditing: 'تابع التحرير',
  conflict: 'حفظ شخص آخر المسودة #{id} بعد أن فتحتها، فلم تُحفظ تعديلاتك. أعد تحميلها لترى نسخته، ثم أعد تعديلاتك.',
  reloadDraft: 'أعد تحميل المسودة',
  reloaded: 'أُعيد التحميل: هذه المسودة كما حُفظت الآن.',
  proposalsHeading: 'مصادر مقترحة',
  proposalsHint: 'بلاغات تروي حادثة منشورة. القبول يضيف البلاغ إلى مصادر الحادثة على الخريطة العامة، والرفض يحذفه.',
  proposalsEmpty: 'لا مصدر مقترحاً بانتظار المراجعة.',
  proposalsMore: 'مصادر مقترحة أخرى بانتظار المراجعة: تظهر بعد قبول هذه أو رفضها.',
  proposalsError: 'تعذّر تحميل المصادر المقترحة: {msg}',
  proposedSource: 'مصدر مقترح',
  acceptSource: 'اقبل المصدر',
  rejectSource: 'ارفض',
  acceptedNote: 'أُضيف المصدر إلى الحادثة #{id}.',
  rejectedSourceNote: 'رُفض المصدر المقترح للحادثة #{id}.',
  brushLabel: 'نطاق التاريخ: عدد الحوادث في كل {unit}، من {from} إلى {to}',
  brushRole: 'أداة اختيار نطاق التاريخ',
  brushHelp: 'لوحة المفاتيح: يحرّك السهمان الأيسر والأيمن التواريخ المختارة بمقدار {unit} واحد، ومع Shift يحرّكان نهايتها فقط؛ وينتقل Home وEnd إلى أول {unit} أو آخره؛ ويعرض Escape كل التواريخ.',
  brushRange: 'من {from} إلى {to}',
  weekOf: 'أسبوع {date}',
  month: 'شهر',
  newBadge: 'جديد',
  legendOnly: 'اعرض {type} وحده (انقر ثانيةً لعرض كل الأنواع)',
  legendAll: 'اعرض كل الأنواع من جديد',
  filtersHeading: 'المرشحات',
  filtersClear: 'امسح المرشحات',
  filterText: 'كلمات في الملخصات وأسماء الأماكن',
  filterTextPlaceholder: 'سوق، مشفى، Saraqib…',
  filterTextShort: 'اكتب كلمة واحدة على الأقل من ثلاثة أحرف أو أكثر.',
  filterGov: 'المحافظة',
  allGovs: 'كل المحافظات',
  filterDistrict: 'المنطقة',
  allDistricts: 'كل المناطق',
  filterKilled: 'عدد القتلى لا يقل عن',
  showHeading: 'تعرض الخريطة',
  showIncidents: 'الحوادث',
  showGovs: 'المحافظات',
  showDistricts: 'المناطق',
  shadeBy: 'التلوين حسب',
  shadeCount: 'الحوادث',
  shadeKilled: 'القتلى',
  choroTip: '{n} حادثة، {k} قتيل',
  choroNone: 'لا شيء',
  choroCount: 'الحوادث {level}',
  choroKilled: 'القتلى {level}',
  perGovernorate: 'في كل محافظة',
  perDistrict: 'في كل منطقة',
  choroTotal: '{n} حادثة تطابق المرشحات.',
  exportGeoJSON: 'نزّل كل الحوادث المطابقة بصيغة GeoJSON',
  exportCSV: 'نزّل كل الحوادث المطابقة بصيغة CSV',
  exportNote: 'تحوي التنزيلات كل الحوادث المطابقة ({n}).',
  exportLabel: 'نزّل كل الحوادث المطابقة ({n}) بصيغة {format}',
  showMore: 'اعرض المزيد',
  anyDate: 'أي تاريخ',
  layerDistricts: 'حدود المناطق',
  searchPlaceholderShort: 'ابحث',
  errTextEmpty: 'الصق نص البلاغ أولًا.',
  errTextLong: 'البلاغ أطول من المسموح: الصق 200,000 حرف على الأكثر.',
  errTextBad: 'تعذّرت قراءة النص: الصقه من جديد كنص عادي.',
  errSourceMissing: 'اذكر رابط المصدر أو عنوانه، كي يُعرف البلاغ إن أُرسل مرة أخرى.',
  errSourceURL: 'يجب أن يبدأ رابط المصدر بـ http:// أو https://.',
  errPublished: 'اكتب تاريخ النشر تاريخًا كاملًا.',
  ingestMatches: 'يطابق الحادثة المنشورة #{id}: اقتُرح مصدراً لها، للمراجعة أدناه.',
  ingestMatchesMany: 'يطابق الحوادث المنشورة {ids}: اقتُرح مصدراً لها، للمراجعة أدناه.',
  country792: 'تركيا', country422: 'لبنان', country376: 'إسرائيل', country400: 'الأردن', country368: 'العراق',
  country196: 'قبرص', country682: 'السعودية', country818: 'مصر', country364: 'إيران', country275: 'فلسطين',
  datePrecisionNames: { day: 'يوم', range: 'نطاق', month: 'شهر', year: 'سنة' },
  fields: {
    killed: 'قتلى', injured: 'جرحى', arrested: 'معتقلون',
  },
  types: {
    arrest: 'اعتقال', airstrike: 'غارة جوية', armed_attack: 'هجوم مسلح', bombing: 'تفجير',
    clash: 'اشتباك', shelling: 'قصف', weapons_seizure: 'ضبط أسلحة', kidnapping: 'خطف', other: 'أخرى',
  },
  precisions: {
    exact: 'دقيق', neighbourhood: 'حي', town: 'بلدة', district: 'منطقة', governorate: 'محافظة',
    country: 'البلاد',
  },
  datePrecisions: { day: '', range: 'بين', month: 'خلال', year: 'خلال' },
};

const dict = { en, ar };
let current = 'en';

/** LANGS lists the supported interface languages. */
export const LANGS = ['en', 'ar'];

/** lang returns the current interface language, 'en' or 'ar'. */
export const lang = () => current;

/** t returns the string for key in the current language, with {name} placeholders filled. */
export function t(key, vars = {}) {
  const s = dict[current][key] ?? en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

/** typeName returns the localised name of an incident type. */
export const typeName = (type) => dict[current].types[type] ?? type;

/** datePrecisionName returns the localised name of a date_precision value. */
export const datePrecisionName = (p) => dict[current].datePrecisionNames[p] ?? p;

/** fieldName returns the localised label of a count field (killed, injured, arrested). */
export const fieldName = (f) => dict[current].fields[f] ?? f;

/** precisionName returns the localised name of a geo_precision value. */
export const precisionName = (p) => dict[current].precisions[p] ?? p;

const locale = () => (current === 'ar' ? 'ar-SY-u-nu-latn' : 'en-GB');

// Number formats by locale: making one costs far more than using it, and counts are
// formatted by the thousand.
const numberFormats = new Map();

/** formatNumber formats n for the current language (Latin digits in both). */
export function formatNumber(n) {
  const loc = locale();
  if (!numberFormats.has(loc)) numberFormats.set(loc, new Intl.NumberFormat(loc));
  return numberFormats.get(loc).format(n);
}

/** formatDate formats an ISO date (YYYY-MM-DD) as a readable day, e.g. "24 Nov 2025". */
export function formatDate(iso, opts = { day: 'numeric', month: 'short', year: 'numeric' }) {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { ...opts, timeZone: 'UTC' }).format(d);
}

/** formatMonth formats the month of an ISO date, e.g. "March 2025". */
export const formatMonth = (iso) => formatDate(iso, { month: 'long', year: 'numeric' });

/** formatRange formats two ISO dates compactly, e.g. "1–10 Dec 2025". */
export function formatRange(from, to, opts = { day: 'numeric', month: 'short', year: 'numeric' }) {
  const a = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  const b = new Date(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${from} – ${to}`;
  return new Intl.DateTimeFormat(locale(), { ...opts, timeZone: 'UTC' }).formatRange(a, b);
}

/** formatDateRange describes an incident's date honestly, using its date_precision. */
export function formatDateRange(p) {
  const { date_from: from, date_to: to, date_precision: prec } = p;
  if (!from && !to) return t('unknownDate');
  if (prec === 'year') return `${dict[current].datePrecisions.year} ${(from || to).slice(0, 4)}`;
  if (prec === 'month') {
    return `${dict[current].datePrecisions.month} ${formatDate(from || to, { month: 'long', year: 'numeric' })}`;
  }
  if (!to || from === to) return formatDate(from || to);
  return formatRange(from, to);
}

/** setLang switches the interface language and rewrites every tagged element. */
export function setLang(l) {
  current = LANGS.includes(l) ? l : 'en';
  const root = document.documentElement;
  root.lang = current;
  root.dir = current === 'ar' ? 'rtl' : 'ltr';
  document.title = `mapsrv · ${t('title')}`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of document.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
}

/** pick returns the property in the current language, falling back to the other one. */
export function pick(props, base) {
  const other = current === 'ar' ? 'en' : 'ar';
  const mine = props[`${base}_${current}`];
  if (mine) return { text: mine, lang: current };
  const theirs = props[`${base}_${other}`];
  return theirs ? { text: theirs, lang: other } : { text: '', lang: current };
}
