// What a conflict analyst reaches for, in a real browser against the real server with the
// seed incidents (issue 15): the legend as a filter with a shape per type, a list whose
// dates and IDs never collide, filters in the permalink, the choropleth, live updates, the
// review panel's messages, dates and scale in the interface's language, and the offline
// map's countries and labels.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, EDITOR_TOKEN } from './server.mjs';
import { launch, openPage, settled, listIds } from './browser.mjs';
import { assertClean, signIn, ingest, card } from './review.mjs';

const TYPES = ['airstrike', 'shelling', 'bombing', 'armed_attack', 'clash', 'kidnapping', 'arrest', 'weapons_seizure', 'other'];
const OKABE_ITO = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
const ITEMS = '/api/collections/incidents/items';

let server;
let browser;

async function open(hash = '', opts) {
  const o = await openPage(browser, opts);
  o.requests = [];
  o.page.on('request', (r) => { if (r.url().includes('/api/')) o.requests.push(new URL(r.url())); });
  await o.page.goto(`${server.url}/${hash}`);
  await settled(o.page);
  return o;
}

const api = async (p) => {
  const res = await fetch(new URL(p, server.url));
  assert.equal(res.status, 200, `GET ${p}: ${res.status}`);
  return res.json();
};
const exportHref = (page) => page.getAttribute('#export-geojson', 'href');
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// changed waits until the page's export URL matches re, then until it is drawn.
async function changed(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(decodeURIComponent(document.getElementById('export-geojson').getAttribute('href'))), re.source);
  await settled(page);
}

describe('the map analysts reach for', { timeout: 300000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('legend: a shape and an Okabe–Ito colour per type; the name shows only that type; the box adds or removes it; no name cut off', async () => {
    const { page, context, seen } = await open();
    const legend = await page.$$eval('#legend .legend-item', (items) => items.map((it) => {
      const shape = it.querySelector('svg.swatch > *');
      const name = it.querySelector('.legend-name');
      return {
        type: it.dataset.type, tag: shape.tagName, points: shape.getAttribute('points') || shape.getAttribute('width') || 'circle',
        fill: shape.getAttribute('fill'), cut: name.scrollWidth > name.clientWidth + 1, text: name.textContent,
      };
    }));
    assert.deepEqual(legend.map((l) => l.type), TYPES);
    assert.equal(new Set(legend.map((l) => `${l.tag}:${l.points}`)).size, TYPES.length, 'every type has its own shape');
    assert.equal(new Set(legend.map((l) => l.fill)).size, TYPES.length, 'and its own colour');
    for (const l of legend.filter((x) => x.type !== 'other')) assert.ok(OKABE_ITO.includes(l.fill), `${l.type}: ${l.fill} is not an Okabe–Ito colour`);
    assert.deepEqual(legend.filter((l) => l.cut).map((l) => l.text), [], 'legend names cut off');

    await page.click('.legend-item[data-type="arrest"] .legend-only');
    await changed(page, /incident_type=arrest(&|$)/);
    assert.match(await page.evaluate(() => location.hash), /types=arrest(&|$)/);
    const arrests = await api(await exportHref(page));
    assert.ok(arrests.features.length > 0 && arrests.features.every((f) => f.properties.incident_type === 'arrest'));
    assert.deepEqual((await listIds(page)).sort(), arrests.features.map((f) => String(f.id)).sort());
    assert.equal(await page.getAttribute('.legend-item[data-type="arrest"] .legend-only', 'aria-pressed'), 'true');
    await page.check('.legend-item[data-type="bombing"] input');
    await changed(page, /incident_type=bombing,arrest|incident_type=arrest,bombing/);
    await page.click('.legend-item[data-type="bombing"] .legend-only');
    await changed(page, /incident_type=bombing(&|$)/);
    await page.click('.legend-item[data-type="bombing"] .legend-only'); // the only type again: every type
    await page.waitForFunction(() => !document.getElementById('export-geojson').getAttribute('href').includes('incident_type'));
    await settled(page);
    assertClean(seen);
    await context.close();
  });

  test('side list: the date and the incident ID never run into each other, in either language', async () => {
    for (const lang of ['en', 'ar']) {
      const { page, context } = await open(`#lang=${lang}`, { viewport: { width: 390, height: 844 } });
      await page.click('#panel-toggle');
      await page.waitForSelector('#incident-list li', { state: 'visible' });
      const boxes = await page.$$eval('#incident-list li', (lis) => lis.map((li) => {
        const r = (el) => { const b = el.getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height }; };
        return { id: li.dataset.id, time: r(li.querySelector('time')), link: r(li.querySelector('.incident-link')) };
      }));
      assert.ok(boxes.length >= 9);
      for (const b of boxes) assert.equal(overlap(b.time, b.link), false, `${lang}: incident ${b.id}'s date runs into its ID`);
      await context.close();
    }
  });

  test('filters: words, governorate and killed reach every request and the permalink, and a reload restores them', async () => {
    const { page, context, seen, requests } = await open();
    await page.selectOption('#filter-gov', 'SY07');
    await changed(page, /admin1_pcode=SY07/);
    await page.fill('#filter-q', 'سراقب');
    await changed(page, /q=سراقب/);
    const hash = await page.evaluate(() => location.hash);
    assert.match(decodeURIComponent(hash), /gov=SY07/);
    assert.match(decodeURIComponent(hash), /q=سراقب/);
    const got = await api(await exportHref(page));
    assert.deepEqual(got.features.map((f) => f.properties.place_name_en), ['Saraqib']);
    assert.deepEqual(await listIds(page), got.features.map((f) => String(f.id)));
    for (const path of ['/aggregate', '/histogram', '/export']) {
      assert.ok(requests.some((u) => u.pathname.endsWith(path) && u.searchParams.get('admin1_pcode') === 'SY07'
        && u.searchParams.get('q') === 'سراقب') || (path === '/export'), `${path} got the filters`);
    }
    await page.fill('#filter-q', '');
    await page.fill('#filter-killed', '1');
    await page.press('#filter-killed', 'Enter');
    await page.locator('#filter-killed').dispatchEvent('change');
    await changed(page, /min_killed=1/);
    const killed = await api(await exportHref(page));
    assert.ok(killed.features.every((f) => f.properties.killed >= 1));
    const url = await page.evaluate(() => location.href);
    const again = await open(url.slice(url.indexOf('#')));
    assert.equal(await again.page.inputValue('#filter-gov'), 'SY07');
    assert.equal(await again.page.inputValue('#filter-killed'), '1');
    assert.equal(await again.page.getAttribute('#export-geojson', 'href'), await exportHref(page));
    await page.fill('#filter-q', 'ab');
    await page.waitForSelector('#filter-error', { state: 'visible' });
    assertClean(seen);
    await again.context.close();
    await context.close();
  });

  test('choropleth: governorates shaded by incidents or killed, with a key; clicking one filters by it', async () => {
    const { page, context, seen } = await open('#show=governorates');
    await page.waitForSelector('path.choro-area');
    assert.equal(await page.$$eval('path.choro-area', (p) => p.length), 14);
    const counts = await api('/api/collections/incidents/counts?by=governorate');
    const idlib = counts.areas.find((a) => a.pcode === 'SY07');
    assert.ok(idlib.count >= 4);
    const fills = await page.$$eval('path.choro-area', (p) => new Set(p.map((x) => x.getAttribute('fill'))).size);
    assert.ok(fills >= 3, `only ${fills} shades`);
    assert.match(await page.textContent('.choro-key'), /Incidents per governorate/);
    await page.click('#shade-mode label:has(input[value="killed"])');
    await page.waitForFunction(() => /Killed per governorate/.test(document.querySelector('.choro-key')?.textContent || ''));
    assert.match(await page.evaluate(() => location.hash), /show=governorates&shade=killed/);
    await page.click('#show-mode label:has(input[value=""])');
    await page.waitForFunction(() => !document.querySelector('path.choro-area'));
    assertClean(seen);
    await context.close();
  });

  test('districts: OCHA outlines offline, a district filter in the permalink, a district choropleth with names', async () => {
    const { page, context, seen } = await open('#show=districts');
    await page.waitForFunction(() => document.querySelectorAll('path.choro-area').length >= 60);
    assert.ok(Number(await page.evaluate(() => document.body.dataset.choroLabels)) >= 5, 'districts named on the choropleth');
    assert.ok((await page.$$eval('path.district-outline', (p) => p.length)) >= 60, 'district outlines on the offline map');
    const counts = await api('/api/collections/incidents/counts?by=district');
    const busiest = counts.areas.filter((a) => a.pcode).sort((a, b) => b.count - a.count)[0];
    await page.click('#show-mode label:has(input[value=""])');
    await page.selectOption('#filter-district', busiest.pcode);
    await changed(page, new RegExp(`admin2_pcode=${busiest.pcode}`));
    assert.match(await page.evaluate(() => location.hash), new RegExp(`district=${busiest.pcode}`));
    assert.equal(await page.inputValue('#filter-gov'), busiest.pcode.slice(0, 4), 'its governorate is chosen with it');
    const inDistrict = await api(`${ITEMS}?admin2_pcode=${busiest.pcode}&limit=100`);
    assert.equal(inDistrict.features.length, busiest.count);
    assert.ok(inDistrict.features.every((f) => f.properties.admin2_pcode === busiest.pcode));
    assert.deepEqual((await listIds(page)).sort(), inDistrict.features.map((f) => String(f.id)).sort());
    assertClean(seen);
    await context.close();
  });

  test('live: an incident published while the page is open shows within seconds, with a new badge', async () => {
    const { page, context, seen } = await open('#map=9/35.9/36.75');
    await page.waitForFunction(() => document.body.dataset.version);
    const body = {
      type: 'Feature', geometry: { type: 'Point', coordinates: [36.75, 35.95] },
      properties: {
        incident_type: 'clash', date_from: '2025-12-11', date_to: '2025-12-11', date_precision: 'day',
        place_name_en: 'Live test', place_name_ar: 'اختبار مباشر', admin1_pcode: 'SY07', geo_precision: 'town',
        summary_en: 'Published while the map was open.', status: 'published', sources: [],
      },
    };
    const res = await fetch(new URL(ITEMS, server.url), {
      method: 'POST', body: JSON.stringify(body),
      headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': 'application/geo+json' },
    });
    assert.equal(res.status, 201);
    const { id } = await res.json();
    const t0 = Date.now();
    await page.waitForSelector(`#incident-list li[data-id="${id}"] .new-badge`, { timeout: 10000 });
    console.log(`live: published incident listed with its badge after ${Date.now() - t0} ms`);
    assert.equal(await page.textContent(`#incident-list li[data-id="${id}"] .new-badge`), 'new');
    assertClean(seen);
    await context.close();
  });

  test('play: a week a frame, the week on the map, incidents known only as a longer range drawn faint', async () => {
    const { page, context, seen } = await open('#map=9/36.1/36.75&from=2025-12-01&to=2025-12-07');
    await page.waitForSelector('#histogram rect.bar-hit'); // the chart comes after the incidents
    await page.click('#play');
    await page.waitForFunction(() => /datetime=2025-12-08\/2025-12-14/.test(document.getElementById('export-geojson').getAttribute('href')));
    await settled(page);
    assert.equal(await page.textContent('#map-date'), 'week of 8 Dec 2025');
    // Dana's arrests are known only as 1–10 December: more than a week.
    await page.waitForSelector('.inc-symbol.faint');
    const faint = await page.$$eval('.leaflet-marker-icon.inc-icon', (m) => m.filter((x) => x.querySelector('.faint')).map((x) => x.title));
    assert.ok(faint.some((t) => /Dana/.test(t)), `faint: ${faint}`);
    await page.click('#play');
    await page.waitForFunction(() => !document.querySelector('.inc-symbol.faint'));
    assertClean(seen);
    await context.close();
  });

  test('dates, the time axis and the scale read in the interface language', async () => {
    const { page, context, seen } = await open('#lang=ar&from=2025-11-24&to=2025-12-10');
    await page.waitForSelector('#histogram rect.bar-hit');
    const digits = async (id) => (await page.textContent(id)).replace(/[\u200e\u200f]/g, '');
    assert.equal(await digits('#date-from-text'), '24/11/2025');
    assert.equal(await digits('#date-to-text'), '10/12/2025');
    assert.match(await page.getAttribute('#histogram', 'aria-valuetext'), /تشرين الثاني 2025/, 'the brush reads the dates in Arabic');
    assert.match(await page.textContent('.leaflet-control-scale-line'), /^\d+ (كم|م)$/);
    assert.equal(await page.getAttribute('.leaflet-control-scale', 'dir'), 'ltr');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => /Nov 2025/.test(document.getElementById('date-from-text').textContent));
    assert.match(await page.textContent('.leaflet-control-scale-line'), /^\d+ (km|m)$/);
    assertClean(seen);
    await context.close();
  });

  test('review: a report matching a published incident says so by number; errors in words people use; names alone, one governorate name', async () => {
    const { page, context, seen } = await open();
    await signIn(page);
    await page.click('#ingest-submit');
    await page.waitForSelector('#report-text-err', { state: 'visible' });
    assert.equal(await page.textContent('#report-text-err'), 'Paste the report’s text first.');
    await page.fill('#report-text', 'اعتقلت دورية شخصين في مدينة حمص يوم 2 كانون الثاني 2026.');
    await page.click('#ingest-submit');
    await page.waitForSelector('#source-title-err', { state: 'visible' });
    assert.match(await page.textContent('#source-title-err'), /link or its title/);

    // Written for this test: the arrest in Badrousiya of the seed, told again.
    const again = 'اعتقلت قوات الأمن شابين في بلدة البدروسية بريف اللاذقية يوم 24 تشرين الثاني 2025.';
    const seedArrest = (await api(`${ITEMS}?bbox=35.85,35.85,35.95,35.95&incident_type=arrest`)).features[0];
    const line = await ingest(page, again, { url: 'https://example.org/e2e/badrousiya-again', published: '2025-11-25' });
    assert.match(line, new RegExp(`Matches published incident #${seedArrest.id}`));
    assertClean(seen, [400]); // the two refused reports above

    const draft = {
      type: 'Feature', geometry: { type: 'Point', coordinates: [35.896, 35.8918] },
      properties: {
        incident_type: 'arrest', date_from: '2026-01-02', date_to: '2026-01-02', date_precision: 'day',
        place_name_ar: 'بلدة البدروسية بريف اللاذقية', place_name_en: 'Badrousiya', admin1_pcode: 'SY06',
        admin1_name: 'Lattakia', geo_precision: 'town', status: 'draft', sources: [],
      },
    };
    const res = await fetch(new URL('/api/collections/drafts/items', server.url), {
      method: 'POST', body: JSON.stringify(draft), headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': 'application/geo+json' },
    });
    const { id } = await res.json();
    await page.click('#queue-refresh');
    await page.waitForSelector(card(id));
    await page.click('#lang-toggle');
    await page.waitForFunction((sel) => /اللاذقية/.test(document.querySelector(`${sel} .draft-place`)?.textContent || ''), card(id));
    assert.equal((await page.textContent(`${card(id)} .draft-place span[dir="auto"]`)).trim(), 'البدروسية، اللاذقية');
    await page.click('#lang-toggle');
    await page.waitForFunction((sel) => /Latakia/.test(document.querySelector(`${sel} .draft-place`)?.textContent || ''), card(id));
    const govOption = await page.$eval('#filter-gov option[value="SY06"]', (o) => o.textContent);
    assert.equal(govOption, 'Latakia', 'the filter names the governorate as the card does');
    assert.doesNotMatch(await page.textContent(card(id)), /Lattakia/);
    await context.close();
  });

  test('offline map: countries around Syria, its coastline, labels by zoom in the interface language, OCHA named', async () => {
    const { page, context, seen } = await open('#map=7/35.2/38.5');
    await page.waitForSelector('path.country-syria', { timeout: 10000 });
    const lands = await page.$$eval('path.country-land', (p) => p.length);
    assert.ok(lands >= 6, `${lands} neighbouring countries drawn`);
    const names = await page.$$eval('.country-label', (l) => l.map((x) => x.textContent));
    for (const n of ['Turkey', 'Iraq', 'Lebanon', 'Jordan']) assert.ok(names.includes(n), `${n} named: ${names}`);
    assert.match(await page.textContent('.leaflet-control-attribution'), /OCHA COD \(CC BY 3\.0 IGO\)/);
    await page.waitForFunction(() => Number(document.body.dataset.placeLabels) > 0);
    const kinds7 = await page.$$eval('.place-label', (l) => [...new Set(l.flatMap((x) => [...x.classList].filter((c) => c.startsWith('kind-'))))]);
    assert.deepEqual(kinds7, ['kind-city'], 'zoom 7 labels cities only');
    const api9 = await api('/api/places/labels?bbox=36,35.5,37.5,36.5&zoom=9');
    assert.ok(api9.labels.every((l) => ['city', 'town'].includes(l.kind)), 'zoom 9: cities and towns');
    const api11 = await api('/api/places/labels?bbox=36,35.5,37.5,36.5&zoom=11');
    assert.ok(api11.labels.length >= api9.labels.length);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => [...document.querySelectorAll('.place-label')].some((l) => /[\u0600-\u06FF]/.test(l.textContent)));
    assert.ok((await page.$$eval('.country-label', (l) => l.map((x) => x.textContent))).includes('تركيا'));
    // Zoomed in, OCHA's subdistricts are outlined too.
    await page.evaluate(() => { location.hash = 'map=10/35.9/36.6&lang=ar'; });
    await page.waitForFunction(() => document.querySelectorAll('path.subdistrict-outline').length >= 200);
    assertClean(seen);
    await context.close();
  });
});
