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
  tilesOffline: 'Map tiles are unreachable: showing the offline outline.',
  timeHeading: 'Time',
  allDates: 'All dates',
  from: 'From',
  to: 'To',
  play: 'Play through time',
  pause: 'Pause',
  histogramHint: 'Bars: incidents per {unit}; lighter where the date is only known as a range. Drag across the bars to choose dates.',
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
  notMapped: 'Country-wide report: not placed on the map.',
  killed: 'killed',
  injured: 'injured',
  arrested: 'arrested',
  sources: 'Sources',
  permalink: 'Permalink',
  permalinkLabel: 'Permanent link to incident {id}',
  showOnMap: 'Show on map',
  approx: 'Approximate location ({precision})',
  notFound: 'Incident {id} was not found.',
  layerOsm: 'OpenStreetMap',
  layerOffline: 'Offline outline',
  layerIncidents: 'Incidents',
  layerGovernorates: 'Governorate boundaries',
  layerDensity: 'Density grid',
  osmAttribution: '© OpenStreetMap contributors',
  govAttribution: 'Boundaries: OCHA',
  unknownDate: 'date unknown',
  switchLang: 'English: switch the interface to English',
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
  tilesOffline: 'تعذّر تحميل خلفية الخريطة: تُعرض حدود المحافظات دون اتصال.',
  timeHeading: 'الزمن',
  allDates: 'كل التواريخ',
  from: 'من',
  to: 'إلى',
  play: 'تشغيل عبر الزمن',
  pause: 'إيقاف مؤقت',
  histogramHint: 'الأعمدة: عدد الحوادث في كل {unit}، وأفتح لونًا حين يُعرف التاريخ كنطاق فقط. اسحب فوق الأعمدة لاختيار التواريخ.',
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
  notMapped: 'بلاغ على مستوى البلاد: لا يُرسم على الخريطة.',
  killed: 'قتيل',
  injured: 'جريح',
  arrested: 'معتقل',
  sources: 'المصادر',
  permalink: 'رابط دائم',
  permalinkLabel: 'رابط دائم للحادثة {id}',
  showOnMap: 'اعرض على الخريطة',
  approx: 'موقع تقريبي ({precision})',
  notFound: 'لم يُعثر على الحادثة {id}.',
  layerOsm: 'أوبن ستريت ماب',
  layerOffline: 'حدود دون اتصال',
  layerIncidents: 'الحوادث',
  layerGovernorates: 'حدود المحافظات',
  layerDensity: 'شبكة الكثافة',
  osmAttribution: '© المساهمون في OpenStreetMap',
  govAttribution: 'الحدود: أوتشا',
  unknownDate: 'تاريخ غير معروف',
  switchLang: 'العربية: التبديل إلى الواجهة العربية',
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

/** precisionName returns the localised name of a geo_precision value. */
export const precisionName = (p) => dict[current].precisions[p] ?? p;

const locale = () => (current === 'ar' ? 'ar-SY-u-nu-latn' : 'en-GB');

/** formatNumber formats n for the current language (Latin digits in both). */
export const formatNumber = (n) => new Intl.NumberFormat(locale()).format(n);

/** formatDate formats an ISO date (YYYY-MM-DD) as a readable day, e.g. "24 Nov 2025". */
export function formatDate(iso, opts = { day: 'numeric', month: 'short', year: 'numeric' }) {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { ...opts, timeZone: 'UTC' }).format(d);
}

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
