/* global L */
// Zoomed-out views: incidents counted per grid cell by the server
// (/api/collections/incidents/aggregate), drawn as circles sized by count with the
// share of each type on their ring, so the page never pulls a huge set of points.

import { el } from './dom.js';
import { TYPES } from './hash.js';
import { colorOf, swatch } from './incident.js';
import { t, typeName, formatNumber } from './i18n.js';

/** POINTS_ZOOM is the zoom from which a view of moderate size is drawn as points. */
export const POINTS_ZOOM = 8;

/** POINTS_MAX is the most incidents ever fetched as points for one view. */
export const POINTS_MAX = 5000;

/** POINTS_MAX_OUT is the most fetched as points below POINTS_ZOOM. */
export const POINTS_MAX_OUT = 1000;

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

// cellSize is the diameter in pixels of a cell showing n: it grows with the count and
// always holds its label (about 8 px a character at the count's size).
export function cellSize(n) {
  const label = formatNumber(n);
  return Math.round(Math.min(72, Math.max(26 + 7 * Math.log10(Math.max(1, n)), 8 * label.length + 16)));
}

function cellIcon(p) {
  const size = cellSize(p.count);
  const node = el('span', { className: 'cluster-ring cell-ring' },
    el('span', { className: 'cell-count' }, formatNumber(p.count)));
  node.style.background = ring(p.types || {}, p.count || 1);
  return L.divIcon({ html: node, className: 'agg-cell', iconSize: [size, size] });
}

const GAP = 3; // pixels kept between two circles

/**
 * mergeCells turns the aggregate's cells into circles that never overlap on screen: the
 * biggest are placed first, and a cell whose circle would touch one already placed is
 * merged into it (counts and types added, the centre moved to their weighted mean, the
 * bounds joined), until no two touch. Each result is {lat, lon, count, types, cell}.
 */
export function mergeCells(map, features) {
  let items = features.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const pt = map.latLngToLayerPoint([lat, lon]);
    const count = f.properties.count;
    return { x: pt.x, y: pt.y, count, r: cellSize(count) / 2, types: { ...(f.properties.types || {}) }, cell: [...f.properties.cell] };
  });
  for (let pass = 0; pass < 8; pass++) {
    items.sort((a, b) => b.count - a.count);
    // Placed circles by square of CELL px: a circle is compared only with those of
    // the squares around it, not with every one placed.
    const CELL = 2 * 36 + GAP;
    const grid = new Map();
    const key = (gx, gy) => `${gx}:${gy}`;
    const near = (it) => {
      const gx = Math.floor(it.x / CELL);
      const gy = Math.floor(it.y / CELL);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const p of grid.get(key(gx + dx, gy + dy)) || []) {
            if (Math.hypot(p.x - it.x, p.y - it.y) < p.r + it.r + GAP) return p;
          }
        }
      }
      return null;
    };
    const place = (it) => {
      const k = key(Math.floor(it.x / CELL), Math.floor(it.y / CELL));
      if (!grid.has(k)) grid.set(k, []);
      grid.get(k).push(it);
    };
    const placed = [];
    let merged = false;
    for (const it of items) {
      const hit = near(it);
      if (!hit) { placed.push(it); place(it); continue; }
      merged = true;
      const n = hit.count + it.count;
      hit.x = (hit.x * hit.count + it.x * it.count) / n;
      hit.y = (hit.y * hit.count + it.y * it.count) / n;
      hit.count = n;
      hit.r = cellSize(n) / 2;
      for (const [k, c] of Object.entries(it.types)) hit.types[k] = (hit.types[k] || 0) + c;
      hit.cell = [Math.min(hit.cell[0], it.cell[0]), Math.min(hit.cell[1], it.cell[1]),
        Math.max(hit.cell[2], it.cell[2]), Math.max(hit.cell[3], it.cell[3])];
    }
    items = placed;
    if (!merged) break;
  }
  return items.map((it) => {
    const ll = map.layerPointToLatLng([it.x, it.y]);
    return { lat: ll.lat, lon: ll.lng, count: it.count, types: it.types, cell: it.cell };
  });
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

/** CellLayer draws the cells of an aggregate answer, merged so that no two overlap. */
export class CellLayer {
  constructor(map) {
    this.map = map;
    this.group = L.layerGroup();
    this.circles = [];
  }

  /** set draws the cells of aggregate answer agg. */
  set(agg) {
    this.group.clearLayers();
    this.circles = mergeCells(this.map, agg.features || []);
    for (const p of this.circles) {
      const [w, s, e, n] = p.cell;
      const m = L.marker([p.lat, p.lon], {
        icon: cellIcon(p), keyboard: true, riseOnHover: true, title: t('cellTitle', { n: formatNumber(p.count) }),
      });
      m.bindPopup(() => popup(p, () => { this.map.closePopup(); this.map.fitBounds([[s, w], [n, e]], { maxZoom: POINTS_ZOOM + 2 }); }),
        { maxWidth: 280, minWidth: 200 });
      this.group.addLayer(m);
    }
  }

  /** boxes returns the drawn circles' screen boxes (container pixels), to keep labels off them. */
  boxes() {
    return this.circles.map((p) => {
      const pt = this.map.latLngToContainerPoint([p.lat, p.lon]);
      const r = cellSize(p.count) / 2;
      return { left: pt.x - r, top: pt.y - r, right: pt.x + r, bottom: pt.y + r };
    });
  }

  /** clear removes every cell. */
  clear() {
    this.group.clearLayers();
    this.circles = [];
  }
}
