// The editor's bearer token and the authenticated requests made with it. The token lives
// in sessionStorage only (this tab, until sign-out or the tab closes): never in the URL,
// the hash, a cookie or the console.

import { ApiError } from './api.js';

const KEY = 'mapsrv.editorToken';

/** DRAFTS is the path of the drafts items endpoint (editors only). */
export const DRAFTS = '/api/collections/drafts/items';

/** token returns the stored token, or '' when signed out. */
export function token() {
  try {
    return sessionStorage.getItem(KEY) || '';
  } catch {
    return '';
  }
}

/** setToken stores the token for this tab. */
export const setToken = (tok) => sessionStorage.setItem(KEY, tok);

/** clearToken forgets the token (sign out). */
export const clearToken = () => sessionStorage.removeItem(KEY);

/**
 * send makes an authenticated request and decodes the JSON answer (null for 204).
 * Problem responses become ApiError with status and detail. tok overrides the stored
 * token (to check one before keeping it).
 */
export async function send(method, url, opts = {}) {
  return (await sendItem(method, url, opts)).body;
}

/**
 * sendItem is send for one incident: it sends If-Match when ifMatch is given (the ETag
 * the incident was read with; the server answers 412 when someone else saved it since)
 * and resolves to { body, etag }, etag being the incident's ETag as now stored.
 */
export async function sendItem(method, url, {
  body, type = 'application/json', tok = token(), ifMatch = '',
} = {}) {
  const headers = { Accept: 'application/geo+json, application/json', Authorization: `Bearer ${tok}` };
  const init = { method, headers, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' };
  if (body !== undefined) {
    headers['Content-Type'] = type;
    init.body = JSON.stringify(body);
  }
  if (ifMatch) headers['If-Match'] = ifMatch;
  const res = await fetch(url, init);
  if (!res.ok) {
    let detail = '';
    try {
      const p = await res.json();
      detail = p.detail || p.title || '';
    } catch { /* not JSON: keep the status */ }
    throw new ApiError(res.status, detail);
  }
  return { body: res.status === 204 ? null : await res.json(), etag: res.headers.get('ETag') || '' };
}

/**
 * patch sends a JSON merge patch (RFC 7396) of a feature, with If-Match when ifMatch is
 * given; it resolves to { body, etag } as sendItem does.
 */
export const patch = (url, body, ifMatch = '') => sendItem('PATCH', url, { body, type: 'application/merge-patch+json', ifMatch });

/**
 * fieldOf returns which of fields a problem detail names, or null. Details read like
 * "incidents: invalid incident: date_from: … is after date_to …" or
 * "ingest: invalid report: source.url: only http and https URLs are accepted":
 * the first ': '-separated part that is one of fields wins.
 */
export function fieldOf(detail, fields) {
  for (const part of String(detail || '').split(': ')) {
    const name = part.trim().replace(/\[\d+\]/g, '');
    if (fields.includes(name)) return name;
  }
  return null;
}

/** detailFrom trims an API detail to start at the field it names. */
export function detailFrom(msg, field) {
  const at = field ? msg.indexOf(`${field}:`) : -1;
  return at >= 0 ? msg.slice(at) : msg;
}

/** localPath turns an absolute next link from the API into a same-origin path. */
export function localPath(href) {
  const u = new URL(href, location.origin);
  return `${u.pathname}${u.search}`;
}
