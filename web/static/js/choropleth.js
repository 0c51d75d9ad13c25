/* global L */
// Admin choropleth: every governorate or district shaded by the incidents (or the killed)
// the filters select, from /api/collections/incidents/counts, with a key of the classes
// on the map. Counts are of the whole area, whatever part of it is in view.

import { el } from './dom.js';
import { t, formatNumber, pick } from './i18n.js';

function swatchOf(colour) {
  const i = el('i', { className: 'choro-swatch' });
  i.style.background = colour;
  return i;
}

// A sequential scheme from pale yellow to dark purple (viridis-like, readable with the
// common colour-vision deficiencies and in grey); no incident is left unshaded.
const CLASSES = ['#fde8a6', '#f9b36b', '#e9724c', '#c23b5e', '#7e2a72', '#3b1d5a'];
const EMPTY = '#f4f1ea';

/** breaks returns up to CLASSES.length upper bounds over values, growing geometrically. */
export function breaks(values) {
  const max = Math.max(0, ...values);
  if (max <= 0) return [];
  const out = [];
  for (let i = 1; i <= CLASSES.length; i++) {
    const b = Math.ceil(max ** (i / CLASSES.length));
    if (!out.length || b > out[out.length - 1]) out.push(b);
  }
  out[out.length - 1] = max;
  return out;
}

/** Choropleth draws areas ({pcode, name_en, name_ar, geometry} features) shaded by counts. */
export class Choropleth {
  constructor(map, { onPick }) {
    this.map = map;
    this.onPick = onPick;
    this.group = L.layerGroup();
    this.key = L.control({ position: 'bottomleft' });
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
    if (!this.key._map) this.key.addTo(this.map);
  }

  hide() {
    this.group.remove();
    this.key.remove();
  }
}
