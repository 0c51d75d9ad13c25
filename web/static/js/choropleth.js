/* global L */
// Admin choropleth: every governorate or district shaded by the incidents (or the killed)
// the filters select, from /api/collections/incidents/counts, with a key of the classes
// on the map. Counts are of the whole area, whatever part of it is in view.

import { el } from './dom.js';
import { t, formatNumber, pick } from './i18n.js';
import { labelPoint } from './basemap.js';

function swatchOf(colour) {
  const i = el('i', { className: 'choro-swatch' });
  i.style.background = colour;
  return i;
}

// A sequential scheme from pale yellow to dark purple (viridis-like, readable with the
// common colour-vision deficiencies and in grey); no incident is left unshaded.
const CLASSES = ['#fde8a6', '#f9b36b', '#e9724c', '#c23b5e', '#7e2a72', '#3b1d5a'];
const EMPTY = '#f4f1ea';

/**
 * breaks returns up to CLASSES.length upper bounds over values: quantiles of the areas
 * holding any, so that each shade covers about as many areas and the map tells them apart
 * however skewed the counts are.
 */
export function breaks(values) {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  const out = [];
  for (let i = 1; i <= CLASSES.length && sorted.length; i++) {
    const b = sorted[Math.max(0, Math.ceil((i * sorted.length) / CLASSES.length) - 1)];
    if (!out.length || b > out[out.length - 1]) out.push(b);
  }
  return out;
}

/** Choropleth draws areas ({pcode, name_en, name_ar, geometry} features) shaded by counts. */
export class Choropleth {
  constructor(map, { onPick }) {
    this.map = map;
    this.onPick = onPick;
    this.group = L.layerGroup();
    this.names = L.layerGroup(); // the areas' names, where they fit
    this.key = L.control({ position: 'bottomleft' });
    map.on('zoomend', () => { if (map.hasLayer(this.names)) this.#label(); });
    this.key.onAdd = () => this.keyNode;
    this.keyNode = el('div', { className: 'choro-key', role: 'group' });
  }

  /**
   * set shades areas by answer (the counts endpoint's), by 'count' or 'killed'; level
   * names what the areas are, for the key.
   */
  set(areas, answer, { shade, level }) {
    this.group.clearLayers();
    const by = new Map((answer.areas || []).map((a) => [a.pcode, a]));
    const value = (pcode) => by.get(pcode)?.[shade === 'killed' ? 'killed' : 'count'] ?? 0;
    const bounds = breaks(areas.map((f) => value(f.properties.pcode)));
    const colour = (v) => (v <= 0 ? EMPTY : CLASSES[Math.max(0, bounds.findIndex((b) => v <= b))]);
    for (const f of areas) {
      const v = value(f.properties.pcode);
      const a = by.get(f.properties.pcode) || { count: 0, killed: 0 };
      const name = pick(f.properties, 'name').text || f.properties.pcode;
      const layer = L.geoJSON(f, {
        style: { color: '#5d4e3a', weight: 0.8, fillColor: colour(v), fillOpacity: 0.82, className: 'choro-area' },
      });
      layer.bindTooltip(() => el('span', { dir: 'auto' }, `${name}: ${t('choroTip', { n: formatNumber(a.count), k: formatNumber(a.killed) })}`),
        { sticky: true, className: 'choro-tip' });
      layer.on('click', () => this.onPick(f));
      layer.addTo(this.group);
      layer.eachLayer((l) => l.getElement?.()?.setAttribute('data-pcode', f.properties.pcode));
    }
    this.#renderKey(bounds, shade, level, answer.numberMatched || 0);
    this.areas = areas.map((f) => ({ f, v: value(f.properties.pcode), at: labelPoint(f.geometry) }));
    this.#label();
  }

  // label writes each area's name and value at a point inside it, the highest values
  // first, leaving out a name that would overlap one already written.
  #label() {
    this.names.clearLayers();
    const taken = [];
    for (const { f, v, at } of [...(this.areas || [])].sort((a, b) => b.v - a.v)) {
      if (!at) continue;
      const name = pick(f.properties, 'name').text || f.properties.pcode;
      const pt = this.map.latLngToContainerPoint(at);
      const w = Math.max(name.length, 5) * 6.5 + 8;
      const box = { l: pt.x - w / 2, r: pt.x + w / 2, t: pt.y - 15, b: pt.y + 15 };
      if (taken.some((o) => o.l < box.r && o.r > box.l && o.t < box.b && o.b > box.t)) continue;
      taken.push(box);
      L.tooltip({ permanent: true, direction: 'center', className: 'choro-label', interactive: false, pane: 'labels' })
        .setLatLng(at).setContent(el('span', { dir: 'auto' }, el('b', {}, name), el('br'), formatNumber(v))).addTo(this.names);
    }
    document.body.dataset.choroLabels = String(taken.length);
  }

  #renderKey(bounds, shade, level, total) {
    const rows = [];
    let lo = 1;
    for (const [i, b] of bounds.entries()) {
      rows.push(el('li', {}, swatchOf(CLASSES[Math.min(i, CLASSES.length - 1)]),
        lo === b ? formatNumber(b) : `${formatNumber(lo)}–${formatNumber(b)}`));
      lo = b + 1;
    }
    rows.push(el('li', {}, swatchOf(EMPTY), t('choroNone')));
    this.keyNode.replaceChildren(
      el('p', { className: 'choro-title' }, t(shade === 'killed' ? 'choroKilled' : 'choroCount', { level: t(level === 'districts' ? 'perDistrict' : 'perGovernorate') })),
      el('ul', {}, ...rows),
      el('p', { className: 'choro-total' }, t('choroTotal', { n: formatNumber(total) })));
  }

  /** show adds the layer and its key to the map; hide removes them. */
  show() {
    if (!this.map.hasLayer(this.group)) this.group.addTo(this.map);
    if (!this.map.hasLayer(this.names)) this.names.addTo(this.map);
    document.body.classList.add('choropleth-on');
    if (!this.key._map) this.key.addTo(this.map);
  }

  hide() {
    this.group.remove();
    this.names.remove();
    document.body.classList.remove('choropleth-on');
    this.key.remove();
  }
}
