/* global L */
// The pin of the draft being edited: a draggable marker shaped unlike the published
// incidents' dots. Dragging it, or pressing the arrow keys while it has focus, moves it.

import { el } from './dom.js';
import { colorOf } from './incident.js';
import { t } from './i18n.js';

const ZOOM = { country: 7, governorate: 8, district: 10 };
const NUDGE_PX = 12;
const ARROWS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

/** DraftPin shows at most one draggable draft marker on map. */
export class DraftPin {
  constructor(map) {
    this.map = map;
    this.marker = null;
  }

  /**
   * show puts the pin at draft f and, when follow, moves the map there; onMove(lat, lon)
   * reports moves.
   */
  show(f, onMove, follow = true) {
    this.hide();
    const [lon, lat] = f.geometry.coordinates;
    const shape = el('span', { className: 'draft-pin-shape' });
    shape.style.setProperty('--tc', colorOf(f.properties.incident_type));
    this.marker = L.marker([lat, lon], {
      icon: L.divIcon({ html: shape, className: 'draft-pin', iconSize: [28, 28], iconAnchor: [14, 32] }),
      draggable: true, keyboard: true, autoPan: true, zIndexOffset: 1000,
      title: t('pinTitle', { id: f.id }), alt: t('pinTitle', { id: f.id }),
    }).addTo(this.map);
    const moved = () => {
      const ll = this.marker.getLatLng();
      onMove(ll.lat, ll.lng);
    };
    this.marker.on('dragend', moved);
    this.marker.getElement()?.addEventListener('keydown', (ev) => {
      const d = ARROWS[ev.key];
      if (!d) return;
      ev.preventDefault();
      ev.stopPropagation();
      const pt = this.map.latLngToContainerPoint(this.marker.getLatLng()).add(L.point(d).multiplyBy(NUDGE_PX));
      this.marker.setLatLng(this.map.containerPointToLatLng(pt));
      moved();
    });
    if (!follow) return;
    const zoom = ZOOM[f.properties.geo_precision] ?? 12;
    this.map.setView([lat, lon], Math.max(zoom, f.properties.geo_precision === 'country' ? 0 : this.map.getZoom()));
  }

  /** moveTo puts the pin at lat/lon (a place picked in the search box) and follows it. */
  moveTo(lat, lon) {
    if (!this.marker) return;
    this.marker.setLatLng([lat, lon]);
    this.map.setView([lat, lon], Math.max(12, this.map.getZoom()));
  }

  /** hide removes the pin. */
  hide() {
    this.marker?.remove();
    this.marker = null;
  }
}
