/* global L */
// The map page: wires the map, the API, the panel and the URL hash together. The view
// (centre/zoom, dates, types, language, open incident) is one state object mirrored in
// the hash; every change refetches the incidents for the visible box through the API.
// The server first counts the view (aggregate); only views with few enough incidents are
// fetched as points, larger or zoomed-out ones are drawn as counted cells.

import { parseHash, formatHash, TYPES } from './hash.js';
import { Channel, getJSON, itemsURL, bboxString, hasNext, MAX_LIMIT } from './api.js';
import { setLang, lang, t, formatNumber } from './i18n.js';
import { IncidentLayer, DensityLayer } from './layers.js';
import { CellLayer, aggregateURL, usePoints, countTypes, POINTS_MAX } from './cells.js';
import { Timeline } from './timeline.js';
import { PlaceSearch, zoomFor } from './search.js';
import { popupNode, setGovernorates } from './incident.js';
import { basemaps } from './basemap.js';
import { Review } from './review.js';
import {
  renderLegend, renderList, markSelected, countByType, overlaps, Status, setCount, listNote,
} from './panel.js';

const $ = (id) => document.getElementById(id);
const SYRIA = [[32.31, 35.72], [37.32, 42.38]];

const initial = parseHash(location.hash);
const state = {
  from: initial.from, to: initial.to, types: initial.types, lang: initial.lang || 'en',
  incident: initial.incident,
};
let context = []; // every incident in the box, any date or type: histogram and counts
let bigContext = 0; // when the box holds more than POINTS_MAX incidents: how many
let legendCounts = null; // per-type counts from the aggregate, in big boxes
let shown = []; // what the map and list show
let contextBox = '';
let pendingIncident = null;
let lastFC = { features: [], links: [] };
let lastAgg = null; // the cells drawn, when the view is drawn as cells
let shownGen = 0;
const LIST_LIMIT = 100; // incidents listed when the map shows cells

setLang(state.lang);
const map = L.map('map', { zoomControl: true, minZoom: 5, maxZoom: 18, zoomSnap: 0.5 });
map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener">Leaflet</a>');
if (initial.center) map.setView([initial.center.lat, initial.center.lon], initial.center.zoom);
else if (initial.bbox) map.fitBounds([[initial.bbox[1], initial.bbox[0]], [initial.bbox[3], initial.bbox[2]]]);
else map.fitBounds(SYRIA, { padding: [12, 12] });
L.control.scale({ imperial: false }).addTo(map);

const status = new Status({
  status: $('status'), error: $('error'), errorText: $('error-text'), retry: $('error-retry'),
}, () => refresh(true));
const base = basemaps(map, { tilesNote: $('tiles-note'), onError: (err) => status.fail('govError', err) });
const incidents = new IncidentLayer(map, { governorateShape: base.shape });
const density = new DensityLayer(map);
const cells = new CellLayer(map);
incidents.group.addLayer(cells.group);
incidents.group.addTo(map);
let control = null;
function layersControl() {
  control?.remove();
  control = base.control(
    { [t('layerIncidents')]: incidents.group, [t('layerDensity')]: density.group },
  );
}

const review = new Review(map, {
  governorates: () => base.features().map((f) => f.properties),
  onPublished: () => refresh(true),
  onLayout: () => {
    if (document.body.classList.contains('review-open')) closePanelOnPhone();
    setTimeout(() => map.invalidateSize(), 60);
  },
});

const timeline = new Timeline($('histogram'), $('histogram-caption'), (from, to) => setDates(from, to));
const mainChannel = new Channel();
const aggChannel = new Channel();
const contextChannel = new Channel();
const contextAggChannel = new Channel();
const legendChannel = new Channel();

function syncHash() {
  const c = map.getCenter();
  const hash = formatHash({
    center: { zoom: map.getZoom(), lat: c.lat, lon: c.lng }, from: state.from, to: state.to,
    types: state.types, lang: state.lang, incident: state.incident,
  });
  if (hash !== location.hash) history.replaceState(null, '', hash);
}

function currentURL(format = '') {
  return itemsURL({
    bbox: bboxString(map.getBounds()), from: state.from, to: state.to, types: state.types, format,
  });
}

async function loadShown() {
  const url = currentURL();
  $('export-geojson').href = url;
  $('export-csv').href = currentURL('csv');
  if (state.types && state.types.length === 0) {
    mainChannel.abort();
    draw({ features: [], links: [] });
    document.body.dataset.loaded = url;
    return;
  }
  const gen = ++shownGen;
  const view = { bbox: bboxString(map.getBounds()), from: state.from, to: state.to, types: state.types };
  status.loading(true);
  try {
    const agg = await aggChannel.get(aggregateURL({ ...view, zoom: map.getZoom() }));
    if (!agg || gen !== shownGen) return;
    const points = usePoints(map.getZoom(), agg.numberMatched);
    const fc = await mainChannel.get(points ? url : itemsURL({ ...view, limit: LIST_LIMIT }));
    if (!fc || gen !== shownGen) return;
    if (points) draw(fc);
    else drawCells(agg, fc);
    document.body.dataset.mode = points ? 'points' : 'cells';
    document.body.dataset.loaded = url; // lets tests know which request is drawn
  } catch (err) {
    status.fail('loadError', err);
  } finally {
    status.loading(false);
  }
}

function draw(fc, force = false) {
  lastFC = fc;
  lastAgg = null;
  shown = fc.features || [];
  status.clearError();
  cells.clear();
  incidents.set(shown, force);
  density.set(shown);
  renderList($('incident-list'), shown, (f) => focusIncident(f.id));
  setCount($('list-count'), $('panel-toggle'), shown.length);
  listNote($('list-note'), hasNext(fc) ? t('truncated', { n: MAX_LIMIT })
    : shown.length === 0 ? t('noIncidents') : '');
  document.body.dataset.shown = String(shown.length);
  afterDraw();
}

// drawCells shows the view as the aggregate's cells, and lists the latest incidents (fc).
function drawCells(agg, fc) {
  lastFC = fc;
  lastAgg = agg;
  shown = fc.features || [];
  status.clearError();
  incidents.set([]);
  cells.set(agg);
  density.set(agg.features || []);
  renderList($('incident-list'), shown, (f) => focusIncident(f.id));
  setCount($('list-count'), $('panel-toggle'), agg.numberMatched);
  listNote($('list-note'), t('cellsNote', { n: formatNumber(shown.length), total: formatNumber(agg.numberMatched) }));
  document.body.dataset.shown = String(agg.numberMatched);
  afterDraw();
}

function afterDraw() {
  if (pendingIncident) openPending();
  else markSelected($('incident-list'), state.incident);
}

// loadContext counts the box over all dates and types; a box of up to POINTS_MAX is
// fetched whole for the histogram and legend, a bigger one only counted by type.
async function loadContext(force) {
  const box = bboxString(map.getBounds());
  if (box === contextBox && !force) { if (bigContext) loadLegend(); return; }
  try {
    const all = await contextAggChannel.get(aggregateURL({ bbox: box, zoom: 0 }));
    if (!all) return;
    let fc = null;
    if (all.numberMatched <= POINTS_MAX) {
      fc = await contextChannel.get(itemsURL({ bbox: box, from: '', to: '', types: null }));
      if (!fc) return;
    }
    contextBox = box;
    context = fc ? fc.features || [] : [];
    bigContext = fc ? 0 : all.numberMatched;
    renderContext();
    if (bigContext) loadLegend();
  } catch (err) {
    status.fail('loadError', err);
  }
}

// loadLegend counts a big box's incidents by type within the chosen dates.
async function loadLegend() {
  try {
    const agg = await legendChannel.get(aggregateURL({ bbox: contextBox, from: state.from, to: state.to, zoom: 0 }));
    if (!agg) return;
    legendCounts = countTypes(agg);
    renderContext();
  } catch (err) {
    status.fail('loadError', err);
  }
}

function renderContext() {
  if (bigContext) {
    renderLegend($('legend'), state.types, legendCounts, toggleType);
    timeline.setData([], t('histTooMany', { n: formatNumber(bigContext) }));
    return;
  }
  const inDates = context.filter((f) => overlaps(f.properties, state.from, state.to));
  renderLegend($('legend'), state.types, countByType(inDates), toggleType);
  const typed = state.types ? context.filter((f) => state.types.includes(f.properties.incident_type)) : context;
  timeline.setData(typed);
}

let refreshTimer = null;
function refresh(force = false) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    syncHash();
    loadShown();
    loadContext(force);
  }, 120);
}

function setDates(from, to) {
  if (from && to && from > to) [from, to] = [to, from];
  state.from = from || '';
  state.to = to || '';
  $('date-from').value = state.from;
  $('date-to').value = state.to;
  timeline.setRange(state.from, state.to);
  renderContext();
  refresh();
}

function toggleType(type, on) {
  const set = new Set(state.types ?? TYPES);
  if (on) set.add(type); else set.delete(type);
  state.types = set.size === TYPES.length ? null : TYPES.filter((k) => set.has(k));
  renderContext();
  refresh();
}

function focusIncident(id) {
  state.incident = String(id);
  if (!incidents.show(id)) openPending(id);
  markSelected($('incident-list'), id);
  syncHash();
  closePanelOnPhone();
}

// openIncident handles #incident=ID: fetch it, move there, then open it once drawn.
async function openIncident(id) {
  try {
    const f = await getJSON(`/api/collections/incidents/items/${encodeURIComponent(id)}`);
    pendingIncident = f;
    const [lon, lat] = f.geometry.coordinates;
    const zoom = f.properties.geo_precision === 'governorate' ? 8 : f.properties.geo_precision === 'district' ? 10 : 12;
    map.setView([lat, lon], zoom);
    refresh();
  } catch (err) {
    status.fail('loadError', err.status === 404 ? new Error(t('notFound', { id })) : err);
  }
}

function openPending() {
  const f = pendingIncident;
  pendingIncident = null;
  if (!f) return;
  markSelected($('incident-list'), f.id);
  if (incidents.show(f.id)) return;
  const [lon, lat] = f.geometry.coordinates;
  L.popup({ maxWidth: 320, minWidth: 240 }).setLatLng([lat, lon]).setContent(popupNode(f)).openOn(map);
}

map.on('popupopen', (e) => {
  const id = e.popup.getElement()?.querySelector('.popup')?.dataset.id;
  if (id) { state.incident = id; markSelected($('incident-list'), id); syncHash(); }
});
map.on('popupclose', () => { state.incident = null; markSelected($('incident-list'), null); syncHash(); });
map.on('moveend', () => refresh());
map.on('overlayadd', (e) => { if (e.layer === density.group) density.redraw(); });

function applyLang(l) {
  state.lang = l;
  setLang(l);
  $('lang-toggle').textContent = l === 'ar' ? 'English' : 'العربية';
  $('lang-toggle').lang = l === 'ar' ? 'en' : 'ar';
  $('lang-toggle').setAttribute('aria-label', t('switchLang'));
  layersControl();
  base.relabel();
  map.closePopup();
  renderContext();
  timeline.render();
  if (lastAgg) drawCells(lastAgg, lastFC);
  else draw(lastFC, true);
  review.relabel();
  syncHash();
}

function onHashChange() {
  const v = parseHash(location.hash);
  if (v.lang && v.lang !== state.lang) applyLang(v.lang);
  if (v.from !== state.from || v.to !== state.to) setDates(v.from, v.to);
  if (String(v.types) !== String(state.types)) { state.types = v.types; renderContext(); }
  if (v.center) map.setView([v.center.lat, v.center.lon], v.center.zoom);
  else if (v.bbox) map.fitBounds([[v.bbox[1], v.bbox[0]], [v.bbox[3], v.bbox[2]]]);
  if (v.incident && v.incident !== state.incident) { state.incident = v.incident; openIncident(v.incident); }
  refresh();
}

function closePanelOnPhone() {
  if (window.matchMedia('(max-width: 760px)').matches) setPanel(false);
}

function setPanel(open) {
  document.body.classList.toggle('panel-open', open);
  $('panel-toggle').setAttribute('aria-expanded', String(open));
  setTimeout(() => map.invalidateSize(), 260);
}

function wireControls() {
  $('date-from').addEventListener('change', (e) => setDates(e.target.value, state.to));
  $('date-to').addEventListener('change', (e) => setDates(state.from, e.target.value));
  $('dates-reset').addEventListener('click', () => { timeline.stop(); setDates('', ''); });
  $('types-all').addEventListener('click', () => { state.types = null; renderContext(); refresh(); });
  $('lang-toggle').addEventListener('click', () => applyLang(state.lang === 'ar' ? 'en' : 'ar'));
  $('panel-toggle').addEventListener('click', () => {
    // With unsaved draft edits, closing the review panel waits for the editor's answer.
    if (document.body.classList.contains('review-open') && !review.close()) return;
    setPanel(!document.body.classList.contains('panel-open'));
  });
  const play = $('play');
  const playing = (on) => {
    play.setAttribute('aria-pressed', String(on));
    play.setAttribute('aria-label', t(on ? 'pause' : 'play'));
    play.classList.toggle('is-playing', on);
  };
  play.addEventListener('click', () => {
    if (timeline.playing()) timeline.stop();
    else { playing(true); timeline.play(() => playing(false)); }
  });
  window.addEventListener('hashchange', onHashChange);
  new PlaceSearch($('search-form'), $('search-input'), $('search-results'), {
    onPick: (p) => { map.flyTo([p.lat, p.lon], zoomFor(p.kind), { duration: 1.2 }); closePanelOnPhone(); },
    onError: (err) => status.fail('searchError', err),
  });
}

async function loadExtent() {
  try {
    const c = await getJSON('/api/collections/incidents');
    const iv = c.extent?.temporal?.interval?.[0];
    if (iv && iv[0] && iv[1]) timeline.setDomain(iv[0].slice(0, 10), iv[1].slice(0, 10));
  } catch { /* the histogram falls back to the dates of the incidents in view */ }
}

async function start() {
  wireControls();
  applyLang(state.lang);
  $('date-from').value = state.from;
  $('date-to').value = state.to;
  timeline.setRange(state.from, state.to);
  await Promise.all([base.ready, loadExtent()]);
  setGovernorates(base.features());
  if (state.incident) openIncident(state.incident);
  refresh();
}

start();
