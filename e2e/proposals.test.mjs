// Proposed sources in a real browser against the real server: a report restating a
// published incident, sent with an ingest token under another URL and publisher, changes
// nothing public; the editor sees it under "Proposed sources" and accepts or rejects it.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, EDITOR_TOKEN, INGEST_TOKEN } from './server.mjs';
import { launch, openPage, settled } from './browser.mjs';
import { DRAFTS, INCIDENTS, assertClean, signIn, ingest, call } from './review.mjs';

// Reports written for this test (not news text): an arrest at Saraqib's entrance, then
// two restatements of it.
const FIRST = 'أوقفت دورية أمنية رجلين عند مدخل مدينة سراقب يوم 15 كانون الثاني 2026 بعد العثور على بنادق في سيارتهما.';
const AGAIN = 'أفادت مصادر محلية بأن دورية أمنية أوقفت رجلين عند مدخل مدينة سراقب يوم 15 كانون الثاني 2026 بعد العثور على بنادق في سيارتهما.';
const PAYLOAD = '<img src=x onerror=alert(1)>';

let server;
let browser;

// ingestAPI posts a report with the ingest token and resolves to the API's answer.
async function ingestAPI(text, source) {
  const res = await fetch(new URL('/api/ingest', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${INGEST_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, published: '2026-01-16', source }),
  });
  assert.ok(res.ok, `ingest ${res.status}`);
  return res.json();
}

const publicItem = async (id) => (await fetch(new URL(`${INCIDENTS}/${id}`, server.url))).json();

describe('proposed sources', { timeout: 120000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a restating report waits for an editor; accept links it, reject drops it', async () => {
    const first = await ingestAPI(FIRST, { title: 'First report', url: 'https://example.org/e2e/first' });
    assert.equal(first.drafts.length, 1);
    const id = first.drafts[0].id;
    const pub = await fetch(new URL(`${DRAFTS}/${id}`, server.url), {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ properties: { status: 'published' } }),
    });
    assert.equal(pub.status, 200);
    const before = await publicItem(id);

    // From an ingest token: another URL, a made-up publisher, markup in the title.
    const fake = await ingestAPI(AGAIN, { title: `Restated ${PAYLOAD}`, url: 'https://attacker.example/fake', publisher: 'Fake Agency' });
    assert.deepEqual(fake.drafts, []);
    assert.deepEqual(fake.proposed.map((f) => f.id), [id]);
    assert.deepEqual(await publicItem(id), before, 'the public incident is unchanged');
    assert.equal((await call(server, '/api/proposals', { tok: '' })).status, 401, 'proposals are for editors');

    const { page, context, seen } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await settled(page);
    assert.equal(await page.isVisible('#proposals'), false, 'a visitor sees no proposals');
    await signIn(page);
    const [proposal] = (await call(server, '/api/proposals')).body.proposals;
    const item = `#proposal-list li[data-id="${proposal.id}"]`;
    await page.waitForSelector(item);
    const text = await page.textContent(item);
    assert.ok(text.includes(`Restated ${PAYLOAD}`) && text.includes('Fake Agency') && text.includes(`#${id}`), text);
    assert.equal(await page.$(`${item} img`), null, 'the title is text, not markup');

    // A second restatement, pasted by the editor in the page, is proposed too.
    assert.match(await ingest(page, AGAIN, { url: 'https://example.org/e2e/second', title: 'Second report', published: '2026-01-16' }),
      new RegExp(`^Matches published incident #${id}: proposed as its source`), 'the result names the incident it matches');
    await page.waitForFunction(() => document.querySelectorAll('#proposal-list li').length === 2);
    assert.equal(await page.textContent('#proposals-count'), '2');

    // Reject the fake: nothing public changes. Accept the second: the public incident cites it.
    await page.click(`${item} .proposal-reject`);
    await page.waitForSelector(item, { state: 'detached' });
    assert.match(await page.textContent('#proposals-status'), new RegExp(`incident #${id} rejected`));
    assert.deepEqual(await publicItem(id), before, 'rejected: the public incident is unchanged');
    await page.click('#proposal-list li .proposal-accept');
    await page.waitForFunction(() => document.querySelectorAll('#proposal-list li').length === 0);
    assert.match(await page.textContent('#proposals-status'), new RegExp(`Source added to incident #${id}`));
    const after = await publicItem(id);
    assert.deepEqual(after.properties.sources.map((s) => s.url), ['https://example.org/e2e/first', 'https://example.org/e2e/second']);
    assert.equal(await page.isVisible('#proposals-empty'), true);
    assertClean(seen);
    await context.close();
  });

  test('a queue longer than a page: the first page, then the rest once it is resolved', async () => {
    // 101 restatements of the incident published above: the API answers 100 at a time.
    for (let i = 0; i < 101; i++) {
      const res = await ingestAPI(AGAIN, { title: `Restatement ${i}`, url: `https://example.org/e2e/many/${i}` });
      assert.equal(res.proposed.length, 1);
    }
    const { page, context, seen } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await settled(page);
    await signIn(page);
    await page.waitForFunction(() => document.querySelectorAll('#proposal-list li').length === 100);
    assert.equal(await page.textContent('#proposals-count'), '100+');
    assert.equal(await page.isVisible('#proposals-more'), true, 'the panel says more are waiting');
    assert.equal(await page.isVisible('#proposals-empty'), false);
    // Every one of the page rejected: the next page (the 101st) is loaded.
    await page.$$eval('#proposal-list .proposal-reject', (buttons) => buttons.forEach((b) => b.click()));
    await page.waitForFunction(() => document.querySelectorAll('#proposal-list li').length === 1
      && document.getElementById('proposals-count').textContent === '1', null, { timeout: 30000 });
    assert.equal(await page.isVisible('#proposals-more'), false);
    assert.match(await page.textContent('#proposal-list li'), /Restatement 100/);
    assertClean(seen);
    await context.close();
  });
});
