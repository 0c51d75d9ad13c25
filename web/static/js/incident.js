// How one incident is shown in words: popup card and side-list entry. Everything from the
// API is inserted as text; only http(s) source URLs become links.

import { el, isolated, safeURL } from './dom.js';
import { colorOf, shapeSVG } from './symbols.js';
import {
  t, typeName, precisionName, formatDateRange, formatDate, formatNumber, pick, lang,
} from './i18n.js';

/** colorOf returns the colour of an incident type (grey for unknown types). */
export { colorOf };

/** APPROX lists geo_precision values drawn as areas rather than pins. */
export const APPROX = new Set(['district', 'governorate', 'country']);

/** isApprox reports whether an incident's location is only known as an area. */
export const isApprox = (p) => APPROX.has(p.geo_precision);

/** swatch returns the type's symbol (colour and shape) at legend size. */
export function swatch(type, extra = '') {
  return shapeSVG(type, 14, { approx: extra === 'ring', className: `swatch ${extra}`.trim() });
}

const governorates = new Map();

/** setGovernorates records governorate names by P-code, to name them in either language. */
export function setGovernorates(features) {
  for (const f of features) governorates.set(f.properties.pcode, f.properties);
}

/** governorateName returns the governorate of an incident in the current language. */
export function governorateName(p) {
  const g = governorates.get(p.admin1_pcode);
  return (g && pick(g, 'name').text) || p.admin1_name || '';
}

// Words that stand before a place's name in Arabic news ("بلدة البدروسية") and the
// phrases after it that say where it lies ("بريف اللاذقية الشمالي"): the name alone is
// shown, with the governorate after it from our own table.
const AR_KIND = /^(?:مدينة|بلدة|قرية|حي|ناحية|منطقة|مخيم|مزرعة|محافظة)\s+/;
const AR_WHERE = /\s+(?:في\s+)?(?:في|ب?ريف|ب?محافظة|قرب|بالقرب\s+من|التابعة|التابع|ب?(?:شمال|جنوب|شرق|غرب)ي?)(?=\s+\S).*$/;
const EN_WHERE = /(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s+near\s+)(?:(?:northern|southern|eastern|western|rural)\s+)*[\w' -]*?(?:countryside|governorate|province|rural)\b.*$|\s+in\s+rural\s+.*$/i;

/** shortPlace returns a place name without the words around it ("بلدة X بريف Y" → "X"). */
export function shortPlace(name) {
  if (!name) return '';
  let s = name.trim().replace(AR_KIND, '');
  s = s.replace(AR_WHERE, '').replace(EN_WHERE, '').replace(/^(?:the )?(?:town|village|city) of\s+/i, '');
  return s.trim() || name.trim();
}

/**
 * placeParts returns the best place description in the current language, as the children
 * of an element: the place's name in a <bdi> of its own before the governorate's, so that
 * direction controls stored in the name (a U+202E never closed) end with it instead of
 * turning the governorate's name around.
 */
export function placeParts(p) {
  const [place, gov] = placeAndGovernorate(p);
  if (place && gov && !place.includes(gov)) return [el('bdi', {}, place), lang() === 'ar' ? '، ' : ', ', gov];
  return [place || gov];
}

/** placeText is placeParts as one string, for an attribute (the place's name isolated). */
export function placeText(p) {
  const [place, gov] = placeAndGovernorate(p);
  if (place && gov && !place.includes(gov)) return `${isolated(place)}${lang() === 'ar' ? '، ' : ', '}${gov}`;
  return place || gov;
}

function placeAndGovernorate(p) {
  return [shortPlace(pick(p, 'place_name').text), governorateName(p)];
}

function counts(p) {
  const parts = [];
  for (const k of ['killed', 'injured', 'arrested']) {
    if (Number.isInteger(p[k]) && p[k] > 0) parts.push(`${formatNumber(p[k])} ${t(k)}`);
  }
  return parts.length ? el('p', { className: 'counts' }, parts.join(' · ')) : null;
}

// sourceParts renders a source as its title, a link only when its URL is
// safe, and the publisher (in a <bdi> of its own: see placeParts) and date to show
// after it, as an element's children (null when neither). A
// source without a link (a printed or broadcast report, or one whose URL is
// not http(s)) says so, rather than leaving a title that looks clickable.
export function sourceParts(s) {
  const title = s.title || s.publisher || s.url || '';
  const href = safeURL(s.url);
  const head = href
    ? el('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow', dir: 'auto' }, title)
    : el('span', {}, el('span', { dir: 'auto' }, title), ' ',
      el('span', { className: 'unlinked', title: t('sourceUnlinkedHint') }, `(${t('sourceUnlinked')})`));
  const meta = [s.title && s.publisher ? el('bdi', {}, s.publisher) : '', s.published ? formatDate(s.published) : '']
    .filter(Boolean).flatMap((part, i) => (i ? [', ', part] : [part]));
  return [head, meta.length ? meta : null];
}

function sourceItem(s) {
  const [head, meta] = sourceParts(s);
  return el('li', {}, head, meta ? el('span', { className: 'meta' }, ' — ', meta) : null);
}

function sources(p) {
  const list = (p.sources || []).filter((s) => s && (s.title || s.url || s.publisher));
  if (!list.length) return null;
  return el('div', { className: 'sources' },
    el('h4', {}, t('sources')),
    el('ul', {}, list.map(sourceItem)));
}

function summary(p) {
  const s = pick(p, 'summary');
  return s.text ? el('p', { className: 'summary', lang: s.lang, dir: 'auto' }, s.text) : null;
}

function precisionNote(p) {
  if (!isApprox(p) && p.geo_precision !== 'neighbourhood') return null;
  const txt = p.geo_precision === 'country' ? t('notMapped')
    : t('approx', { precision: precisionName(p.geo_precision) });
  return el('p', { className: 'precision-note' }, txt);
}

/** permalink returns the link that reopens this incident. */
export const permalink = (id) => `#incident=${encodeURIComponent(id)}`;

/** popupNode builds the popup card of a feature. */
export function popupNode(f) {
  const p = f.properties;
  return el('article', { className: 'popup', 'data-id': f.id },
    el('header', {},
      el('span', { className: 'type-chip' }, swatch(p.incident_type), typeName(p.incident_type)),
      el('time', { dateTime: p.date_from || '' }, formatDateRange(p))),
    el('h3', { className: 'place', dir: 'auto' }, placeParts(p)),
    precisionNote(p),
    summary(p),
    counts(p),
    sources(p),
    el('a', { className: 'permalink', href: permalink(f.id), 'aria-label': t('permalinkLabel', { id: f.id }) },
      t('permalink')));
}

/** listItem builds one entry of the side list; onShow is called to show it on the map. */
export function listItem(f, onShow, { fresh = false } = {}) {
  const p = f.properties;
  const approx = isApprox(p);
  const s = pick(p, 'summary');
  const item = el('li', {
    className: `incident${approx ? ' approx' : ''}${fresh ? ' fresh' : ''}`, 'data-id': f.id, 'data-type': p.incident_type,
  });
  item.style.setProperty('--tc', colorOf(p.incident_type));
  const show = el('button', {
    type: 'button', className: 'incident-main', title: t('showOnMap'), onclick: () => onShow(f),
  },
  el('span', { className: 'incident-top' },
    el('span', { className: 'type-chip' }, swatch(p.incident_type, approx ? 'ring' : ''), typeName(p.incident_type)),
    el('time', { dateTime: p.date_from || '' }, formatDateRange(p))),
  el('span', { className: 'incident-place', dir: 'auto' }, placeParts(p)),
  s.text ? el('span', { className: 'incident-summary', lang: s.lang, dir: 'auto' }, s.text) : null);
  const foot = el('span', { className: 'incident-foot' },
    fresh ? el('span', { className: 'new-badge' }, t('newBadge')) : null,
    el('a', {
      className: 'incident-link', href: permalink(f.id), 'aria-label': t('permalinkLabel', { id: f.id }),
    }, '#', String(f.id)));
  item.append(show, foot);
  return item;
}
