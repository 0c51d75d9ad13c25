/* global L */
// The map page: wires the map, the API, the panel and the URL hash together. The view
// (centre/zoom, dates, types, filters, what the map shows, language, open incident) is one
// state object mirrored in the hash; every change refetches the view through the API.
// The server first counts the view (aggregate); only views with few enough incidents are
// fetched as points, larger or zoomed-out ones are drawn as counted cells, and the time
// chart is the server's histogram of the view, so all of it works at any size.

import { parseHash, formatHash, TYPES } from './hash.js';
import {
  Channel, getJSON, itemsURL, pointsLimit, bboxString, hasNext, nextLink, exportURL, histogramURL, countsURL, aggregateURL,
} from './api.js';
import { setLang, t, lang, formatNumber, formatDate } from './i18n.js';
import { IncidentLayer, DensityLayer, POPUP } from './layers.js';
import { CellLayer, usePoints, countTypes } from './cells.js';
import { Timeline, binLabel, dayIndex } from './timeline.js';
import { PlaceSearch, zoomFor } from './search.js';
import { popupNode, setGovernorates } from './incident.js';
import { basemaps } from './basemap.js';
import { Review } from './review.js';
import { Choropleth } from './choropleth.js';
import { Live } from './live.js';
import { Filters } from './filters.js';
import { ListView } from './listview.js';
import { ArabicScale } from './scale.js';
import {
  renderLegend, markSelected, Status, setCount, listNote,
} from './panel.js';

const $ = (id) => document.getElementById(id);
const SYRIA = [[32.31, 35.72], [37.32, 42.38]];
const LIST_PAGE = 100; // incidents listed at a time

const initial = parseHash(location.hash);
const state = {
  from: initial.from, to: initial.to, types: initial.types, lang: initial.lang || 'en',
  incident: initial.incident, gov: initial.gov, district: initial.district, killed: initial.killed,
  q: initial.q, show: initial.show, shade: initial.shade,
};
const openedAt = new Date().toISOString(); // incidents updated after it are "new"
let liveSeen = false; // a live update has come: mark new incidents
let pendingIncident = null;
let lastDraw = null; // how the view was last drawn, to redraw it in another language
let shownGen = 0;

setLang(state.lang);
const map = L.map('map', { zoomControl: true, minZoom: 4, maxZoom: 18, zoomSnap: 0.25 });
map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener">Leaflet</a>');
if (initial.center) map.setView([initial.center.lat, initial.center.lon], initial.center.zoom);
else if (initial.bbox) map.fitBounds([[initial.bbox[1], initial.bbox[0]], [initial.bbox[3], initial.bbox[2]]]);
else map.fitBounds(SYRIA, { padding: [8, 8] });
const scale = new ArabicScale({ imperial: false }).addTo(map);

const status = new Status({
  status: $('status'), error: $('error'), errorText: $('error-text'), retry: $('error-retry'),
}, () => refresh(true));
const base = basemaps(map, { tilesNote: $('tiles-note'), onError: (err) => status.fail('govError', err) });
const incidents = new IncidentLayer(map, { governorateShape: base.shape });
const density = new DensityLayer(map);
const cells = new CellLayer(map);
const choropleth = new Choropleth(map, {
  onPick: (f) => {
    if (state.show === 'districts') filters.set({ district: f.properties.pcode });
    else filters.set({ gov: f.properties.pcode });
  },
});
incidents.group.addLayer(cells.group);
incidents.group.addTo(map);
let control = null;
function layersControl() {
  control?.remove();
  control = base.control({ [t('layerIncidents')]: incidents.group, [t('layerDensity')]: density.group });
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
const list = new ListView($('incident-list'), $('list-more'), {
  onShow: (f) => focusIncident(f.id), isFresh: (f) => isFresh(f), pageSize: LIST_PAGE,
});
const filters = new Filters({
  state, governorates: () => base.features().map((f) => f.properties), districts: () => base.districts().map((f) => f.properties),
  onChange: () => { renderContextLegend(); refresh(); },
  onError: (msg) => listNote($('filter-error'), msg),
});
const channels = {
  agg: new Channel(), main: new Channel(), points: new Channel(), hist: new Channel(), legend: new Channel(), counts: new Channel(),
};

/** view returns the filters of the current view, with the visible box unless noBox. */
function view({ noBox = false, noDates = false, noTypes = false } = {}) {
  return {
    bbox: noBox ? '' : bboxString(map.getBounds()), from: noDates ? '' : state.from, to: noDates ? '' : state.to,
    types: noTypes ? null : state.types, gov: state.gov, district: state.district, killed: state.killed, q: state.q,
  };
}

function syncHash() {
  const c = map.getCenter();
  const hash = formatHash({ ...state, center: { zoom: map.getZoom(), lat: c.lat, lon: c.lng } });
  if (hash !== location.hash) history.replaceState(null, '', hash);
}

// isFresh marks incidents published or changed since the page opened, once live
// updates have brought any.
const isFresh = (f) => liveSeen && (f.properties.updated_at || '') > openedAt;

// faint marks, while playing, incidents known only as a range longer than a frame.
function faint(f) {
  if (!timeline.playing()) return false;
  const p = f.properties;
  if (!p.date_from || !p.date_to) return false;
  return dayIndex(p.date_to) - dayIndex(p.date_from) + 1 > timeline.frameDays();
}

async function loadShown() {
  const v = view();
  const url = itemsURL({ ...v, limit: LIST_PAGE });
  $('export-geojson').href = exportURL(v, 'geojson');
  $('export-csv').href = exportURL(v, 'csv');
  if (state.types && state.types.length === 0) {
    Object.values(channels).forEach((c) => c.abort());
    drawPoints({ features: [], links: [] }, 0);
    document.body.dataset.loaded = $('export-geojson').getAttribute('href');
    return;
  }
  const gen = ++shownGen;
  status.loading(true);
  try {
    // The count of the view and its first list page are asked for at once: most views
    // are drawn as cells with that page; a small one is then fetched whole as points.
    const [agg, page] = await Promise.all([
      channels.agg.get(aggregateURL({ ...v, zoom: map.getZoom() })),
      channels.main.get(url),
      state.show ? loadChoropleth(gen) : null,
    ]);
    if (!agg || !page || gen !== shownGen) return;
    const points = !state.show && usePoints(map.getZoom(), agg.numberMatched);
    const fc = points && hasNext(page) ? await channels.points.get(itemsURL({ ...v, limit: pointsLimit(agg.numberMatched) })) : page;
    if (!fc || gen !== shownGen) return;
    if (points) drawPoints(fc, agg.numberMatched);
    else drawCells(agg, fc);
    document.body.dataset.mode = state.show || (points ? 'points' : 'cells');
    document.body.dataset.loaded = $('export-geojson').getAttribute('href'); // lets tests know which view is drawn
  } catch (err) {
    status.fail('loadError', err);
  } finally {
    status.loading(false);
  }
}

async function loadChoropleth(gen) {
  const level = state.show === 'districts' ? 'district' : 'governorate';
  const areas = state.show === 'districts' ? base.districts() : base.features();
  const answer = await channels.counts.get(countsURL(view({ noBox: true }), level));
  if (!answer || gen !== shownGen) return;
  choropleth.set(areas, answer, { shade: state.shade, level: state.show });
  choropleth.show();
}

function exportNote(total) {
  $('export-note').textContent = t('exportNote', { n: formatNumber(total) });
  $('export-geojson').setAttribute('aria-label', t('exportLabel', { n: formatNumber(total), format: 'GeoJSON' }));
  $('export-csv').setAttribute('aria-label', t('exportLabel', { n: formatNumber(total), format: 'CSV' }));
}

function drawPoints(fc, total) {
  lastDraw = { kind: 'points', fc, total };
  status.clearError();
  cells.clear();
  if (!state.show) choropleth.hide();
  const shown = fc.features || [];
  incidents.set(shown, false, { faint, fresh: isFresh });
  density.set(shown);
  list.set(shown, null);
  setCount($('list-count'), $('panel-toggle'), total);
  exportNote(total);
  listNote($('list-note'), hasNext(fc) ? t('truncated', { n: formatNumber(shown.length) })
    : shown.length === 0 ? t('noIncidents') : '');
  document.body.dataset.shown = String(shown.length);
  base.keepLabelsClear(() => []);
  afterDraw();
}

// drawCells shows the view as the aggregate's cells (or the choropleth), and lists the
// latest incidents (fc), with more a page at a time.
function drawCells(agg, fc) {
  lastDraw = { kind: 'cells', agg, fc };
  status.clearError();
  incidents.set([]);
  if (state.show) cells.clear();
  else { choropleth.hide(); cells.set(agg); }
  density.set(agg.features || []);
  list.set(fc.features || [], nextLink(fc));
  setCount($('list-count'), $('panel-toggle'), agg.numberMatched);
  exportNote(agg.numberMatched);
  listNote($('list-note'), agg.numberMatched === 0 ? t('noIncidents')
    : t('cellsNote', { total: formatNumber(agg.numberMatched) }));
  document.body.dataset.shown = String(agg.numberMatched);
  base.keepLabelsClear(() => cells.boxes());
  afterDraw();
}

function afterDraw() {
  if (pendingIncident) openPending();
  else markSelected($('incident-list'), state.incident);
}

// loadContext draws the time chart of the view over all dates (the server's histogram)
// and counts the view's types within the dates for the legend.
let contextKey = '';
async function loadContext(force) {
  const v = view({ noDates: true });
  const key = histogramURL(v);
  try {
    const legend = channels.legend.get(aggregateURL({ ...view({ noTypes: true }), zoom: 0 }));
    if (key !== contextKey || force) {
      const h = await channels.hist.get(key);
      if (h) {
        contextKey = key;
        timeline.setHistogram(h);
      }
    }
    const agg = await legend;
    if (agg) renderContextLegend(countTypes(agg));
  } catch (err) {
    status.fail('loadError', err);
  }
}

let legendCounts = null;
function renderContextLegend(counts = legendCounts) {
  legendCounts = counts;
  renderLegend($('legend'), state.types, legendCounts, { onToggle: toggleType, onOnly: onlyType });
}

let refreshTimer = null;
function refresh(force = false) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    syncHash();
    // The incidents first; the time chart and the legend's counts after them, so that
    // they do not compete for the server with what the map draws.
    await loadShown();
    loadContext(force);
  }, 60);
}

function setDates(from, to) {
  if (from && to && from > to) [from, to] = [to, from];
  state.from = from || '';
  state.to = to || '';
  showDates();
  timeline.setRange(state.from, state.to);
  refresh();
}

// showDates writes the chosen dates into the inputs (shown in the interface's language)
// and on the map.
function showDates() {
  for (const [id, v] of [['date-from', state.from], ['date-to', state.to]]) {
    $(id).value = v;
    // Arabic month names (تشرين الثاني) do not fit the field: digits there.
    const style = lang() === 'ar' ? { day: 'numeric', month: 'numeric', year: 'numeric' } : undefined;
    $(`${id}-text`).textContent = v ? formatDate(v, style) : t('anyDate');
  }
  const bin = timeline.playing() ? timeline.bins.find((b) => b.start === state.from) : null;
  $('map-date').textContent = bin ? binLabel(timeline.unit, bin.start, bin.end)
    : state.from || state.to ? t('brushRange', { from: state.from ? formatDate(state.from) : '…', to: state.to ? formatDate(state.to) : '…' })
      : t('allDates');
}

function toggleType(type, on) {
  const set = new Set(state.types ?? TYPES);
  if (on) set.add(type); else set.delete(type);
  state.types = set.size === TYPES.length ? null : TYPES.filter((k) => set.has(k));
  renderContextLegend();
  refresh();
}

// onlyType shows only type, or every type again when it was already the only one.
function onlyType(type) {
  state.types = state.types && state.types.length === 1 && state.types[0] === type ? null : [type];
  renderContextLegend();
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

function openPending(id) {
  const f = pendingIncident || list.find(id);
  pendingIncident = null;
  if (!f) return;
  markSelected($('incident-list'), f.id);
  if (incidents.show(f.id)) return;
  const [lon, lat] = f.geometry.coordinates;
  L.popup(POPUP).setLatLng([lat, lon]).setContent(popupNode(f)).openOn(map);
}

map.on('popupopen', (e) => {
  const id = e.popup.getElement()?.querySelector('.popup')?.dataset.id;
  if (id) { state.incident = id; markSelected($('incident-list'), id); syncHash(); }
});
// A popup that pans the map to fit does not reload the view under it: new markers
// arriving could cluster the one it belongs to and close it. The view reloads when the
// popup closes.
let autopanned = false;
let popupOpen = false;
map.on('autopanstart', () => { autopanned = true; });
map.on('popupopen', () => { popupOpen = true; });
map.on('popupclose', () => {
  popupOpen = false;
  state.incident = null;
  markSelected($('incident-list'), null);
  syncHash();
  if (autopanned) { autopanned = false; refresh(); }
});
map.on('moveend', () => {
  if (autopanned && popupOpen) { syncHash(); return; }
  refresh();
});
map.on('overlayadd', (e) => { if (e.layer === density.group) density.redraw(); });

// On a phone the search box is narrow: its placeholder is the short one.
const phone = window.matchMedia('(max-width: 480px)');
const placeholder = () => { $('search-input').placeholder = t(phone.matches ? 'searchPlaceholderShort' : 'searchPlaceholder'); };
phone.addEventListener('change', placeholder);

function applyLang(l) {
  state.lang = l;
  setLang(l);
  placeholder();
  $('lang-toggle').textContent = l === 'ar' ? 'English' : 'العربية';
  $('lang-toggle').lang = l === 'ar' ? 'en' : 'ar';
  $('lang-toggle').setAttribute('aria-label', t('switchLang'));
  layersControl();
  base.relabel();
  scale._update(); // its units in the new language
  map.closePopup();
  filters.relabel();
  renderContextLegend();
  timeline.render();
  showDates();
  if (lastDraw?.kind === 'cells') drawCells(lastDraw.agg, lastDraw.fc);
  else if (lastDraw) { incidents.set([], true); drawPoints(lastDraw.fc, lastDraw.total); }
  if (state.show) refresh(true);
  review.relabel();
  syncHash();
}

function onHashChange() {
  const v = parseHash(location.hash);
  if (v.lang && v.lang !== state.lang) applyLang(v.lang);
  if (v.from !== state.from || v.to !== state.to) setDates(v.from, v.to);
  if (String(v.types) !== String(state.types)) { state.types = v.types; renderContextLegend(); }
  filters.set({ gov: v.gov, district: v.district, killed: v.killed, q: v.q }, false);
  setShow(v.show, v.shade, false);
  if (v.center) map.setView([v.center.lat, v.center.lon], v.center.zoom);
  else if (v.bbox) map.fitBounds([[v.bbox[1], v.bbox[0]], [v.bbox[3], v.bbox[2]]]);
  if (v.incident && v.incident !== state.incident) { state.incident = v.incident; openIncident(v.incident); }
  refresh();
}

// setShow switches the map between incidents and a choropleth of governorates or
// districts, shaded by count or killed.
function setShow(show, shade, go = true) {
  state.show = show || '';
  state.shade = shade === 'killed' ? 'killed' : 'count';
  for (const r of document.querySelectorAll('input[name="show"]')) r.checked = r.value === state.show;
  for (const r of document.querySelectorAll('input[name="shade"]')) r.checked = r.value === state.shade;
  $('shade-mode').hidden = !state.show;
  if (!state.show) choropleth.hide();
  if (go) refresh();
}

function closePanelOnPhone() {
  if (window.matchMedia('(max-width: 760px)').matches) setPanel(false);
}

function setPanel(open) {
  document.body.classList.toggle('panel-open', open);
  $('panel-toggle').setAttribute('aria-expanded', String(open));
  setTimeout(() => map.invalidateSize(), 260);
}

function wirePlay() {
  const buttons = [$('play'), $('map-play')];
  const playing = (on) => {
    for (const b of buttons) {
      b.setAttribute('aria-pressed', String(on));
      b.setAttribute('aria-label', t(on ? 'pause' : 'play'));
      b.classList.toggle('is-playing', on);
    }
    document.body.classList.toggle('is-playing', on);
    showDates();
    if (!on && lastDraw?.kind === 'points') incidents.set(lastDraw.fc.features || [], false, { faint, fresh: isFresh });
  };
  for (const b of buttons) {
    b.addEventListener('click', () => {
      if (timeline.playing()) timeline.stop();
      else if (timeline.bins.length) { playing(true); timeline.play(() => playing(false)); } // nothing to play before the chart
    });
  }
}

function wireControls() {
  $('date-from').addEventListener('change', (e) => setDates(e.target.value, state.to));
  $('date-to').addEventListener('change', (e) => setDates(state.from, e.target.value));
  $('dates-reset').addEventListener('click', () => { timeline.stop(); setDates('', ''); });
  $('types-all').addEventListener('click', () => { state.types = null; renderContextLegend(); refresh(); });
  $('lang-toggle').addEventListener('click', () => applyLang(state.lang === 'ar' ? 'en' : 'ar'));
  $('panel-toggle').addEventListener('click', () => {
    // With unsaved draft edits, closing the review panel waits for the editor's answer.
    if (document.body.classList.contains('review-open') && !review.close()) return;
    setPanel(!document.body.classList.contains('panel-open'));
  });
  for (const r of document.querySelectorAll('input[name="show"]')) r.addEventListener('change', () => setShow(r.value, state.shade));
  for (const r of document.querySelectorAll('input[name="shade"]')) r.addEventListener('change', () => setShow(state.show, r.value));
  wirePlay();
  window.addEventListener('hashchange', onHashChange);
  new PlaceSearch($('search-form'), $('search-input'), $('search-results'), {
    onPick: (p) => { map.flyTo([p.lat, p.lon], zoomFor(p.kind), { duration: 1.2 }); closePanelOnPhone(); },
    onError: (err) => status.fail('searchError', err),
  });
}

// The district outlines arrive after the page: the district filter and choropleth wait
// for them.
document.addEventListener('mapsrv:districts', () => {
  filters.show();
  if (state.show === 'districts') refresh(true);
});

async function start() {
  wireControls();
  applyLang(state.lang);
  setShow(state.show, state.shade, false);
  timeline.setRange(state.from, state.to);
  if (state.incident) openIncident(state.incident);
  refresh(); // at once: the incidents do not wait for the outlines
  await base.ready;
  setGovernorates(base.features());
  filters.fill();
  if (lastDraw) list.relabel(); // governorates named from the outlines' table
  if (state.show) refresh(true); // a choropleth needs the outlines
  new Live({
    onChange: () => { liveSeen = true; contextKey = ''; refresh(true); },
    probeURL: () => itemsURL({ limit: 1 }),
  });
}

start();
