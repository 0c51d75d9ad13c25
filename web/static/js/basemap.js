/* global L */
// Base maps: OpenStreetMap tiles when reachable, and an offline map from data served by
// mapsrv itself, so that the map stays readable with no outside network: Natural Earth's
// countries and coastline around Syria (vendored from npm world-atlas), the 14
// governorates and, where the server has them, OCHA's district outlines and place labels
// by importance and zoom, in the interface's language. If tiles keep failing before any
// loads, the page switches to the offline map.

import { getJSON } from './api.js';
import { el } from './dom.js';
import { t, pick } from './i18n.js';
import { PlaceLabels } from './placelabels.js';

const GOVERNORATES = '/api/collections/governorates/items';
const DISTRICTS = '/api/collections/districts/items';
const SUBDISTRICTS = '/api/collections/subdistricts/items';
const SUBDISTRICT_ZOOM = 9; // subdistrict outlines from this zoom, on the offline map
const COUNTRIES = 'vendor/basemap/countries.json';
const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const SYRIA_ID = '760'; // ISO 3166-1 numeric

/**
 * basemaps adds the base layers to map. It returns { ready, shape(pcode), features(),
 * districts(), control(overlays), relabel(), keepLabelsClear(boxes) }: ready settles when
 * the governorates have loaded (or failed, reported to onError).
 */
export function basemaps(map, { tilesNote, onError }) {
  map.createPane('basemap').style.zIndex = 250; // under the overlays (400) and markers
  map.createPane('labels').style.zIndex = 450; // over area fills, under markers (600)
  map.getPane('labels').style.pointerEvents = 'none';
  const osm = L.tileLayer(OSM, {
    maxZoom: 19, attribution: t('osmAttribution'), crossOrigin: false, className: 'osm-tiles',
  });
  const offline = L.layerGroup();
  const outline = L.layerGroup();
  const districtLines = L.layerGroup();
  const subdistrictLines = L.layerGroup(); // loaded when first needed
  let subdistricts = null;
  const labels = L.layerGroup();
  // A governorate label is left out where a city of the same name is labelled.
  const places = new PlaceLabels(map, {
    onDraw: (names) => {
      for (const l of labels.getLayers()) l.getElement()?.classList.toggle('covered-name', names.has(l.getElement().textContent));
    },
  });
  const shapes = new Map();
  let features = [];
  let districts = [];
  let countries = null;
  osm.addTo(map);
  outline.addTo(map);
  watchTiles(map, osm, offline, tilesNote);
  offline.on('add', () => {
    loadCountries();
    places.group.addTo(map);
    districtLines.addTo(map);
    showSubdistricts();
  });
  offline.on('remove', () => { places.group.remove(); subdistrictLines.remove(); });
  map.on('zoomend', () => { if (map.hasLayer(offline)) showSubdistricts(); });

  // showSubdistricts draws OCHA's subdistrict outlines on the offline map from
  // SUBDISTRICT_ZOOM on, fetching them the first time.
  function showSubdistricts() {
    if (map.getZoom() < SUBDISTRICT_ZOOM) { subdistrictLines.remove(); return; }
    subdistrictLines.addTo(map);
    if (subdistricts) return;
    subdistricts = getJSON(SUBDISTRICTS).then((fc) => {
      L.geoJSON(fc, { interactive: false, style: { className: 'subdistrict-outline', weight: 0.5, fill: false } }).addTo(subdistrictLines);
      document.body.dataset.subdistricts = String((fc.features || []).length);
    }).catch(() => { /* a server without them: districts only */ });
  }

  function loadCountries() {
    if (countries) return;
    countries = L.layerGroup().addTo(offline);
    getJSON(COUNTRIES).then((fc) => {
      L.geoJSON(fc, {
        pane: 'basemap', interactive: false,
        style: (f) => ({
          className: String(f.properties.id) === SYRIA_ID ? 'country-syria' : 'country-land', weight: 0.8, fillOpacity: 1,
        }),
      }).addTo(countries);
      countryLabels(fc);
    }).catch(() => { /* the governorates still draw Syria itself */ });
  }

  const countryLayer = L.layerGroup();
  let countryFC = null;
  function countryLabels(fc = countryFC) {
    countryFC = fc;
    countryLayer.clearLayers();
    for (const f of fc?.features || []) {
      const at = COUNTRY_LABEL_AT[f.properties.id];
      if (!at) continue;
      L.tooltip({ permanent: true, direction: 'center', className: 'country-label', interactive: false, pane: 'labels' })
        .setLatLng(at).setContent(el('span', { dir: 'auto' }, t(`country${f.properties.id}`) || f.properties.name)).addTo(countryLayer);
    }
    countryLayer.addTo(offline);
  }

  const ready = getJSON(GOVERNORATES).then((fc) => {
    features = fc.features || [];
    for (const f of features) shapes.set(f.properties.pcode, f);
    L.geoJSON(fc, { pane: 'basemap', interactive: false, style: { className: 'gov-land', weight: 0, fillOpacity: 1 } }).addTo(offline);
    L.geoJSON(fc, {
      interactive: false, style: { className: 'gov-outline', weight: 1.2, fill: false },
    }).addTo(outline);
    drawLabels();
    map.attributionControl.addAttribution(t('govAttribution'));
    loadDistricts();
  }).catch(onError);

  // loadDistricts draws OCHA's district outlines when the server has them.
  function loadDistricts() {
    getJSON(DISTRICTS).then((fc) => {
      districts = fc.features || [];
      L.geoJSON(fc, { interactive: false, style: { className: 'district-outline', weight: 0.7, fill: false } }).addTo(districtLines);
      places.setDistricts(districts);
      document.body.dataset.districts = String(districts.length);
      document.dispatchEvent(new CustomEvent('mapsrv:districts'));
    }).catch(() => { /* a server without OCHA districts: governorates only */ });
  }

  function drawLabels() {
    labels.clearLayers();
    for (const f of features) {
      const at = labelPoint(f.geometry);
      if (!at) continue;
      const name = el('span', { dir: 'auto' }, pick(f.properties, 'name').text);
      L.tooltip({ permanent: true, direction: 'center', className: 'gov-label', interactive: false, pane: 'labels' })
        .setLatLng(at).setContent(name).addTo(labels);
    }
    if (countryFC) countryLabels();
    places.relabel();
    clearLabels(); // labels made after the counts were drawn keep clear of them too
  }
  labels.addTo(map);
  // clearLabels hides the governorate labels a count covers, and writes the place labels
  // again around the counts.
  function clearLabels() {
    const boxes = places.avoid();
    places.draw();
    const c = map.getContainer().getBoundingClientRect();
    for (const l of labels.getLayers()) {
      const node = l.getElement();
      if (!node) continue;
      node.classList.remove('covered');
      const r = node.getBoundingClientRect();
      const box = { left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top };
      if (boxes.some((b) => b.left < box.right && b.right > box.left && b.top < box.bottom && b.bottom > box.top)) {
        node.classList.add('covered');
      }
    }
  }
  map.on('moveend', clearLabels);
  const crowded = () => map.getContainer().classList.toggle('gov-labels-off', map.getZoom() < 5.5 || map.getZoom() >= 10);
  map.on('zoomend', crowded);
  crowded();

  return {
    ready,
    shape: (pcode) => shapes.get(pcode) || null,
    features: () => features,
    districts: () => districts,
    control(overlays) {
      const bases = { [t('layerOsm')]: osm, [t('layerOffline')]: offline };
      return L.control.layers(bases, {
        [t('layerGovernorates')]: outline, [t('layerDistricts')]: districtLines, ...overlays,
      }, { collapsed: true }).addTo(map);
    },
    relabel: drawLabels,
    // keepLabelsClear keeps labels from under the counts drawn: boxes() gives their
    // screen boxes as they stand, read again whenever the map has moved.
    keepLabelsClear(boxes) {
      places.avoid = boxes;
      clearLabels();
    },
  };
}

// Where the names of the countries around Syria are written, inside what the map shows.
const COUNTRY_LABEL_AT = {
  792: [37.75, 37.1], 422: [33.85, 35.75], 376: [31.3, 34.9], 400: [31.2, 36.6], 368: [33.4, 42.6],
  196: [35.05, 33.15], 682: [30.2, 39.6], 818: [29.7, 31.2], 364: [34.4, 47.5], 275: [31.95, 35.25],
};

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
export function labelPoint(g) {
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
