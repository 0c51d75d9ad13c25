// The draft editor in a real browser against the real server: after the pin moves, the
// governorate comes from GET /api/reverse and the nearest places' names are offered but
// never forced; unsaved edits are only thrown away once the editor confirms, in the page.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from './server.mjs';
import { launch, openPage, settled } from './browser.mjs';
import {
  DRAFTS, assertClean, signIn, ingest, card, stableBox, call, draftsNow, dragBy,
} from './review.mjs';

// Reports written for these tests (not news text): a weapons seizure near Salqin and a
// mine blast in Maarrat al-Numan; an arrest in Saraqib.
const TWO = 'داهمت دورية للأمن العام مزرعة قرب مدينة سلقين يوم 8 كانون الثاني 2026 وضبطت فيها أسلحة خفيفة وذخائر.\n'
  + 'وفي حادثة أخرى، أُصيب ثلاثة مدنيين بانفجار لغم أرضي في بلدة معرة النعمان يوم 9 كانون الثاني 2026.';
const SARAQIB = 'أوقفت دورية أمنية رجلين عند مدخل مدينة سراقب يوم 15 كانون الثاني 2026 بعد العثور على بنادق في سيارتهما.';
const REVERSE = '/api/reverse';
const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

let server;
let browser;

async function open(hash = '', opts) {
  const o = await openPage(browser, opts);
  await o.page.goto(`${server.url}/${hash}`);
  await settled(o.page);
  return o;
}

// reversed starts waiting for the page's next /api/reverse answer.
const reversed = (page) => page.waitForResponse((r) => r.url().includes(REVERSE));

// noteOf waits for the nearby note of draft id to say something other than "Looking…".
async function noteOf(page, id) {
  const sel = `#d${id}-nearby-note`;
  await page.waitForFunction((s) => {
    const n = document.querySelector(s);
    return n && n.textContent && !/Looking/.test(n.textContent);
  }, sel);
  return page.textContent(sel);
}

describe('draft editor', { timeout: 240000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a moved pin takes its governorate from /api/reverse and offers, never forces, the nearest names', async () => {
    const { page, context, seen } = await open();
    await signIn(page);
    assert.match(await ingest(page, SARAQIB, { url: 'https://example.org/e2e/reverse-saraqib' }), /1 new draft/);
    const draft = (await draftsNow(server)).find((f) => f.properties.summary_ar === SARAQIB);
    assert.ok(draft, 'Saraqib draft proposed');
    const d = `#d${draft.id}`;
    await page.click(`${card(draft.id)} .draft-edit`);
    await page.fill(`${d}-place_name_en`, 'Saraqib east entrance');
    await page.fill(`${d}-place_name_ar`, 'مدخل سراقب الشرقي');

    // Drag the pin 200 px south-east: the page asks the API, not its own outlines.
    const asked = reversed(page);
    await dragBy(page, await stableBox(page, '.leaflet-marker-icon.draft-pin'), 200, 120);
    const res = await asked;
    assert.equal(res.status(), 200);
    const rev = await res.json();
    const q = new URL(res.url()).searchParams;
    assert.ok(Number(q.get('lon')) > draft.geometry.coordinates[0] + 0.01, `asked east of the draft: ${res.url()}`);
    assert.ok(rev.governorate && rev.nearest.length > 0, `reverse answer: ${JSON.stringify(rev)}`);
    const note = await noteOf(page, draft.id);
    assert.ok(note.includes(rev.governorate.name_en), `note names the governorate: ${note}`);
    assert.equal(await page.inputValue(`${d}-admin1_pcode`), rev.governorate.pcode);
    assert.equal(await page.inputValue(`${d}-place_name_en`), 'Saraqib east entrance', 'typed name kept');
    assert.equal(await page.inputValue(`${d}-place_name_ar`), 'مدخل سراقب الشرقي', 'typed Arabic name kept');

    // The nearest places are offered, closest first; taking one fills both names.
    const offered = await page.$$eval(`${d}-nearby .nearby-use`, (bs) => bs.map((b) => b.dataset.placeId));
    assert.deepEqual(offered, rev.nearest.slice(0, offered.length).map((p) => p.id));
    const near = rev.nearest[0];
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator(`${d}-nearby`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'editor-nearby.png') });
    assert.ok((await page.textContent(`${d}-nearby .nearby-use`)).includes(near.name_en));
    await page.click(`${d}-nearby .nearby-use >> nth=0`);
    assert.equal(await page.inputValue(`${d}-place_name_en`), near.name_en);
    assert.equal(await page.inputValue(`${d}-place_name_ar`), near.name_ar);
    await page.click(`${card(draft.id)} .draft-save`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Saved.', `${card(draft.id)} .draft-msg`);
    const stored = (await call(server, `${DRAFTS}/${draft.id}`)).body;
    assert.equal(stored.properties.admin1_pcode, rev.governorate.pcode);
    assert.equal(stored.properties.place_name_en, near.name_en);
    assert.ok(Math.abs(stored.geometry.coordinates[0] - rev.lon) < 1e-4, 'stored where the API was asked');

    // Pushed far north with the keyboard (into Turkey), the pin is outside Syria: the
    // API says 404, the governorate is cleared and the editor is told.
    await page.evaluate(() => { location.hash = 'map=7/36/36.8'; });
    await page.focus('.leaflet-marker-icon.draft-pin');
    let answer = null;
    const seenAnswer = (r) => { if (r.url().includes(REVERSE)) answer = r; };
    page.on('response', seenAnswer);
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
    await page.waitForFunction((s) => /outside Syria/.test(document.querySelector(s)?.textContent), `${d}-nearby-note`);
    page.off('response', seenAnswer);
    assert.equal(answer?.status(), 404, `last lookup: ${answer?.url()}`);
    assert.equal(await page.inputValue(`${d}-admin1_pcode`), '');
    assert.equal(await page.$$eval(`${d}-nearby .nearby-use`, (bs) => bs.length), 0, 'nothing offered outside Syria');
    assert.equal(await page.inputValue(`${d}-place_name_en`), near.name_en, 'names untouched');
    assertClean(seen, [404]);
    await context.close();
  });

  test('dates set apart make a one-day draft a range, which saves', async () => {
    const { page, context, seen } = await open();
    await signIn(page);
    const text = 'Security forces detained two men at the entrance of Saraqib on January 16, 2026 after finding rifles in their car.';
    assert.match(await ingest(page, text, { url: 'https://example.org/e2e/dates' }), /1 new draft/);
    const [f] = (await draftsNow(server)).filter((x) => x.properties.sources?.some((s) => s.url === 'https://example.org/e2e/dates'));
    assert.equal(f.properties.date_precision, 'day');
    const d = `#d${f.id}`;
    await page.click(`${card(f.id)} .draft-edit`);
    await page.waitForSelector(`${d}-editor`);
    await page.fill(`${d}-date_to`, '2026-01-18');
    await page.dispatchEvent(`${d}-date_to`, 'change');
    assert.equal(await page.inputValue(`${d}-date_precision`), 'range', 'a day no longer');
    await page.click(`${d}-editor .draft-save`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Saved.', `${card(f.id)} .draft-msg`);
    const saved = (await call(server, `${DRAFTS}/${f.id}`)).body.properties;
    assert.deepEqual([saved.date_from, saved.date_to, saved.date_precision], ['2026-01-16', '2026-01-18', 'range']);
    assertClean(seen);
    await context.close();
  });

  test('switching drafts or closing the panel with unsaved edits asks first, in the page', async () => {
    const { page, context, seen } = await open();
    await signIn(page);
    assert.match(await ingest(page, TWO, { url: 'https://example.org/e2e/unsaved' }), /2 new draft/);
    const mine = (await draftsNow(server)).filter((f) => f.properties.summary_ar && TWO.includes(f.properties.summary_ar.trim().slice(0, 20)));
    assert.equal(mine.length, 2, `drafts from the report: ${JSON.stringify(mine.map((f) => f.properties.summary_ar))}`);
    const [a, b] = mine;
    const confirmIn = (id) => `${card(id)} .discard-confirm`;

    // A clean editor closes and switches without a question.
    await page.click(`${card(a.id)} .draft-edit`);
    await page.click(`${card(b.id)} .draft-edit`);
    await page.waitForSelector(`#d${b.id}-editor`);
    assert.equal(await page.$(`#d${a.id}-editor`), null, 'clean editor closed at once');

    // Unsaved edits in b: opening a stops at a confirmation inside b's editor.
    await page.fill(`#d${b.id}-killed`, '5');
    await page.click(`${card(a.id)} .draft-edit`);
    await page.waitForSelector(confirmIn(b.id), { state: 'visible' });
    assert.match(await page.textContent(confirmIn(b.id)), new RegExp(`#${b.id} has unsaved changes`));
    assert.equal(await page.evaluate(() => document.activeElement.className), 'btn btn-small discard-no', 'focus on the safe choice');
    assert.equal(await page.$(`#d${a.id}-editor`), null, 'a not opened yet');
    await page.screenshot({ path: path.join(ARTIFACTS, 'editor-discard.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector(confirmIn(b.id), { state: 'detached' });
    assert.equal(await page.inputValue(`#d${b.id}-killed`), '5', 'Escape keeps the edits');
    assert.equal(await page.isVisible('#review'), true, 'Escape in the question does not close the panel');

    // Discarding opens a, and b's stored draft is unchanged.
    await page.click(`${card(a.id)} .draft-edit`);
    await page.click(`${confirmIn(b.id)} .discard-yes`);
    await page.waitForSelector(`#d${a.id}-editor`);
    assert.equal(await page.$(`#d${b.id}-editor`), null);
    assert.equal((await call(server, `${DRAFTS}/${b.id}`)).body.properties.killed, null, 'discarded, not saved');

    // Closing the panel with unsaved edits in a asks too; Keep editing keeps the panel.
    await page.fill(`#d${a.id}-summary_en`, 'Light weapons seized at a farm near Salqin.');
    await page.click('#review-close');
    await page.waitForSelector(confirmIn(a.id), { state: 'visible' });
    assert.equal(await page.isVisible('#review'), true, 'panel still open');
    await page.click(`${confirmIn(a.id)} .discard-no`);
    assert.equal(await page.evaluate(() => document.activeElement.className), 'btn draft-save', 'back at Save');
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'Saved.', `${card(a.id)} .draft-msg`);
    // Saved edits are not "unsaved": the panel now closes at once.
    await page.click('#review-close');
    await page.waitForSelector('#review', { state: 'hidden' });
    assert.equal((await call(server, `${DRAFTS}/${a.id}`)).body.properties.summary_en, 'Light weapons seized at a farm near Salqin.');
    assertClean(seen);
    await context.close();
  });
});
