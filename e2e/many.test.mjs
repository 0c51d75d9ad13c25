// 20,000 incidents (mapsrv synth, around real towns) in a real browser against the real
// server (issue 15): the time chart counts every one of them at any zoom, counts never
// overlap on screen, exports hold every match, the list pages on, play steps a month at a
// time, and a phone gets the whole country, a reachable play button and popups clear of
// the buttons. The page's timings are printed for docs/PERFORMANCE.md.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, settled, listIds } from './browser.mjs';
import { assertClean } from './review.mjs';

const SYNTH = 20000;
let server;
let browser;

async function open(hash = '', opts) {
  const o = await openPage(browser, opts);
  o.requests = [];
  o.page.on('request', (r) => { if (r.url().includes('/api/')) o.requests.push(new URL(r.url())); });
  const t0 = Date.now();
  await o.page.goto(`${server.url}/${hash}`);
  await settled(o.page);
  o.firstDraw = Date.now() - t0;
  return o;
}

const api = async (p) => {
  const res = await fetch(new URL(p, server.url));
  assert.equal(res.status, 200, `GET ${p}: ${res.status}`);
  return res.json();
};
const num = (s) => Number(String(s).replace(/\D/g, ''));
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
// A count is drawn as a circle in its box: two circles, or a circle and a label's box,
// overlap when they come closer than its radius.
const circle = (c) => ({ x: (c.left + c.right) / 2, y: (c.top + c.bottom) / 2, r: (c.right - c.left) / 2 });
const circlesMeet = (a, b) => Math.hypot(circle(a).x - circle(b).x, circle(a).y - circle(b).y) < circle(a).r + circle(b).r;
function circleMeetsBox(c, box) {
  const { x, y, r } = circle(c);
  return Math.hypot(x - Math.max(box.left, Math.min(x, box.right)), y - Math.max(box.top, Math.min(y, box.bottom))) < r;
}
const lastAggregate = (o) => o.requests.filter((u) => u.pathname.endsWith('/aggregate') && u.searchParams.get('zoom') !== '0').at(-1);

// circles returns the screen boxes and counts of the drawn cells, and the boxes of the
// governorate and place labels that are shown.
const circles = (page) => page.evaluate(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const shown = (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
  return {
    cells: [...document.querySelectorAll('.agg-cell')].map((c) => ({ ...box(c), n: Number(c.textContent.replace(/\D/g, '')) })),
    labels: [...document.querySelectorAll('.gov-label, .place-label')].filter(shown).map(box),
  };
});

describe(`${SYNTH.toLocaleString('en')} incidents`, { timeout: 400000 }, () => {
  before(async () => {
    server = await startServer({ synth: SYNTH });
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the time chart counts every incident in view, at country view and at Idlib zoom 9, and brushes', async () => {
    const country = await open();
    console.log(`first draw at country view: ${country.firstDraw} ms (navigation to drawn)`);
    // The chart is asked for once the incidents are drawn.
    await country.page.waitForSelector('#histogram rect.bar-hit');
    const hist = country.requests.filter((u) => u.pathname.endsWith('/histogram')).at(-1);
    const h = await api(hist.pathname + hist.search);
    assert.ok(h.numberMatched >= SYNTH, `histogram of the country: ${h.numberMatched}`);
    assert.equal(h.bin, 'month', '15 years of data come in months');
    assert.equal(await country.page.$$eval('#histogram rect.bar-hit', (r) => r.length), h.bins.length);
    assert.match(await country.page.textContent('#histogram-caption'), new RegExp(`^${h.numberMatched.toLocaleString('en')} in view`));
    const idlib = await open('#map=9/35.9/36.6');
    await idlib.page.waitForSelector('#histogram rect.bar-hit');
    const hi = idlib.requests.filter((u) => u.pathname.endsWith('/histogram')).at(-1);
    const hIdlib = await api(hi.pathname + hi.search);
    assert.ok(hIdlib.numberMatched > 0 && hIdlib.numberMatched < h.numberMatched);
    assert.ok((await idlib.page.$$eval('#histogram rect.bar', (r) => r.length)) > 20, 'bars drawn at Idlib');
    // Brush two bins: the map asks for those dates.
    const box = await idlib.page.locator('#histogram svg').boundingBox();
    await idlib.page.mouse.move(box.x + box.width * 0.3, box.y + 40);
    await idlib.page.mouse.down();
    await idlib.page.mouse.move(box.x + box.width * 0.31, box.y + 40, { steps: 3 });
    await idlib.page.mouse.up();
    await idlib.page.waitForFunction(() => /datetime=/.test(document.getElementById('export-geojson').getAttribute('href')));
    await settled(idlib.page);
    assertClean(country.seen);
    assertClean(idlib.seen);
    await country.context.close();
    await idlib.context.close();
  });

  test('counts never overlap one another or the labels, on a desk and on a phone, and add up to the view', async () => {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      for (const hash of ['', '#map=8/33.6/36.4']) {
        const o = await open(hash, { viewport });
        await o.page.waitForTimeout(800); // the first view may settle once more after the layout
        await settled(o.page);
        if (await o.page.evaluate(() => document.body.dataset.mode) !== 'cells') { await o.context.close(); continue; }
        const { cells, labels } = await circles(o.page);
        const agg = await api(lastAggregate(o).pathname + lastAggregate(o).search);
        assert.ok(cells.length > 3, `${viewport.width}px ${hash}: ${cells.length} circles`);
        assert.equal(cells.reduce((s, c) => s + c.n, 0), agg.numberMatched, 'circles add up to the view');
        for (let i = 0; i < cells.length; i++) {
          for (let j = i + 1; j < cells.length; j++) {
            assert.equal(circlesMeet(cells[i], cells[j]), false, `${viewport.width}px ${hash}: circles ${cells[i].n} and ${cells[j].n} overlap`);
          }
          for (const l of labels) assert.equal(circleMeetsBox(cells[i], l), false, `${viewport.width}px ${hash}: a label under ${cells[i].n}`);
        }
        assertClean(o.seen);
        await o.context.close();
      }
    }
  });

  test('exports hold every matching incident, streamed, and say how many', async () => {
    const { page, context, requests, seen } = await open();
    const agg = await api(lastAggregate({ requests }).pathname + lastAggregate({ requests }).search);
    const geo = await api(await page.getAttribute('#export-geojson', 'href'));
    assert.equal(geo.features.length, agg.numberMatched, 'GeoJSON export: every incident in view');
    assert.ok(geo.features.length > 10000, 'more than the items endpoint gives in a page');
    assert.equal(new Set(geo.features.map((f) => f.id)).size, geo.features.length, 'none twice');
    const csv = await (await fetch(new URL(await page.getAttribute('#export-csv', 'href'), server.url))).text();
    assert.equal(csv.trim().split('\n').filter((l) => /^\d+,/.test(l)).length, agg.numberMatched, 'CSV export: every incident');
    assert.match(await page.textContent('#export-note'), new RegExp(agg.numberMatched.toLocaleString('en')));
    assertClean(seen);
    await context.close();
  });

  test('a view drawn as points is fetched with the smallest page that holds it', async () => {
    // The server queues pages of up to 1,000, up to 5,000 and larger apart (web/budget.go),
    // so that a view never waits behind others' larger pages: the page asks for the smallest.
    const seen = [];
    for (const hash of ['#map=9/35.9/36.6', '#map=9/33.5/36.3', '#map=9/36.2/37.15', '#map=8/34.7/36.7', '#map=10/33.51/36.29', '#map=10/36.2/37.15']) {
      const o = await open(hash);
      if ((await o.page.getAttribute('body', 'data-mode')) === 'points') {
        const agg = lastAggregate(o);
        const n = (await api(agg.pathname + agg.search)).numberMatched;
        const fetched = o.requests.filter((u) => u.pathname.endsWith('/items') && Number(u.searchParams.get('limit')) >= 1000).at(-1);
        const want = [1000, 5000, 10000].find((l) => n <= l);
        if (n > 100) {
          assert.ok(fetched, `${hash}: ${n} in view, drawn as points without a page of them`);
          assert.equal(Number(fetched.searchParams.get('limit')), want, `${hash}: ${n} in view`);
        }
        seen.push(n);
      }
      await o.context.close();
    }
    assert.ok(seen.some((n) => n > 1000 && n <= 5000), `no view of 1,000–5,000 drawn as points among ${seen}`);
  });

  test('the list shows the newest first and pages on past the first 100', async () => {
    const { page, context, seen } = await open();
    await page.waitForTimeout(800); // the first view may settle once more after the layout
    await settled(page);
    assert.equal((await listIds(page)).length, 100);
    await page.click('#panel-toggle').catch(() => {});
    await page.click('#list-more');
    await page.waitForFunction(() => document.querySelectorAll('#incident-list > li').length === 200);
    const href = new URL(await page.getAttribute('#export-geojson', 'href'), server.url);
    const items = await api(`/api/collections/incidents/items?bbox=${href.searchParams.get('bbox')}&limit=200`);
    assert.deepEqual(await listIds(page), items.features.map((f) => String(f.id)), 'the two pages are the API\'s');
    assertClean(seen);
    await context.close();
  });

  test('play steps a month at a time and shows the month on the map', async () => {
    const { page, context, seen } = await open();
    await page.waitForSelector('#histogram rect.bar-hit'); // play steps through the chart's bins
    await page.click('#map-play');
    await page.waitForFunction(() => /datetime=2011-03-01\/2011-03-31/.test(document.getElementById('export-geojson').getAttribute('href')));
    assert.equal(await page.textContent('#map-date'), 'March 2011');
    await page.waitForFunction(() => /datetime=2011-04-01\/2011-04-30/.test(document.getElementById('export-geojson').getAttribute('href')), null, { timeout: 5000 });
    assert.equal(await page.textContent('#map-date'), 'April 2011');
    await page.click('#map-play');
    assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
    assertClean(seen);
    await context.close();
  });

  test('on a phone: the whole country at first, play reachable with the list closed, popups clear of the buttons, the search hint whole', async () => {
    const phone = { viewport: { width: 390, height: 844 } };
    const { page, context, seen } = await open('', phone);
    const fits = await page.evaluate(() => {
      const m = document.getElementById('map').getBoundingClientRect();
      const outline = [...document.querySelectorAll('path.gov-outline')].map((p) => p.getBoundingClientRect());
      return outline.every((r) => r.left >= m.left - 1 && r.right <= m.right + 1 && r.top >= m.top - 1 && r.bottom <= m.bottom + 1);
    });
    assert.ok(fits, 'every governorate inside the map at first');
    assert.equal(await page.isVisible('#incident-list'), false, 'the list is closed');
    const play = await page.locator('#map-play').boundingBox();
    assert.equal(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('#map-play')?.id, [play.x + play.width / 2, play.y + play.height / 2]), 'map-play',
      'nothing covers the play button');
    const fitsHint = await page.evaluate(() => {
      const input = document.getElementById('search-input');
      const cs = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return ctx.measureText(input.placeholder).width <= room;
    });
    assert.ok(fitsHint, 'the search placeholder fits its box');
    await context.close();

    const z = await open('#map=11/35.93/36.63', phone);
    const marker = z.page.locator('.leaflet-marker-icon.inc-icon').first();
    await marker.click();
    await z.page.waitForSelector('.leaflet-popup', { state: 'visible' });
    await z.page.waitForTimeout(600); // autopan
    const boxes = await z.page.evaluate(() => {
      const b = (s) => { const r = document.querySelector(s).getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
      return { popup: b('.leaflet-popup-content-wrapper'), zoom: b('.leaflet-control-zoom'), layers: b('.leaflet-control-layers') };
    });
    assert.equal(overlap(boxes.popup, boxes.zoom), false, 'the zoom buttons cover the popup');
    assert.equal(overlap(boxes.popup, boxes.layers), false, 'the layer button covers the popup');
    assertClean(seen);
    assertClean(z.seen);
    await z.context.close();
  });

  test('timings: first incidents drawn and a pan redrawn (printed, not asserted)', async () => {
    const views = ['', '#map=9/35.9/36.6', '#map=10/33.5/36.3', '#map=8/36.2/38'];
    for (const hash of views) {
      const o = await open(hash);
      const before = await o.page.getAttribute('#export-geojson', 'href');
      await o.page.focus('#map');
      const t0 = Date.now();
      await o.page.keyboard.press('ArrowRight'); // a pan of 80 px, as the keyboard pans the map
      await o.page.waitForFunction((h) => document.getElementById('export-geojson').getAttribute('href') !== h, before);
      await settled(o.page);
      console.log(`timing ${SYNTH} ${hash || '#country'}: first draw ${o.firstDraw} ms, pan redrawn ${Date.now() - t0} ms`);
      await o.context.close();
    }
  });
});
