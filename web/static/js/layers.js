/* global L */
// Map layers for incidents: clustered symbols coloured by type, translucent areas for
// incidents only known to a district or governorate, and an optional density grid.

import { el } from './dom.js';
import { colorOf, isApprox, popupNode, placeText } from './incident.js';
import { shapeSVG } from './symbols.js';
import { formatNumber, typeName } from './i18n.js';

const stamp = (f, faint, fresh) => `${f.properties.updated_at || ''}|${f.properties.incident_type}|${faint}|${fresh}`;

const AREA_RADIUS_M = { district: 15000, governorate: 45000 };

// symbol is the type's shape; faint for incidents known only as a range longer than the
// frame being played, fresh for ones published since the page opened.
function symbol(f, faint, fresh) {
  const p = f.properties;
  const approx = isApprox(p);
  const size = approx ? 20 : 18;
  const node = el('span', { className: `inc-symbol${approx ? ' approx' : ''}${faint ? ' faint' : ''}${fresh ? ' fresh' : ''}` },
    shapeSVG(p.incident_type, size, { approx }));
  return L.divIcon({ html: node, className: 'inc-icon', iconSize: [size, size], popupAnchor: [0, -6] });
}

// clusterIcon shows the count on a ring split by type shares (a conic gradient).
function clusterIcon(cluster) {
  const byType = new Map();
  for (const m of cluster.getAllChildMarkers()) {
    byType.set(m.options.incidentType, (byType.get(m.options.incidentType) || 0) + 1);
  }
  const n = cluster.getChildCount();
  let acc = 0;
  const stops = [...byType].map(([type, c]) => {
    const a = (acc / n) * 360;
    acc += c;
    return `${colorOf(type)} ${a}deg ${(acc / n) * 360}deg`;
  });
  const size = n < 10 ? 34 : n < 100 ? 40 : n < 1000 ? 48 : 56;
  const ring = el('span', { className: 'cluster-ring' }, el('span', { className: 'cluster-count' }, formatNumber(n)));
  ring.style.background = `conic-gradient(${stops.join(', ')})`;
  return L.divIcon({ html: ring, className: 'inc-cluster', iconSize: [size, size] });
}

/**
 * POPUP are the popup options: autopanning keeps a popup clear of the zoom and layer
 * buttons in the map's top corners, on a phone as on a desk.
 */
export const POPUP = {
  maxWidth: 320, minWidth: 220, autoPanPaddingTopLeft: [56, 96], autoPanPaddingBottomRight: [56, 64],
};

/** IncidentLayer draws a FeatureCollection of incidents and finds markers by id. */
export class IncidentLayer {
  constructor(map, { governorateShape }) {
    this.map = map;
    this.governorateShape = governorateShape;
    this.cluster = L.markerClusterGroup({
      iconCreateFunction: clusterIcon, showCoverageOnHover: false, maxClusterRadius: 45,
      spiderfyOnMaxZoom: true, chunkedLoading: true,
    });
    this.areas = L.featureGroup();
    this.group = L.layerGroup([this.areas, this.cluster]);
    this.byId = new Map();
    // One area is drawn however many incidents share it (a governorate, or a circle
    // around one point): stacked translucent fills would turn the land opaque.
    this.shared = new Map(); // key → { layer, n }
    // Incidents drawn only because their popup was open when a new view left them out:
    // they go when it closes.
    this.kept = new Set();
    map.on('popupclose', (e) => this.#dropKept(e.popup));
  }

  /**
   * set draws exactly these features. Markers of incidents that stay (same id and
   * updated_at) are kept, so an open popup survives panning; so is the incident whose
   * popup is open even when the new view left it out (a popup that pans the map to fit
   * can push its own marker past the edge of the view then fetched): it goes when its
   * popup closes. force redraws everything (after a language change).
   */
  set(features, force = false, { faint = () => false, fresh = () => false } = {}) {
    if (force) this.#clear();
    this.faint = faint;
    this.fresh = fresh;
    const next = new Map();
    for (const f of features) {
      if (f.geometry?.type !== 'Point' || f.properties.geo_precision === 'country') continue;
      next.set(String(f.id), f);
    }
    const gone = [];
    for (const [id, d] of this.byId) {
      const f = next.get(id);
      if (f && d.stamp === stamp(f, faint(f), fresh(f))) { next.delete(id); this.kept.delete(id); continue; }
      if (!f && this.#popupOpen(d)) { this.kept.add(id); continue; }
      this.kept.delete(id);
      gone.push(d);
      this.byId.delete(id);
    }
    this.cluster.removeLayers(gone.map((d) => d.marker));
    for (const d of gone) if (d.area) this.#release(d.area);
    const markers = [];
    for (const [id, f] of next) {
      const d = this.#draw(f);
      this.byId.set(id, d);
      markers.push(d.marker);
    }
    this.cluster.addLayers(markers);
  }

  // popupOpen says whether the popup of a drawn incident, on its marker or its area, is open.
  #popupOpen(d) {
    return d.marker.isPopupOpen() || (d.area !== null && this.shared.get(d.area)?.layer.isPopupOpen());
  }

  // dropKept removes the incident kept for popup, which is closing.
  #dropKept(popup) {
    for (const id of this.kept) {
      const d = this.byId.get(id);
      if (d && d.marker.getPopup() !== popup && (d.area === null || this.shared.get(d.area)?.layer.getPopup() !== popup)) continue;
      this.kept.delete(id);
      if (!d) continue;
      this.byId.delete(id);
      this.cluster.removeLayer(d.marker);
      if (d.area) this.#release(d.area);
    }
  }

  #clear() {
    this.kept.clear();
    this.cluster.clearLayers();
    this.areas.clearLayers();
    this.byId.clear();
    this.shared.clear();
  }

  // release lets go of a shared area, removing it with the last incident using it.
  #release(key) {
    const a = this.shared.get(key);
    if (a && --a.n === 0) {
      this.areas.removeLayer(a.layer);
      this.shared.delete(key);
    }
  }

  #draw(f) {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const faint = this.faint(f);
    const fresh = this.fresh(f);
    const marker = L.marker([lat, lon], {
      icon: symbol(f, faint, fresh), incidentType: p.incident_type, keyboard: true, riseOnHover: true,
      title: `${typeName(p.incident_type)}: ${placeText(p)}`,
    });
    const opts = POPUP;
    marker.bindPopup(() => popupNode(f), opts);
    return { marker, area: this.#area(f, [lat, lon]), stamp: stamp(f, faint, fresh) };
  }

  // area draws (or shares) the area an approximate incident stands for, and returns
  // its key; null for an incident placed at a point.
  #area(f, latlng) {
    const p = f.properties;
    if (!isApprox(p)) return null;
    const key = p.geo_precision === 'governorate' && this.governorateShape(p.admin1_pcode)
      ? `g:${p.admin1_pcode}` : `c:${latlng[0].toFixed(3)},${latlng[1].toFixed(3)}:${p.geo_precision}`;
    const had = this.shared.get(key);
    if (had) { had.n += 1; return key; }
    const layer = this.#areaLayer(f, latlng);
    layer.bindPopup(() => popupNode(f), POPUP);
    this.areas.addLayer(layer);
    this.shared.set(key, { layer, n: 1 });
    return key;
  }

  #areaLayer(f, latlng) {
    const p = f.properties;
    const style = {
      color: colorOf(p.incident_type), weight: 1.5, dashArray: '4 4', fillOpacity: 0.12,
      className: 'inc-area',
    };
    if (p.geo_precision === 'governorate') {
      const shape = this.governorateShape(p.admin1_pcode);
      if (shape) return L.geoJSON(shape, { style: () => style, interactive: true });
    }
    return L.circle(latlng, { ...style, radius: AREA_RADIUS_M[p.geo_precision] || 15000 });
  }

  /** show zooms to an incident's marker and opens its popup; false if it is not drawn. */
  show(id) {
    const m = this.byId.get(String(id))?.marker;
    if (!m) return false;
    this.cluster.zoomToShowLayer(m, () => m.openPopup());
    return true;
  }

  /** count returns how many incidents are drawn. */
  count() {
    return this.byId.size;
  }
}

/** DensityLayer aggregates incidents (or counted cells) into a screen grid and draws a circle per cell. */
export class DensityLayer {
  constructor(map, cell = 48) {
    this.map = map;
    this.cell = cell;
    this.group = L.layerGroup();
    this.features = [];
    map.on('zoomend', () => this.#draw());
  }

  /** set redraws the grid for these features. */
  set(features) {
    this.features = features;
    this.#draw();
  }

  #draw() {
    this.group.clearLayers();
    if (!this.map.hasLayer(this.group)) return;
    const cells = new Map();
    for (const f of this.features) {
      if (f.geometry?.type !== 'Point' || f.properties.geo_precision === 'country') continue;
      const [lon, lat] = f.geometry.coordinates;
      const pt = this.map.project([lat, lon]);
      const key = `${Math.floor(pt.x / this.cell)}:${Math.floor(pt.y / this.cell)}`;
      const c = cells.get(key) || { n: 0, x: 0, y: 0 };
      const w = f.properties.count ?? 1; // aggregate cells weigh their count
      c.n += w; c.x += w * pt.x; c.y += w * pt.y;
      cells.set(key, c);
    }
    const max = Math.max(1, ...[...cells.values()].map((c) => c.n));
    for (const c of cells.values()) {
      const at = this.map.unproject([c.x / c.n, c.y / c.n]);
      const share = c.n / max;
      L.circleMarker(at, {
        radius: 8 + 18 * Math.sqrt(share), stroke: false, fillColor: '#d84315',
        fillOpacity: 0.18 + 0.5 * share, interactive: false, className: 'density-cell',
      }).addTo(this.group);
    }
  }

  /** redraw draws again (after the layer is switched on). */
  redraw() {
    this.#draw();
  }
}
