// How one incident is shown in words: popup card and side-list entry. Everything from the
// API is inserted as text; only http(s) source URLs become links.

import { el, safeURL } from './dom.js';
import {
  t, typeName, precisionName, formatDateRange, formatDate, formatNumber, pick, lang,
} from './i18n.js';

/** TYPE_COLORS maps incident_type to its colour on the map, legend and list. */
export const TYPE_COLORS = {
  airstrike: '#c62828',
  shelling: '#ef6c00',
  bombing: '#7b1fa2',
  armed_attack: '#d81b60',
  clash: '#8d5524',
  kidnapping: '#1565c0',
  arrest: '#2e7d32',
  weapons_seizure: '#00838f',
  other: '#607080',
};

/** colorOf returns the colour of an incident type (grey for unknown types). */
export const colorOf = (type) => TYPE_COLORS[type] ?? TYPE_COLORS.other;

/** APPROX lists geo_precision values drawn as areas rather than pins. */
export const APPROX = new Set(['district', 'governorate', 'country']);

/** isApprox reports whether an incident's location is only known as an area. */
export const isApprox = (p) => APPROX.has(p.geo_precision);

/** swatch returns a small colour dot for a type. */
export function swatch(type, extra = '') {
  const dot = el('span', { className: `swatch ${extra}`.trim(), 'aria-hidden': 'true' });
  dot.style.setProperty('--tc', colorOf(type));
  return dot;
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

/** placeText returns the best place description in the current language. */
export function placeText(p) {
  const place = pick(p, 'place_name').text;
  const gov = governorateName(p);
  if (place && gov && !place.includes(gov)) return `${place}${lang() === 'ar' ? '، ' : ', '}${gov}`;
  return place || gov;
}

function counts(p) {
  const parts = [];
  for (const k of ['killed', 'injured', 'arrested']) {
    if (Number.isInteger(p[k]) && p[k] > 0) parts.push(`${formatNumber(p[k])} ${t(k)}`);
  }
  return parts.length ? el('p', { className: 'counts' }, parts.join(' · ')) : null;
}

// sourceParts renders a source as its title, a link only when its URL is
// safe, and the publisher and date to show after it ('' when neither). A
// source without a link (a printed or broadcast report, or one whose URL is
// not http(s)) says so, rather than leaving a title that looks clickable.
export function sourceParts(s) {
  const title = s.title || s.publisher || s.url || '';
  const href = safeURL(s.url);
  const head = href
    ? el('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow', dir: 'auto' }, title)
    : el('span', {}, el('span', { dir: 'auto' }, title), ' ',
      el('span', { className: 'unlinked', title: t('sourceUnlinkedHint') }, `(${t('sourceUnlinked')})`));
  const meta = [s.title && s.publisher ? s.publisher : '', s.published ? formatDate(s.published) : '']
    .filter(Boolean).join(', ');
  return [head, meta];
}

function sourceItem(s) {
  const [head, meta] = sourceParts(s);
  return el('li', {}, head, meta ? el('span', { className: 'meta' }, ` — ${meta}`) : null);
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
    el('h3', { className: 'place', dir: 'auto' }, placeText(p)),
    precisionNote(p),
    summary(p),
    counts(p),
    sources(p),
    el('a', { className: 'permalink', href: permalink(f.id), 'aria-label': t('permalinkLabel', { id: f.id }) },
      t('permalink')));
}

/** listItem builds one entry of the side list; onShow is called to show it on the map. */
export function listItem(f, onShow) {
  const p = f.properties;
  const approx = isApprox(p);
  const s = pick(p, 'summary');
  const item = el('li', { className: `incident${approx ? ' approx' : ''}`, 'data-id': f.id, 'data-type': p.incident_type });
  item.style.setProperty('--tc', colorOf(p.incident_type));
  const show = el('button', {
    type: 'button', className: 'incident-main', title: t('showOnMap'), onclick: () => onShow(f),
  },
  el('span', { className: 'incident-top' },
    el('span', { className: 'type-chip' }, swatch(p.incident_type, approx ? 'ring' : ''), typeName(p.incident_type)),
    el('time', { dateTime: p.date_from || '' }, formatDateRange(p))),
  el('span', { className: 'incident-place', dir: 'auto' }, placeText(p)),
  s.text ? el('span', { className: 'incident-summary', lang: s.lang, dir: 'auto' }, s.text) : null);
  const link = el('a', {
    className: 'incident-link', href: permalink(f.id), 'aria-label': t('permalinkLabel', { id: f.id }),
  }, '#', String(f.id));
  item.append(show, link);
  return item;
}
