// Talks to the mapsrv API (OGC API – Features at /api). Every request for the view goes
// through a Channel, which aborts the previous request so a stale answer never wins.

import { TYPES } from './hash.js';

/** ITEMS is the path of the incidents items endpoint. */
export const ITEMS = '/api/collections/incidents/items';

/** MAX_LIMIT is the largest page the API serves (and what the page asks for). */
export const MAX_LIMIT = 10000;

/** SMALL_LIMIT is the largest page the server serves in its own queue, apart from larger ones. */
export const SMALL_LIMIT = 1000;

/** POINTS_LIMIT is the largest page of the server's middle queue: a view drawn as points. */
export const POINTS_LIMIT = 5000;

/**
 * pointsLimit is the limit to fetch the n incidents of a view with: the smallest of the
 * server's queues that holds them, so that a view never waits behind others' larger pages.
 */
export const pointsLimit = (n) => [SMALL_LIMIT, POINTS_LIMIT].find((l) => n <= l) ?? MAX_LIMIT;

const round = (n) => Number(n.toFixed(5));

// wrapLon brings a longitude past ±180 (a map panned over the antimeridian) back into
// [-180, 180].
const wrapLon = (x) => (x < -180 || x > 180 ? ((((x + 180) % 360) + 360) % 360) - 180 : x);

/**
 * bboxString gives Leaflet bounds as "minLon,minLat,maxLon,maxLat" within the world: a view
 * as wide as the world or wider is all longitudes; one panned past ±180 is wrapped, and
 * west may then be east of east (the API reads that as a box across the antimeridian).
 * Clamping each side alone sent west 539.99 with east 180 for a view over 540°, a 400.
 */
export function bboxString(bounds) {
  const wide = !(bounds.getEast() - bounds.getWest() < 360);
  const w = wide ? -180 : wrapLon(bounds.getWest());
  const e = wide ? 180 : wrapLon(bounds.getEast());
  const s = Math.max(-90, bounds.getSouth());
  const n = Math.min(90, bounds.getNorth());
  return [w, s, e, n].map(round).join(',');
}

/** datetimeParam turns a from/to pair into an OGC datetime value, or '' for no limit. */
export function datetimeParam(from, to) {
  if (!from && !to) return '';
  return `${from || '..'}/${to || '..'}`;
}

/**
 * filterQuery turns a view's filters into query parameters: bbox, dates, types (null means
 * all; an empty array means none, which callers do not send), governorate, district,
 * minimum killed and words. Leave a filter out by passing it empty.
 */
export function filterQuery({ bbox, from, to, types, gov, district, killed, q }) {
  const p = new URLSearchParams();
  if (bbox) p.set('bbox', bbox);
  const dt = datetimeParam(from, to);
  if (dt) p.set('datetime', dt);
  if (types && types.length < TYPES.length) p.set('incident_type', types.join(','));
  if (gov) p.set('admin1_pcode', gov);
  if (district) p.set('admin2_pcode', district);
  if (killed) p.set('min_killed', String(killed));
  if (q) p.set('q', q);
  return p;
}

// url joins a path and parameters, keeping commas and slashes readable.
const url = (path, p) => `${path}?${p.toString().replace(/%2C/g, ',').replace(/%2F/g, '/')}`;

/** itemsURL is the items URL for a view (see filterQuery), with a limit and a format. */
export function itemsURL(view) {
  const p = filterQuery(view);
  p.set('limit', String(view.limit ?? MAX_LIMIT));
  if (view.format) p.set('f', view.format);
  return url(ITEMS, p);
}

/** exportURL is the URL downloading every incident of a view, in format geojson or csv. */
export function exportURL(view, format) {
  const p = filterQuery(view);
  if (format === 'csv') p.set('f', 'csv');
  return url('/api/collections/incidents/export', p);
}

/** histogramURL is the URL of the date histogram of a view; bin is day, week, month or ''. */
export function histogramURL(view, bin = '') {
  const p = filterQuery(view);
  if (bin) p.set('bin', bin);
  return url('/api/collections/incidents/histogram', p);
}

/** countsURL is the URL of a view's counts per governorate or district. */
export function countsURL(view, by) {
  const p = filterQuery(view);
  p.set('by', by);
  return url('/api/collections/incidents/counts', p);
}

/** aggregateURL is the aggregate URL for a view at map zoom (floored to a whole level). */
export function aggregateURL(view) {
  const p = filterQuery(view);
  p.set('zoom', String(Math.max(0, Math.min(22, Math.floor(view.zoom)))));
  return url('/api/collections/incidents/aggregate', p);
}

/** reverseURL is the URL asking what lies at lat/lon: governorate and nearest places. */
export const reverseURL = (lat, lon) => `/api/reverse?lat=${round(lat)}&lon=${round(lon)}`;

/** ApiError carries the API's problem detail, or the HTTP status when there is none. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

/** getJSON fetches url and decodes JSON, turning problem responses into ApiError. */
export async function getJSON(url, signal) {
  const res = await fetch(url, { signal, headers: { Accept: 'application/geo+json, application/json' } });
  if (!res.ok) {
    let detail = '';
    try {
      const body = await res.json();
      detail = body.detail || body.title || body.error || '';
    } catch { /* not JSON: keep the status */ }
    throw new ApiError(res.status, detail);
  }
  return res.json();
}

/** Channel runs one request at a time: starting a new one aborts the one in flight. */
export class Channel {
  #ctrl = null;

  /** get fetches url as JSON; it resolves to null if a newer request superseded it. */
  async get(url) {
    this.#ctrl?.abort();
    const ctrl = new AbortController();
    this.#ctrl = ctrl;
    try {
      const body = await getJSON(url, ctrl.signal);
      return ctrl.signal.aborted ? null : body;
    } catch (err) {
      if (ctrl.signal.aborted || err.name === 'AbortError') return null;
      throw err;
    } finally {
      if (this.#ctrl === ctrl) this.#ctrl = null;
    }
  }

  /** abort cancels the request in flight, if any. */
  abort() {
    this.#ctrl?.abort();
  }
}

/** nextLink is the href of a FeatureCollection's next page, or null on its last. */
export const nextLink = (fc) => (fc.links || []).find((l) => l.rel === 'next')?.href ?? null;

/** hasNext reports whether a FeatureCollection says more pages follow. */
export const hasNext = (fc) => nextLink(fc) !== null;
