// Talks to the mapsrv API (OGC API – Features at /api). Every request for the view goes
// through a Channel, which aborts the previous request so a stale answer never wins.

import { TYPES } from './hash.js';

/** ITEMS is the path of the incidents items endpoint. */
export const ITEMS = '/api/collections/incidents/items';

/** MAX_LIMIT is the largest page the API serves (and what the page asks for). */
export const MAX_LIMIT = 10000;

const round = (n) => Number(n.toFixed(5));

/** bboxString gives Leaflet bounds as "minLon,minLat,maxLon,maxLat", clamped to the world. */
export function bboxString(bounds) {
  const w = Math.max(-180, bounds.getWest());
  const e = Math.min(180, bounds.getEast());
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
 * itemsURL is the items URL for a view: bbox, dates and types. types null means all types;
 * an empty array means none (the caller should not ask the server then).
 */
export function itemsURL({ bbox, from, to, types, limit = MAX_LIMIT, format = '' }) {
  const q = new URLSearchParams();
  if (bbox) q.set('bbox', bbox);
  const dt = datetimeParam(from, to);
  if (dt) q.set('datetime', dt);
  if (types && types.length < TYPES.length) q.set('incident_type', types.join(','));
  q.set('limit', String(limit));
  if (format) q.set('f', format);
  return `${ITEMS}?${q.toString().replace(/%2C/g, ',').replace(/%2F/g, '/')}`;
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

/** hasNext reports whether a FeatureCollection says more pages follow. */
export const hasNext = (fc) => (fc.links || []).some((l) => l.rel === 'next');
