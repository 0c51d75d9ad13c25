// The review panel in a real browser against the real server: an editor signs in with a
// token, pastes Arabic reports (sentences written for these tests), edits, publishes and
// rejects the proposed drafts; the public map and API must follow at once.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, ROOT, EDITOR_TOKEN, INGEST_TOKEN } from './server.mjs';
import { launch, openPage, settled } from './browser.mjs';
import {
  DRAFTS, INCIDENTS, assertClean, signIn, ingest, card, stableBox, call as callAPI, draftsNow as queue,
} from './review.mjs';

const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

// Reports written for these tests (not news text): an arrest in Saraqib and a bombing in
// Manbij; an arrest with no place; an arrest in Jableh carrying HTML and script payloads.
const SARAQIB = 'ألقت قوى الأمن الداخلي القبض على ثلاثة أشخاص في مدينة سراقب بريف إدلب يوم 12 كانون الثاني 2026 بتهمة الاتجار بالأسلحة.\n'
  + 'وفي سياق منفصل، قُتل شخصان وأصيب أربعة آخرون بانفجار عبوة ناسفة في مدينة منبج يوم 10 كانون الثاني.';
const NOWHERE = 'أوقفت دورية للأمن العام شخصين بتهمة تهريب المخدرات يوم 5 كانون الثاني 2026 دون ذكر مكان التوقيف.';
const PAYLOAD = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
const JABLEH = `اعتقلت قوات الأمن خمسة أشخاص في مدينة جبلة يوم 3 كانون الثاني 2026 ${PAYLOAD} بعد مداهمة.`;

let server;
let browser;

const call = (p, opts) => callAPI(server, p, opts);
const draftsNow = () => queue(server);

async function open(hash = '', opts) {
  const o = await openPage(browser, opts);
  await o.page.goto(`${server.url}/${hash}`);
  await settled(o.page);
  return o;
}

describe('review panel', { timeout: 240000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a wrong or ingest-only token shows a clear error and keeps nothing', async () => {
    const { page, context, seen } = await open();
    await page.focus('#review-toggle');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#signin-card', { state: 'visible' });
    await page.click('#signin-submit');
    assert.match(await page.textContent('#token-error'), /Paste a token/);
    await page.fill('#token-input', 'not-a-real-token-0000000000');
    await page.press('#token-input', 'Enter');
    await page.waitForFunction(() => /not accepted/.test(document.getElementById('token-error').textContent));
    assert.equal(await page.getAttribute('#token-input', 'aria-invalid'), 'true');
    await page.fill('#token-input', INGEST_TOKEN);
    await page.press('#token-input', 'Enter');
    await page.waitForFunction(() => /only post reports/.test(document.getElementById('token-error').textContent));
    assert.equal(await page.isHidden('#review-body'), true, 'queue stays hidden');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('mapsrv.editorToken')), null);
    assert.ok(!page.url().includes('token'), `token in the URL: ${page.url()}`);
    assertClean(seen, [401, 403]);
    await context.close();
  });

  test('an editor ingests a report, edits a draft, publishes one and rejects another', async () => {
    const { page, context, seen } = await open();
    await signIn(page);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('mapsrv.editorToken')), EDITOR_TOKEN);
    assert.ok(!page.url().includes(EDITOR_TOKEN), 'token kept out of the URL');

    const result = await ingest(page, SARAQIB, { url: 'https://example.org/e2e/saraqib' });
    assert.match(result, /2 new draft/);
    const drafts = await draftsNow();
    const arrest = drafts.find((f) => f.properties.place_name_en === 'Saraqib');
    const bombing = drafts.find((f) => f.properties.incident_type === 'bombing');
    assert.ok(arrest && bombing, `drafts: ${JSON.stringify(drafts.map((f) => f.properties.place_name_en))}`);
    assert.equal(arrest.properties.arrested, 3);
    assert.equal(arrest.properties.date_from, '2026-01-12');
    await page.waitForSelector(card(arrest.id));
    const text = await page.textContent(card(arrest.id));
    for (const want of ['Arrest', 'Saraqib', 'Arrested: 3', '12 Jan 2026', 'سراقب']) assert.ok(text.includes(want), `card lacks ${want}: ${text}`);
    assert.equal((await call(`${INCIDENTS}/${arrest.id}`)).status, 404, 'a draft is not public');

    // Edit the count and an English summary, save, and check the stored draft.
    await page.click(`${card(arrest.id)} .draft-edit`);
    await page.fill(`#d${arrest.id}-arrested`, '4');
    await page.fill(`#d${arrest.id}-summary_en`, 'Four people arrested in Saraqib on weapons-trafficking charges.');
    await page.click(`${card(arrest.id)} .draft-save`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Saved.', `${card(arrest.id)} .draft-msg`);
    const saved = (await call(`${DRAFTS}/${arrest.id}`)).body;
    assert.equal(saved.properties.arrested, 4);
    assert.equal(saved.properties.status, 'draft');

    await page.click(`${card(arrest.id)} .draft-publish`);
    await page.waitForSelector(card(arrest.id), { state: 'detached' });
    assert.match(await page.textContent('#queue-status'), new RegExp(`#${arrest.id} published`));
    const pub = await call(`${INCIDENTS}/${arrest.id}`);
    assert.equal(pub.status, 200, 'published incident is public');
    assert.equal(pub.body.properties.arrested, 4);
    const all = (await call(`${INCIDENTS}?limit=10000`)).body;
    assert.ok(all.features.some((f) => String(f.id) === String(arrest.id)), 'in the public items');
    // The public list and map redraw at once, without a reload or a move of the map
    // (checked before closing the panel, since resizing the map refreshes it too).
    await page.waitForSelector(`#incident-list li[data-id="${arrest.id}"]`, { state: 'attached', timeout: 5000 });
    await page.click('#review-close');
    await page.waitForSelector(`#incident-list li[data-id="${arrest.id}"]`, { state: 'visible' });
    assert.match(await page.textContent(`#incident-list li[data-id="${arrest.id}"]`), /Saraqib/);

    // Reject the bombing, confirming in the card.
    await page.click('#review-toggle');
    await page.click(`${card(bombing.id)} .draft-reject`);
    await page.waitForSelector(`${card(bombing.id)} .draft-confirm`, { state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement.className), 'btn btn-small btn-danger draft-reject-yes');
    await page.keyboard.press('Enter');
    await page.waitForSelector(card(bombing.id), { state: 'detached' });
    assert.equal((await call(`${DRAFTS}/${bombing.id}`)).status, 404, 'rejected draft deleted');
    assert.equal((await draftsNow()).some((f) => f.id === bombing.id), false);
    assert.equal((await call(`${INCIDENTS}/${bombing.id}`)).status, 404, 'rejected draft not public');

    await page.click('#signout');
    await page.waitForSelector('#signin-card', { state: 'visible' });
    assert.equal(await page.evaluate(() => sessionStorage.getItem('mapsrv.editorToken')), null, 'sign out forgets the token');
    assert.equal(await page.$$eval('#draft-list li', (l) => l.length), 0);
    assertClean(seen);
    await context.close();
  });

  test('API errors show next to the field they name; place by search and by dragging the pin', async () => {
    const { page, context, seen } = await open();
    await signIn(page);
    await page.click('#ingest-submit');
    await page.waitForSelector('#report-text-err', { state: 'visible' });
    assert.equal(await page.textContent('#report-text-err'), 'Paste the report’s text first.', 'the server says text: empty; the page says what to do');
    assert.equal(await page.getAttribute('#report-text', 'aria-invalid'), 'true');
    await page.fill('#report-text', NOWHERE);
    await page.fill('#source-url', 'javascript:alert(1)');
    await page.click('#ingest-submit');
    await page.waitForSelector('#source-url-err', { state: 'visible' });
    assert.match(await page.textContent('#source-url-err'), /must start with http:\/\/ or https:\/\//);
    assert.equal(await page.isHidden('#report-text-err'), true, 'the old error is cleared');

    assert.match(await ingest(page, NOWHERE, { url: 'https://example.org/e2e/nowhere' }), /1 new draft/);
    const draft = (await draftsNow()).find((f) => f.properties.summary_ar === NOWHERE);
    assert.equal(draft.properties.geo_precision, 'country');
    const d = `#d${draft.id}`;
    await page.click(`${card(draft.id)} .draft-edit`);
    await page.fill(`${d}-date_from`, '2026-01-20');
    await page.fill(`${d}-date_to`, '2026-01-05');
    await page.fill(`${d}-killed`, '-2');
    await page.click(`${card(draft.id)} .draft-save`);
    assert.equal(await page.isVisible(`${d}-killed-err`), true, 'a negative count is refused here');
    await page.fill(`${d}-killed`, '');
    await page.click(`${card(draft.id)} .draft-save`);
    await page.waitForSelector(`${d}-date_from-err`, { state: 'visible' });
    assert.match(await page.textContent(`${d}-date_from-err`), /^date_from: 2026-01-20 is after date_to/);
    assert.equal(await page.getAttribute(`${d}-date_from`, 'aria-invalid'), 'true');
    await page.fill(`${d}-date_to`, '2026-01-20');

    // Place it with the search box (keyboard only).
    const found = (await call(`/api/places?q=${encodeURIComponent('سراقب')}&limit=8`)).body.places[0];
    await page.fill(`${d}-place-q`, 'سراقب');
    await page.waitForSelector(`${d}-opt-0`);
    await page.press(`${d}-place-q`, 'ArrowDown');
    await page.press(`${d}-place-q`, 'Enter');
    assert.equal(await page.inputValue(`${d}-place_name_en`), found.name_en);
    assert.equal(await page.inputValue(`${d}-admin1_pcode`), 'SY07');
    await page.click(`${card(draft.id)} .draft-save`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Saved.', `${card(draft.id)} .draft-msg`);
    let stored = (await call(`${DRAFTS}/${draft.id}`)).body;
    assert.deepEqual(stored.geometry.coordinates.map((c) => Math.round(c * 1000)), [found.lon, found.lat].map((c) => Math.round(c * 1000)));
    assert.equal(stored.properties.admin1_pcode, 'SY07');
    assert.equal(stored.properties.geo_precision, 'town');
    assert.equal(stored.properties.date_to, '2026-01-20');

    // Drag the pin 120 px east: the longitude grows and the governorate follows the point.
    const pin = await stableBox(page, '.leaflet-marker-icon.draft-pin');
    const [x, y] = [pin.x + pin.width / 2, pin.y + pin.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 60, y, { steps: 6 });
    await page.mouse.move(x + 120, y, { steps: 6 });
    await page.mouse.up();
    await page.waitForSelector(`${card(draft.id)} .moved`, { state: 'visible' });
    // The card still says "Saved." from the last save: wait for this one's answer.
    const saved = page.waitForResponse((r) => r.url().endsWith(`${DRAFTS}/${draft.id}`) && r.request().method() === 'PATCH');
    await page.click(`${card(draft.id)} .draft-save`);
    assert.equal((await saved).status(), 200);
    stored = (await call(`${DRAFTS}/${draft.id}`)).body;
    assert.ok(stored.geometry.coordinates[0] > found.lon + 0.01, `dragged east: ${stored.geometry.coordinates}`);
    assert.match(stored.properties.admin1_pcode, /^SY(0[1-9]|1[0-4])$/);
    assertClean(seen, [400]);
    await context.close();
  });

  test('HTML and script in an ingested report show as text and never run', async () => {
    const { page, context, seen } = await open('', { viewport: { width: 1400, height: 1000 } });
    await signIn(page);
    await ingest(page, JABLEH, { url: 'https://example.org/e2e/jableh', title: `Report ${PAYLOAD}` });
    const draft = (await draftsNow()).find((f) => f.properties.place_name_en === 'Jablah');
    assert.ok(draft, 'Jableh draft proposed');
    await page.waitForSelector(card(draft.id));
    const evidence = await page.textContent(`${card(draft.id)} .draft-evidence p`);
    assert.ok(evidence.includes(PAYLOAD), `payload shown as text: ${evidence}`);
    assert.ok((await page.textContent(`${card(draft.id)} .draft-source`)).includes(`Report ${PAYLOAD}`));
    await page.click(`${card(draft.id)} .draft-edit`);
    assert.ok((await page.inputValue(`#d${draft.id}-summary_ar`)).includes(PAYLOAD), 'payload in the form as text');
    assert.equal(await page.$('img[src="x"]'), null, 'no <img src=x> element created');
    assert.equal(await page.$('#review script'), null, 'no <script> element created');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator(card(draft.id)).evaluate((li) => li.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(ARTIFACTS, 'review.png') });
    assertClean(seen);
    await context.close();
  });

  test('the panel is right-to-left in Arabic and usable on a phone', async () => {
    const { page, context, seen } = await open('#lang=ar', { viewport: { width: 390, height: 800 } });
    assert.equal(await page.textContent('#review-toggle'), 'المراجعة');
    await signIn(page);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.textContent('#ingest-heading'), 'الصق بلاغًا');
    const first = await page.waitForSelector('#draft-list li');
    const box = await page.locator('#review').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390 && box.y > 100, `sheet inside the screen: ${JSON.stringify(box)}`);
    const editBtn = await first.$('.draft-edit');
    assert.equal(await editBtn.textContent(), 'تحرير');
    // In RTL the card's coloured edge is on the right.
    const edge = await first.evaluate((li) => getComputedStyle(li).borderRightWidth);
    assert.equal(edge, '4px');
    await page.screenshot({ path: path.join(ARTIFACTS, 'review-phone-ar.png') });
    assertClean(seen);
    await context.close();
  });
});
