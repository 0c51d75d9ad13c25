// Helpers shared by the review panel's browser tests: API calls with a token, signing
// in, pasting a report, and waiting for the map to stop moving.

import assert from 'node:assert/strict';
import { EDITOR_TOKEN } from './server.mjs';

/** DRAFTS and INCIDENTS are the API paths of the two collections. */
export const DRAFTS = '/api/collections/drafts/items';
export const INCIDENTS = '/api/collections/incidents/items';

/** call requests path p of server with a bearer token; body is decoded on 200. */
export async function call(server, p, { method = 'GET', tok = EDITOR_TOKEN } = {}) {
  const res = await fetch(new URL(p, server.url), { method, headers: { Authorization: `Bearer ${tok}` } });
  return { status: res.status, body: res.status === 200 ? await res.json() : null };
}

/**
 * assertClean asserts no page errors or dialogs, and no console errors except the
 * failed loads of the given HTTP statuses the test provoked on purpose.
 */
export function assertClean(seen, statuses = []) {
  const expected = (m) => statuses.some((s) => m.includes(`status of ${s}`));
  assert.deepEqual(seen.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(seen.consoleErrors.filter((m) => !expected(m)), [], 'console errors');
  assert.deepEqual(seen.dialogs, [], 'dialogs opened');
}

/** signIn opens the review panel if needed and signs in with tok. */
export async function signIn(page, tok = EDITOR_TOKEN) {
  if (await page.isHidden('#review')) await page.click('#review-toggle');
  await page.fill('#token-input', tok);
  await page.press('#token-input', 'Enter');
  await page.waitForSelector('#review-body', { state: 'visible' });
}

/** ingest pastes a report and waits for the queue to reload; it returns the result line. */
export async function ingest(page, text, { url, title = 'Test report', published = '2026-01-13' }) {
  await page.fill('#report-text', text);
  await page.fill('#report-published', published);
  await page.fill('#source-title', title);
  await page.fill('#source-url', url);
  const loaded = page.waitForResponse((r) => r.url().includes(DRAFTS) && r.request().method() === 'GET');
  await page.click('#ingest-submit');
  await loaded;
  await page.waitForFunction(() => document.getElementById('ingest-result').textContent !== '');
  return page.textContent('#ingest-result');
}

/** draftsNow returns every draft in the queue, from the API. */
export async function draftsNow(server) {
  const { status, body } = await call(server, `${DRAFTS}?limit=1000`);
  assert.equal(status, 200);
  return body.features;
}

/** card is the selector of draft id's card in the queue. */
export const card = (id) => `#draft-list li[data-id="${id}"]`;

/** stableBox waits until selector's box stops moving (the map has finished animating). */
export async function stableBox(page, selector) {
  let last = null;
  for (let i = 0; i < 50; i++) {
    const box = await page.locator(selector).boundingBox();
    if (box && last && box.x === last.x && box.y === last.y) return box;
    last = box;
    await page.waitForTimeout(100);
  }
  throw new Error(`${selector} kept moving`);
}

/** dragBy drags the element at box by dx, dy pixels with the mouse. */
export async function dragBy(page, box, dx, dy) {
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 6 });
  await page.mouse.move(x + dx, y + dy, { steps: 6 });
  await page.mouse.up();
}
