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
 * basemaps adds the base layers to map. It returns { ready, shape(pcode), features(), control(overlays),
 * relabel() }: ready settles when the outline has loaded (or failed, reported to onError).
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

// labelPoint is a point well inside the largest ring of a (Multi)Polygon: the centre of
// its bounding box, which is good enough for Syria's fairly compact governorates.
function labelPoint(g) {
  if (!g) return null;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let best = null;
  let bestSize = -1;
  for (const poly of polys) {
    const ring = poly[0] || [];
    const lons = ring.map((c) => c[0]);
    const lats = ring.map((c) => c[1]);
    const size = (Math.max(...lons) - Math.min(...lons)) * (Math.max(...lats) - Math.min(...lats));
    if (size > bestSize) {
      bestSize = size;
      best = [(Math.max(...lats) + Math.min(...lats)) / 2, (Math.max(...lons) + Math.min(...lons)) / 2];
    }
  }
  return best;
}
