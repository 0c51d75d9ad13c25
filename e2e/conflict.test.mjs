// Two editors on one draft, in a real browser against the real server: the page saves
// with the ETag it opened the draft with, so when someone else saved in between it says so
// plainly, keeps their version, and lets the editor reload it and edit again.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, EDITOR_TOKEN } from './server.mjs';
import { launch, openPage, settled } from './browser.mjs';
import { DRAFTS, INCIDENTS, assertClean, signIn, card, call } from './review.mjs';

let server;
let browser;

// api sends a JSON body to path with the editor token and resolves to the response.
const api = (method, p, body, type = 'application/json') => fetch(new URL(p, server.url), {
  method, headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': type }, body: JSON.stringify(body),
});

// A draft written for this test.
const DRAFT = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [36.8034, 35.866] },
  properties: {
    incident_type: 'arrest', date_from: '2026-01-15', geo_precision: 'town', place_name_en: 'Saraqib',
    admin1_pcode: 'SY07', summary_en: 'Two men stopped at a checkpoint (test draft).',
  },
};

describe('two editors on one draft', { timeout: 120000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a save after someone else saved is refused, said plainly, and the draft can be reloaded', async () => {
    const res = await api('POST', DRAFTS, DRAFT, 'application/geo+json');
    assert.equal(res.status, 201);
    const { id } = await res.json();
    const d = `#d${id}`;
    const { page, context, seen } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await settled(page);
    await signIn(page);
    await page.waitForSelector(card(id));
    await page.click(`${card(id)} .draft-edit`);
    await page.waitForSelector(`${d}-editor`);

    // Another editor saves the draft while it is open here.
    const other = await api('PATCH', `${DRAFTS}/${id}`, { properties: { summary_en: 'Corrected by another editor.' } },
      'application/merge-patch+json');
    assert.equal(other.status, 200);

    await page.fill(`${d}-killed`, '2');
    const saved = page.waitForResponse((r) => r.url().endsWith(`${DRAFTS}/${id}`) && r.request().method() === 'PATCH');
    await page.click(`${card(id)} .draft-save`);
    const answer = await saved;
    assert.equal(answer.status(), 412, 'sent with the If-Match of the version it opened');
    assert.ok(answer.request().headers()['if-match'], 'If-Match sent');
    await page.waitForSelector(`${d}-editor .conflict`, { state: 'visible' });
    assert.match(await page.textContent(`${d}-editor .conflict`), new RegExp(`Someone else saved draft #${id} after you opened it`));
    assert.equal(await page.evaluate(() => document.activeElement.className), 'btn btn-small btn-primary conflict-reload');
    let stored = (await call(server, `${DRAFTS}/${id}`)).body.properties;
    assert.equal(stored.summary_en, 'Corrected by another editor.', 'their save kept');
    assert.equal(stored.killed, null, 'the stale save stored nothing');

    // Reloading shows their version; the editor's next save goes through.
    await page.click(`${d}-editor .conflict-reload`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.value === 'Corrected by another editor.', `${d}-summary_en`);
    assert.equal(await page.$(`${d}-editor .conflict`), null, 'the message is gone with the old form');
    await page.fill(`${d}-killed`, '2');
    await page.click(`${card(id)} .draft-save`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Saved.', `${card(id)} .draft-msg`);
    stored = (await call(server, `${DRAFTS}/${id}`)).body.properties;
    assert.equal(stored.summary_en, 'Corrected by another editor.');
    assert.equal(stored.killed, 2);

    // A second save from the same form goes through with the ETag the first returned.
    const again = page.waitForResponse((r) => r.url().endsWith(`${DRAFTS}/${id}`) && r.request().method() === 'PATCH');
    await page.fill(`${d}-injured`, '1');
    await page.click(`${card(id)} .draft-save`);
    assert.equal((await again).status(), 200);
    assert.equal((await call(server, `${DRAFTS}/${id}`)).body.properties.injured, 1);
    assertClean(seen, [412]);
    await context.close();
  });

  test('rejecting a draft another editor has since published leaves the published incident and says so', async () => {
    const res = await api('POST', DRAFTS, DRAFT, 'application/geo+json');
    assert.equal(res.status, 201);
    const { id } = await res.json();
    const { page, context, seen } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await settled(page);
    await signIn(page);
    await page.waitForSelector(card(id));

    // Another editor publishes it while the queue here still lists it as a draft.
    const other = await api('PATCH', `${DRAFTS}/${id}`, { properties: { status: 'published' } }, 'application/merge-patch+json');
    assert.equal(other.status, 200);

    await page.click(`${card(id)} .draft-reject`);
    await page.waitForSelector(`${card(id)} .draft-confirm`, { state: 'visible' });
    const answer = page.waitForResponse((r) => r.url().endsWith(`${DRAFTS}/${id}`) && r.request().method() === 'DELETE');
    await page.keyboard.press('Enter');
    assert.equal((await answer).status(), 404, 'a published incident is not deleted through the drafts');
    await page.waitForSelector(card(id), { state: 'detached' });
    assert.match(await page.textContent('#queue-status'), new RegExp(`#${id} is no longer a draft: another editor published or rejected it`));
    assert.equal((await call(server, `${INCIDENTS}/${id}`)).status, 200, 'the published incident stays on the map');
    assertClean(seen, [404]);
    await context.close();
  });
});
