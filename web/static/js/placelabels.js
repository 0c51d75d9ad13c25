/* global L */
// Place labels for the offline map: the server's places by importance for the view
// (cities from zoom 7, towns from 9, villages from 11), in the interface's language,
// written most important first and skipped where they would overlap one already written.

import { getJSON, Channel, bboxString } from './api.js';
import { el } from './dom.js';
import { pick } from './i18n.js';

const LABELS = '/api/places/labels';
const MIN_ZOOM = 7;
const CHAR_PX = 6.5; // about the width of a character of the labels' font

/** PlaceLabels keeps its group's labels in step with the map while the group is shown. */
export class PlaceLabels {
  constructor(map, { onDraw = () => {} } = {}) {
    this.map = map;
    this.onDraw = onDraw;
    this.group = L.layerGroup();
    this.channel = new Channel();
    this.labels = [];
    this.avoid = () => []; // the screen boxes of the counts drawn over the map now: no label under them
    this.group.on('add', () => this.load());
    map.on('moveend', () => { if (map.hasLayer(this.group)) this.load(); });
  }

  /** setDistricts is kept for the districts' labels (drawn from zoom 8 with their outlines). */
  setDistricts(districts) {
    this.districts = districts;
  }

  async load() {
    const zoom = this.map.getZoom();
    if (zoom < MIN_ZOOM) { this.labels = []; this.draw(); return; }
    if (this.group.getLayers().length === 0) this.onDraw(new Set());
    try {
      const body = await this.channel.get(`${LABELS}?bbox=${bboxString(this.map.getBounds())}&zoom=${zoom}`);
      if (!body) return;
      this.labels = body.labels || [];
      this.draw();
    } catch { /* a server without a gazetteer: no labels */ }
  }

  /** relabel writes the labels again in the interface's language. */
  relabel() {
    this.draw();
  }

  draw() {
    this.group.clearLayers();
    const taken = this.avoid().map((b) => ({ l: b.left, r: b.right, t: b.top, b: b.bottom }));
    const names = new Set();
    for (const p of this.labels) {
      const name = pick(p, 'name').text;
      if (!name) continue;
      const pt = this.map.latLngToContainerPoint([p.lat, p.lon]);
      const w = name.length * CHAR_PX + 8;
      const box = { l: pt.x - w / 2, r: pt.x + w / 2, t: pt.y - 9, b: pt.y + 9 };
      if (taken.some((o) => o.l < box.r && o.r > box.l && o.t < box.b && o.b > box.t)) continue;
      taken.push(box);
      names.add(name);
      L.tooltip({ permanent: true, direction: 'center', className: `place-label kind-${p.kind}`, interactive: false, pane: 'labels' })
        .setLatLng([p.lat, p.lon]).setContent(el('span', { dir: 'auto' }, name)).addTo(this.group);
    }
    document.body.dataset.placeLabels = String(names.size);
    this.onDraw(names);
  }
}
