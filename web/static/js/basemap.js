/* global L */
// Base maps: OpenStreetMap tiles when reachable, and an offline outline of Syria's 14
// governorates from our own API, so the map stays readable with no outside network.
// If tiles keep failing before any loads, the page switches to the offline outline.

import { getJSON } from './api.js';
import { el } from './dom.js';
import { t, pick } from './i18n.js';

const GOVERNORATES = '/api/collections/governorates/items';
const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/**
 * basemaps adds the base layers to map. It returns { ready, shape(pcode), features(),
 * control(overlays), relabel() }: ready settles when the outline has loaded (or failed,
 * reported to onError).
 */
export function basemaps(map, { tilesNote, onError }) {
  const osm = L.tileLayer(OSM, {
    maxZoom: 19, attribution: t('osmAttribution'), crossOrigin: false, className: 'osm-tiles',
  });
  const offline = L.layerGroup();
  const outline = L.layerGroup();
  const labels = L.layerGroup();
  const shapes = new Map();
  let features = [];
  osm.addTo(map);
  outline.addTo(map);
  watchTiles(map, osm, offline, tilesNote);

  const ready = getJSON(GOVERNORATES).then((fc) => {
    features = fc.features || [];
    for (const f of features) shapes.set(f.properties.pcode, f);
    L.geoJSON(fc, { interactive: false, style: { className: 'gov-land', weight: 0, fillOpacity: 1 } }).addTo(offline);
    L.geoJSON(fc, {
      interactive: false, style: { className: 'gov-outline', weight: 1.2, fill: false },
    }).addTo(outline);
    drawLabels();
    map.attributionControl.addAttribution(t('govAttribution'));
  }).catch(onError);

  function drawLabels() {
    labels.clearLayers();
    for (const f of features) {
      const at = labelPoint(f.geometry);
      if (!at) continue;
      const name = el('span', { dir: 'auto' }, pick(f.properties, 'name').text);
      L.tooltip({ permanent: true, direction: 'center', className: 'gov-label', interactive: false })
        .setLatLng(at).setContent(name).addTo(labels);
    }
  }
  offline.addLayer(labels);
  const crowded = () => map.getContainer().classList.toggle('gov-labels-off', map.getZoom() < 6.5);
  map.on('zoomend', crowded);
  crowded();

  return {
    ready,
    shape: (pcode) => shapes.get(pcode) || null,
    features: () => features,
    control(overlays) {
      const bases = { [t('layerOsm')]: osm, [t('layerOffline')]: offline };
      return L.control.layers(bases, { [t('layerGovernorates')]: outline, ...overlays }, { collapsed: true })
        .addTo(map);
    },
    relabel: drawLabels,
  };
}

// watchTiles switches to the offline base when several tiles fail and none has loaded.
function watchTiles(map, osm, offline, note) {
  let loaded = 0;
  let failed = 0;
  osm.on('tileload', () => { loaded += 1; });
  osm.on('tileerror', () => {
    failed += 1;
    if (loaded === 0 && failed >= 3 && map.hasLayer(osm)) {
      map.removeLayer(osm);
      offline.addTo(map);
      note.hidden = false;
      setTimeout(() => { note.hidden = true; }, 8000);
    }
  });
}

// labelPoint picks, on a 16×16 grid over the largest polygon, the point inside it that is
// farthest from its edges (a sampled "pole of inaccessibility"): bounding-box centres
// fall outside ring-shaped governorates such as Rif Dimashq around Damascus.
function labelPoint(g) {
  const polys = polygonsOf(g);
  const poly = polys.reduce((a, b) => (b[0].length > (a?.[0].length ?? 0) ? b : a), null);
  if (!poly) return null;
  const lons = poly[0].map((c) => c[0]);
  const lats = poly[0].map((c) => c[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  let best = [(s + n) / 2, (w + e) / 2];
  let bestD = -1;
  for (let i = 0.5; i < 16; i++) {
    for (let j = 0.5; j < 16; j++) {
      const p = [w + ((e - w) * i) / 16, s + ((n - s) * j) / 16];
      if (!inside(p, poly)) continue;
      const d = Math.min(...poly.map((ring) => ringDistance(p, ring)));
      if (d > bestD) { bestD = d; best = [p[1], p[0]]; }
    }
  }
  return best;
}

function polygonsOf(g) {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
}

function inside([x, y], poly) {
  let odd = false;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

function ringDistance([x, y], ring) {
  let d = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j];
    const [bx, by] = ring[i];
    const dx = bx - ax;
    const dy = by - ay;
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
    d = Math.min(d, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return d;
}
