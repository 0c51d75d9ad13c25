// Many incidents in a real browser against the real server: zoomed out, or wherever the
// view holds more than a few thousand incidents, the page asks the server to count them
// per cell (/api/collections/incidents/aggregate) and never pulls a big set of points;
// zoomed in on a quieter area it draws points again. The legend counts come from the
// aggregate, so they go past the items endpoint's 10,000 cap.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, ROOT } from './server.mjs';
import { launch, openPage, settled, pageItemsURL } from './browser.mjs';
import { assertClean } from './review.mjs';

const TYPES = ['airstrike', 'shelling', 'bombing', 'armed_attack', 'clash', 'kidnapping', 'arrest', 'weapons_seizure', 'other'];
const DAMASCUS = 11000; // clustered within ±0.1° of Damascus
const SPREAD = 1000; // spread over western and central Syria
const AGGREGATE = '/api/collections/incidents/aggregate';
const ITEMS = '/api/collections/incidents/items';

let server;
let browser;
let dir;

// synthetic writes DAMASCUS + SPREAD made-up incidents as newline-delimited GeoJSON
// (a fixed pseudo-random sequence, so every run imports the same ones).
function synthetic(file) {
  let seed = 7;
  const rnd = () => { seed = (seed * 48271) % 2147483647; return seed / 2147483647; };
  const lines = [];
  for (let i = 0; i < DAMASCUS + SPREAD; i++) {
    const near = i < DAMASCUS;
    const lon = near ? 36.29 + (rnd() - 0.5) * 0.2 : 36.3 + rnd() * 2.2;
    const lat = near ? 33.51 + (rnd() - 0.5) * 0.2 : 33.6 + rnd() * 2.8;
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(JSON.stringify({
      type: 'Feature', geometry: { type: 'Point', coordinates: [Number(lon.toFixed(5)), Number(lat.toFixed(5))] },
      properties: {
        incident_type: TYPES[i % TYPES.length], date_from: day, date_to: day, date_precision: 'day',
        place_name_en: `Synthetic ${i}`, place_name_ar: `موقع تجريبي ${i}`, geo_precision: 'town',
        summary_en: 'Synthetic incident for the browser tests.', status: 'published', sources: [],
      },
    }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

// watch records the incident API requests a page makes.
function watch(page) {
  const urls = [];
  page.on('request', (r) => { if (r.url().includes('/api/collections/incidents/')) urls.push(new URL(r.url())); });
  return urls;
}

async function open(hash = '') {
  const o = await openPage(browser);
  o.requests = watch(o.page);
  await o.page.goto(`${server.url}/${hash}`);
  await settled(o.page);
  return o;
}

const api = async (p) => (await fetch(new URL(p, server.url))).json();
const num = (s) => Number(s.replace(/\D/g, ''));

describe('zoomed-out views', { timeout: 240000 }, () => {
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mapsrv-e2e-agg-'));
    const file = path.join(dir, 'synthetic.ndjson');
    synthetic(file);
    server = await startServer({ extra: [file] });
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('at a low zoom the page draws counted cells from the aggregate, not items with a big limit', async () => {
    const { page, context, seen, requests } = await open();
    assert.equal(await page.evaluate(() => document.body.dataset.mode), 'cells');
    const zoom = Number(/map=([\d.]+)/.exec(await page.evaluate(() => location.hash))[1]);
    assert.ok(zoom < 8, `default view zoomed out: ${zoom}`);
    const aggs = requests.filter((u) => u.pathname === AGGREGATE);
    assert.ok(aggs.some((u) => u.searchParams.get('zoom') === String(Math.floor(zoom)) && u.searchParams.get('bbox')), 'asked the aggregate for the view');
    const big = requests.filter((u) => u.pathname === ITEMS && Number(u.searchParams.get('limit')) > 100);
    assert.deepEqual(big.map(String), [], 'no items request with a big limit');

    // The cells drawn are the aggregate's, merged where two would overlap on screen, and
    // together hold every incident in view.
    const view = aggs.filter((u) => u.searchParams.get('zoom') !== '0').at(-1);
    const agg = await api(view.pathname + view.search);
    assert.ok(agg.numberMatched > 10000, `view holds ${agg.numberMatched}`);
    const drawn = await page.$$eval('.agg-cell .cell-count', (cs) => cs.map((c) => c.textContent));
    assert.ok(drawn.length > 0 && drawn.length <= agg.features.length, `${drawn.length} circles for ${agg.features.length} cells`);
    assert.equal(drawn.reduce((s, c) => s + num(c), 0), agg.numberMatched);
    assert.equal(num(await page.textContent('#list-count')), agg.numberMatched);
    assert.ok((await page.$$eval('#incident-list > li', (l) => l.length)) <= 100, 'the list holds the latest page');

    // The legend counts come from the aggregate: past the 10,000 cap of items.
    const legend = await page.$$eval('.legend-item', (ls) => ls.map((l) => [l.dataset.type, l.querySelector('.legend-count').textContent]));
    const total = legend.reduce((s, [, c]) => s + num(c), 0);
    assert.equal(total, agg.numberMatched, `legend ${JSON.stringify(legend)}`);

    // The biggest circle's popup gives its count by type.
    const i = drawn.map(num).indexOf(Math.max(...drawn.map(num)));
    await page.locator('.agg-cell').nth(i).click();
    await page.waitForSelector('.leaflet-popup .cell-popup');
    const rows = await page.$$eval('.cell-types li', (ls) => ls.map((l) => [l.dataset.type, l.querySelector('.cell-n').textContent]));
    assert.equal(rows.reduce((s, [, n]) => s + num(n), 0), num(drawn[i]), 'the popup adds up to the circle');
    await page.waitForTimeout(300); // the popup fades in
    mkdirSync(path.join(ROOT, 'e2e', 'artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'e2e', 'artifacts', 'map-cells.png') });
    assertClean(seen);
    await context.close();
  });

  test('zoomed in, a busy city stays cells and a quieter area turns back into points', async () => {
    const busy = await open('#map=9/33.51/36.29');
    assert.equal(await busy.page.evaluate(() => document.body.dataset.mode), 'cells', 'over 5,000 in view at zoom 9');
    assert.deepEqual(busy.requests.filter((u) => u.pathname === ITEMS && Number(u.searchParams.get('limit')) > 100).map(String), []);
    await busy.context.close();

    const { page, context, seen, requests } = await open('#map=10/35.6/37.0');
    assert.equal(await page.evaluate(() => document.body.dataset.mode), 'points');
    const items = await api(await pageItemsURL(page));
    assert.ok(items.features.length > 0 && items.features.length <= 5000, `${items.features.length} in view`);
    // The points come in one page, of 1,000 when that holds them (the server's queue for
    // small pages), else of 10,000.
    const limit = items.features.length <= 1000 ? '1000' : '10000';
    assert.ok(requests.some((u) => u.pathname === ITEMS && u.searchParams.get('limit') === limit), `points fetched with limit ${limit}`);
    assert.equal(await page.$$eval('.agg-cell', (c) => c.length), 0, 'no cells left');
    assert.equal(num(await page.textContent('#list-count')), items.features.length);
    // Zooming out from there switches to cells again.
    await page.evaluate(() => { location.hash = 'map=6.5/35/38'; });
    await page.waitForFunction(() => document.body.dataset.mode === 'cells' && document.querySelector('.agg-cell'));
    assertClean(seen);
    await context.close();
  });
});
