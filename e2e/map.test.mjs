// The map page in a real browser (Debian chromium) against the real mapsrv server with a
// temp database: seed incidents plus one incident whose text fields hold HTML/JS payloads.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from './server.mjs';
import { launch, openPage, settled, listIds, pageItemsURL } from './browser.mjs';

const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
const PAYLOAD = '<img src=x onerror=alert(1)>';

let server;
let browser;
const api = async (p) => {
  const res = await fetch(new URL(p, server.url));
  assert.equal(res.status, 200, `GET ${p}: status ${res.status}`);
  return res.json();
};
const idsOf = (fc) => (Array.isArray(fc) ? fc : fc.features).map((f) => String(f.id));
const sorted = (a) => [...a].sort();

// open loads a page at hash and waits until its incidents are drawn.
async function open(hash = '', opts) {
  const o = await openPage(browser, opts);
  await o.page.goto(`${server.url}/${hash}`);
  await settled(o.page);
  return o;
}

// changed waits until the page's items URL contains part, then until it is drawn.
async function changed(page, part) {
  await page.waitForFunction((p) => document.getElementById('export-geojson').getAttribute('href').includes(p), part);
  await settled(page);
}

function assertClean(seen) {
  assert.deepEqual(seen.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(seen.consoleErrors, [], 'console errors');
  assert.deepEqual(seen.dialogs, [], 'dialogs opened');
}

// hashView reads map=ZOOM/LAT/LON from the page's URL.
async function hashView(page) {
  const hash = await page.evaluate(() => location.hash);
  const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash);
  assert.ok(m, `no map= in hash ${hash}`);
  return { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]), hash };
}

describe('map page', { timeout: 240000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('loads with no console errors, no outside network, and the governorate outline', async () => {
    const { page, context, seen } = await open();
    const govs = await api('/api/collections/governorates/items');
    assert.ok(govs.features.length >= 14, `want 14 governorates, API has ${govs.features.length}`);
    await page.waitForFunction((n) => document.querySelectorAll('path.gov-outline').length >= n, govs.features.length);
    const nonTile = seen.external.filter((u) => !u.startsWith('https://tile.openstreetmap.org/'));
    assert.deepEqual(nonTile, [], 'requests to hosts other than 127.0.0.1 and the OSM tiles');
    // With tiles blocked the page must still be readable: land drawn from our own outline.
    await page.waitForSelector('path.gov-land', { timeout: 10000 });
    assert.equal(await page.isVisible('#tiles-note'), true, 'tiles-unreachable note visible');
    assertClean(seen);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'map.png') });
    await context.close();
  });

  test('shows exactly the incidents the API returns for the view', async () => {
    const { page, context, seen } = await open();
    const all = await api('/api/collections/incidents/items?limit=10000');
    assert.ok(all.features.length >= 10, `seed + fixture: want >= 10 incidents, got ${all.features.length}`);
    const inView = await api(await pageItemsURL(page));
    assert.ok(inView.features.length > 0, 'no incident in the default view');
    const bbox = new URL(await pageItemsURL(page), server.url).searchParams.get('bbox').split(',').map(Number);
    const inside = all.features.filter(({ geometry: { coordinates: [lon, lat] } }) => (
      lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]));
    assert.deepEqual(sorted(idsOf(inView)), sorted(idsOf(inside)), 'API bbox result vs incidents inside the view');
    assert.deepEqual(sorted(await listIds(page)), sorted(idsOf(inView)), 'side list vs API');
    assert.equal(await page.textContent('#list-count'), String(inView.features.length));
    const onMap = await page.evaluate(() => {
      const singles = document.querySelectorAll('.leaflet-marker-icon.inc-icon').length;
      const clustered = [...document.querySelectorAll('.cluster-count')]
        .reduce((n, c) => n + Number(c.textContent.replace(/\D/g, '')), 0);
      return singles + clustered;
    });
    const mappable = inView.features.filter((f) => f.properties.geo_precision !== 'country').length;
    assert.equal(onMap, mappable, 'markers (single + clustered) vs mappable incidents');
    assertClean(seen);
    await context.close();
  });

  test('area incidents are drawn as areas, not exact pins', async (t) => {
    const { page, context } = await open();
    const inView = await api(await pageItemsURL(page));
    const vague = inView.features.filter((f) => ['district', 'governorate'].includes(f.properties.geo_precision));
    if (vague.length === 0) {
      t.skip('no district/governorate-precision incident in the data');
      await context.close();
      return;
    }
    await page.waitForSelector('path.inc-area');
    const areas = await page.$$eval('path.inc-area', (ps) => ps.length);
    assert.ok(areas >= 1, `want translucent areas for ${vague.length} vague incidents, got ${areas}`);
    await context.close();
  });

  test('unticking a type and narrowing the dates refilter through the API', async () => {
    const { page, context, seen } = await open();
    const before = await api(await pageItemsURL(page));
    const counts = {};
    for (const f of before.features) counts[f.properties.incident_type] = (counts[f.properties.incident_type] || 0) + 1;
    const [type] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    // The legend's counts arrive by their own request after the map's page
    // ("–" until then): wait for them, not for the page alone.
    await page.waitForFunction((t) => {
      const el = document.querySelector(`.legend-item[data-type="${t}"] .legend-count`);
      return el && el.textContent !== '–';
    }, type);
    assert.equal(await page.textContent(`.legend-item[data-type="${type}"] .legend-count`), String(counts[type]), 'legend count');

    await page.getByRole('checkbox', { name: new RegExp(await page.textContent(`.legend-item[data-type="${type}"] .legend-name`)) }).uncheck();
    await changed(page, 'incident_type=');
    const untyped = await api(await pageItemsURL(page));
    assert.equal(untyped.features.length, before.features.length - counts[type], `unticking ${type}`);
    assert.equal(untyped.features.some((f) => f.properties.incident_type === type), false);
    assert.deepEqual(sorted(await listIds(page)), sorted(idsOf(untyped)));
    assert.equal(await page.$(`#incident-list li[data-type="${type}"]`), null, `no ${type} left in the list`);

    // The fixture (2025-10-01) and the church bombing (2025-06-22) fall outside these dates.
    await page.fill('#date-from', '2025-11-01');
    await page.fill('#date-to', '2025-12-31');
    await page.locator('#date-to').dispatchEvent('change');
    await changed(page, 'datetime=2025-11-01/2025-12-31');
    const narrowed = await api(await pageItemsURL(page));
    assert.ok(narrowed.features.length < untyped.features.length, 'narrowing the dates shows fewer incidents');
    for (const f of narrowed.features) {
      assert.ok(f.properties.date_to >= '2025-11-01' && f.properties.date_from <= '2025-12-31', `${f.id} outside dates`);
    }
    assert.deepEqual(sorted(await listIds(page)), sorted(idsOf(narrowed)));
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /from=2025-11-01/);
    assert.match(hash, /types=/);

    // The link reproduces the view: same filters, same incidents.
    const copy = await open(hash);
    assert.equal(await copy.page.inputValue('#date-from'), '2025-11-01');
    assert.equal(await copy.page.inputValue('#date-to'), '2025-12-31');
    assert.equal(await copy.page.isChecked(`#type-${type}`), false);
    assert.deepEqual(sorted(await listIds(copy.page)), sorted(idsOf(narrowed)));
    const a = await hashView(page);
    const b = await hashView(copy.page);
    assert.equal(b.zoom, a.zoom);
    assert.ok(Math.abs(a.lat - b.lat) < 0.01 && Math.abs(a.lon - b.lon) < 0.01, `${a.hash} vs ${b.hash}`);
    assertClean(seen);
    assertClean(copy.seen);
    await copy.context.close();
    await context.close();
  });

  test('dragging across the histogram and the play button set the dates', async () => {
    const { page, context, seen } = await open();
    await page.waitForSelector('#histogram rect.bar-hit'); // the chart comes after the incidents
    const box = await page.locator('#histogram svg').boundingBox();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await changed(page, 'datetime=');
    const from = await page.inputValue('#date-from');
    const to = await page.inputValue('#date-to');
    assert.match(from, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(to > from, `brushed ${from}..${to}`);
    assert.ok(new URL(await pageItemsURL(page), server.url).searchParams.get('datetime') === `${from}/${to}`);

    await page.click('#play');
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
    await page.waitForFunction((f) => document.getElementById('date-from').value !== f, from);
    const stepped = await page.inputValue('#date-from');
    await page.waitForFunction((f) => document.getElementById('date-from').value !== f, stepped, { timeout: 5000 });
    await page.click('#play');
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
    await settled(page);
    const shown = await api(await pageItemsURL(page));
    assert.deepEqual(sorted(await listIds(page)), sorted(idsOf(shown)), 'list matches the API after playing');
    assertClean(seen);
    await context.close();
  });

  test('a permalink #incident=ID opens that incident', async () => {
    const all = await api('/api/collections/incidents/items?limit=10000');
    const target = all.features.find((f) => f.properties.geo_precision !== 'country' && f.properties.summary_en && !f.properties.summary_en.includes('<'));
    const { page, context, seen } = await open(`#incident=${target.id}`);
    await page.waitForSelector(`.leaflet-popup .popup[data-id="${target.id}"]`);
    const text = await page.textContent('.leaflet-popup .popup');
    assert.ok(text.includes(target.properties.summary_en), 'popup shows the summary');
    const v = await hashView(page);
    const [lon, lat] = target.geometry.coordinates;
    assert.ok(v.zoom >= 8, `zoomed in: ${v.hash}`);
    assert.ok(Math.abs(v.lat - lat) < 1 && Math.abs(v.lon - lon) < 1, `centred near the incident: ${v.hash}`);
    assert.match(await page.getAttribute(`#incident-list li[data-id="${target.id}"]`, 'class'), /selected/);
    assertClean(seen);
    await context.close();
  });

  test('an open popup stays while the view reloads without its incident, and goes when closed', async () => {
    // A popup that pans the map to fit can push its marker out of the view fetched next;
    // a filter can leave it out too. The incident being read stays drawn until its popup
    // closes, and only then goes.
    const all = await api('/api/collections/incidents/items?limit=10000');
    const target = all.features.find((f) => f.properties.geo_precision === 'town' && f.properties.place_name_en && !/[<"]/.test(f.properties.place_name_en + f.properties.summary_en));
    const { page, context, seen } = await open(`#incident=${target.id}`);
    const popup = `.leaflet-popup .popup[data-id="${target.id}"]`;
    await page.waitForSelector(popup);
    const type = target.properties.incident_type;
    await page.getByRole('checkbox', { name: new RegExp(await page.textContent(`.legend-item[data-type="${type}"] .legend-name`)) }).uncheck();
    await changed(page, 'incident_type=');
    await settled(page);
    assert.equal(await page.$(`#incident-list li[data-id="${target.id}"]`), null, 'the reloaded view leaves it out');
    assert.ok(await page.$(popup), 'the popup is still open');
    const marker = `.leaflet-marker-icon[title*="${target.properties.place_name_en.replace(/"/g, '\\"')}"]`;
    assert.ok(await page.$(marker), 'its marker is still drawn');
    await page.click('.leaflet-popup-close-button');
    await page.waitForSelector(popup, { state: 'detached' });
    await page.waitForSelector(marker, { state: 'detached', timeout: 5000 });
    assertClean(seen);
    await context.close();
  });

  test('a source without a link says it is an offline report, in both languages', async () => {
    const all = await api('/api/collections/incidents/items?limit=10000');
    const seed = all.features.find((f) => f.properties.geo_precision !== 'country' && f.properties.sources.length
      && f.properties.sources.every((s) => !s.url));
    assert.ok(seed, 'a seed incident whose sources have no URL');
    const { page, context, seen } = await open(`#incident=${seed.id}`);
    await page.waitForSelector(`.leaflet-popup .popup[data-id="${seed.id}"]`);
    const items = await page.$$eval('.leaflet-popup .sources li', (lis) => lis.map((li) => ({
      text: li.textContent, links: li.querySelectorAll('a').length, note: li.querySelector('.unlinked')?.textContent,
    })));
    assert.equal(items.length, seed.properties.sources.length);
    for (const [i, it] of items.entries()) {
      assert.ok(it.text.includes(seed.properties.sources[i].title), 'title shown');
      assert.equal(it.links, 0, 'no link for a source without a URL');
      assert.equal(it.note, '(offline report, no link)');
    }
    assertClean(seen);
    await context.close();
    const ar = await open(`#lang=ar&incident=${seed.id}`);
    await ar.page.waitForSelector(`.leaflet-popup .popup[data-id="${seed.id}"]`);
    assert.match(await ar.page.textContent('.leaflet-popup .sources .unlinked'), /بلا رابط/);
    assertClean(ar.seen);
    await ar.context.close();
  });

  test('the search box flies to a place', async () => {
    const { page, context, seen } = await open();
    const found = await api(`/api/places?q=${encodeURIComponent('سراقب')}&limit=8`);
    assert.ok(found.places.length > 0, 'the gazetteer knows سراقب');
    const place = found.places[0];
    await page.fill('#search-input', 'سراقب');
    await page.waitForSelector('#search-results [role="option"][data-index="0"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(([la, lo]) => {
      const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(location.hash);
      return m && Number(m[1]) >= 10 && Math.abs(m[2] - la) < 0.02 && Math.abs(m[3] - lo) < 0.02;
    }, [place.lat, place.lon], { timeout: 10000 });
    assertClean(seen);
    await context.close();
  });

  test('HTML in summaries, places and sources shows as text and never runs', async () => {
    const all = await api('/api/collections/incidents/items?limit=10000');
    const evil = all.features.find((f) => f.properties.place_name_en === PAYLOAD);
    assert.ok(evil, 'fixture incident imported');
    const { page, context, seen } = await open(`#incident=${evil.id}`);
    await page.waitForSelector(`.leaflet-popup .popup[data-id="${evil.id}"]`);
    const popup = await page.textContent('.leaflet-popup .popup');
    assert.ok(popup.includes(evil.properties.summary_en), 'summary shown verbatim as text');
    assert.ok(popup.includes(PAYLOAD), 'place name shown verbatim as text');
    const item = await page.textContent(`#incident-list li[data-id="${evil.id}"]`);
    assert.ok(item.includes(PAYLOAD), 'list entry shows the payload as text');
    assert.equal(await page.$('img[src="x"]'), null, 'no <img src=x> element created');
    assert.equal(await page.$('a[href^="javascript:"]'), null, 'javascript: URL not made a link');
    assert.equal(await page.$eval('.leaflet-popup .sources', (s) => s.querySelectorAll('a[href="https://example.org/report"]').length), 1);
    assert.equal(await page.$eval('.leaflet-popup .sources', (s) => s.querySelectorAll('.unlinked').length), 1,
      'only the source without a URL is marked offline');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'script payload ran');
    await page.click('#lang-toggle');
    await page.waitForSelector(`#incident-list li[data-id="${evil.id}"] .incident-summary[lang="ar"]`);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'script payload ran (Arabic)');
    assertClean(seen);
    await context.close();
  });

  test('the Arabic interface is right-to-left and shows Arabic summaries', async () => {
    const { page, context, seen } = await open();
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.match(await page.evaluate(() => location.hash), /lang=ar/);
    assert.match(await page.textContent('h1'), /[\u0600-\u06FF]/, 'title in Arabic');
    const fc = await api(await pageItemsURL(page));
    const f = fc.features.find((x) => x.properties.summary_ar);
    const shown = await page.textContent(`#incident-list li[data-id="${f.id}"] .incident-summary`);
    assert.equal(shown, f.properties.summary_ar);
    // The side panel sits on the left in RTL.
    const map = await page.locator('#map').boundingBox();
    const panel = await page.locator('#panel').boundingBox();
    assert.ok(panel.x < map.x, 'panel left of the map in RTL');
    const copy = await open('#lang=ar');
    assert.equal(await copy.page.getAttribute('html', 'dir'), 'rtl', 'lang=ar in a link gives RTL');
    await copy.page.screenshot({ path: path.join(ARTIFACTS, 'map-ar.png') });
    assertClean(seen);
    assertClean(copy.seen);
    await copy.context.close();
    await context.close();
  });

  test('on a phone-sized screen the panel collapses and opens', async () => {
    const { page, context, seen } = await open('', { viewport: { width: 390, height: 800 } });
    assert.equal(await page.isVisible('#incident-list'), false, 'panel collapsed');
    await page.click('#panel-toggle');
    await page.waitForSelector('#incident-list li', { state: 'visible' });
    assert.equal(await page.getAttribute('#panel-toggle', 'aria-expanded'), 'true');
    assertClean(seen);
    await context.close();
  });
});
