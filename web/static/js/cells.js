/* global L */
// Zoomed-out views: incidents counted per grid cell by the server
// (/api/collections/incidents/aggregate), drawn as circles sized by count with the
// share of each type on their ring, so the page never pulls a huge set of points.

import { el } from './dom.js';
import { TYPES } from './hash.js';
import { datetimeParam } from './api.js';
import { colorOf, swatch } from './incident.js';
import { t, typeName, formatNumber } from './i18n.js';

/** AGGREGATE is the path of the incidents aggregate endpoint. */
export const AGGREGATE = '/api/collections/incidents/aggregate';

/** POINTS_ZOOM is the zoom from which a view of moderate size is drawn as points. */
export const POINTS_ZOOM = 8;

/** POINTS_MAX is the most incidents ever fetched as points for one view. */
export const POINTS_MAX = 5000;

/** POINTS_MAX_OUT is the most fetched as points below POINTS_ZOOM. */
export const POINTS_MAX_OUT = 1000;

/**
 * aggregateURL is the aggregate URL for a view at map zoom (floored to a whole level);
 * types null means all types.
 */
export function aggregateURL({ bbox, from, to, types, zoom }) {
  const q = new URLSearchParams();
  if (bbox) q.set('bbox', bbox);
  const dt = datetimeParam(from, to);
  if (dt) q.set('datetime', dt);
  if (types && types.length < TYPES.length) q.set('incident_type', types.join(','));
  q.set('zoom', String(Math.max(0, Math.min(22, Math.floor(zoom)))));
  return `${AGGREGATE}?${q.toString().replace(/%2C/g, ',').replace(/%2F/g, '/')}`;
}

/**
 * usePoints says whether total incidents in view at zoom are few enough to fetch as
 * points: up to POINTS_MAX from POINTS_ZOOM on, up to POINTS_MAX_OUT below it.
 */
export const usePoints = (zoom, total) => total <= (zoom >= POINTS_ZOOM ? POINTS_MAX : POINTS_MAX_OUT);

/** countTypes sums the per-type counts of every cell of an aggregate answer. */
export function countTypes(agg) {
  const counts = Object.fromEntries(TYPES.map((k) => [k, 0]));
  for (const f of agg.features || []) {
    for (const [k, n] of Object.entries(f.properties.types || {})) counts[TYPES.includes(k) ? k : 'other'] += n;
  }
  return counts;
}

function ring(types, n) {
  let acc = 0;
  const stops = Object.entries(types).sort((a, b) => TYPES.indexOf(a[0]) - TYPES.indexOf(b[0])).map(([k, c]) => {
    const a = (acc / n) * 360;
    acc += c;
    return `${colorOf(k)} ${a}deg ${(acc / n) * 360}deg`;
  });
  return `conic-gradient(${stops.join(', ')})`;
}

function cellIcon(p) {
  const size = Math.round(Math.min(58, 22 + 8 * Math.log10(p.count)));
  const node = el('span', { className: 'cluster-ring cell-ring' },
    el('span', { className: 'cell-count' }, formatNumber(p.count)));
  node.style.background = ring(p.types || {}, p.count || 1);
  return L.divIcon({ html: node, className: 'agg-cell', iconSize: [size, size] });
}

function popup(p, onZoom) {
  const rows = Object.entries(p.types || {}).sort((a, b) => b[1] - a[1])
    .map(([k, n]) => el('li', { 'data-type': k }, swatch(k), el('span', { className: 'cell-type' }, typeName(k)),
      el('span', { className: 'cell-n' }, formatNumber(n))));
  return el('div', { className: 'cell-popup' },
    el('p', { className: 'cell-total' }, t('cellTotal', { n: formatNumber(p.count) })),
    el('ul', { className: 'cell-types' }, ...rows),
    el('button', { type: 'button', className: 'btn btn-small cell-zoom', onclick: onZoom }, t('cellZoom')));
}

/** CellLayer draws the cells of an aggregate answer. */
export class CellLayer {
  constructor(map) {
    this.map = map;
    this.group = L.layerGroup();
  }

  /** set draws exactly the cells of aggregate answer agg. */
  set(agg) {
    this.group.clearLayers();
    for (const f of agg.features || []) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const [w, s, e, n] = p.cell;
      const m = L.marker([lat, lon], {
        icon: cellIcon(p), keyboard: true, riseOnHover: true, title: t('cellTitle', { n: formatNumber(p.count) }),
      });
      m.bindPopup(() => popup(p, () => { this.map.closePopup(); this.map.fitBounds([[s, w], [n, e]], { maxZoom: POINTS_ZOOM + 2 }); }),
        { maxWidth: 280, minWidth: 200 });
      this.group.addLayer(m);
    }
  }

  /** clear removes every cell. */
  clear() {
    this.group.clearLayers();
  }
}
