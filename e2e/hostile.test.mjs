// Untrusted text in every field the page shows, through every way it reaches the page:
// the first load, the popup and the list in both languages, a live update pushed by
// /api/events, a text search whose error echoes the query, and the editor's review queue.
// A watcher installed before the page's own scripts records any element the page creates
// with an event-handler attribute, any script or image the payloads would make, and any
// Content-Security-Policy violation: nothing may be recorded and no payload may run.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, EDITOR_TOKEN } from './server.mjs';
import { launch, openPage, settled } from './browser.mjs';
import { assertClean, signIn, card, DRAFTS, INCIDENTS } from './review.mjs';

// payload is markup that would set window.__xss to tag if it were ever parsed as HTML.
const payload = (tag) => `<img src=x onerror="window.__xss='${tag}'"><svg onload="window.__xss='${tag}'"></svg>`
  + `<script>window.__xss='${tag}'</script><iframe srcdoc="<script>parent.__xss='${tag}'</script>"></iframe>`;

// feature is a Damascus incident whose every text field holds a payload named after it.
function feature(tag, date) {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [36.2913, 33.5138] },
    properties: {
      incident_type: 'shelling', date_from: date, date_to: date, date_precision: 'day',
      place_name_en: payload(`${tag}-place-en`), place_name_ar: payload(`${tag}-place-ar`),
      admin1_pcode: 'SY01', admin1_name: payload(`${tag}-admin1`), geo_precision: 'town', killed: 2,
      summary_en: `Shelling ${payload(`${tag}-summary-en`)}`, summary_ar: `قصف ${payload(`${tag}-summary-ar`)}`,
      sources: [
        { title: payload(`${tag}-title`), publisher: payload(`${tag}-publisher`), url: '', published: date },
        { title: 'linked', publisher: 'p', url: `https://example.org/"><img src=x onerror="window.__xss='${tag}-url'">`, published: date },
      ],
    },
  };
}

// watch runs before the page's scripts and records what injected markup would leave behind.
function watch() {
  window.__hostile = [];
  const note = (what) => window.__hostile.push(what);
  const check = (el) => {
    if (!(el instanceof Element)) return;
    for (const node of [el, ...el.querySelectorAll('*')]) {
      for (const a of node.getAttributeNames()) if (/^on/i.test(a)) note(`${node.tagName} ${a}=${node.getAttribute(a)}`);
      const tag = node.tagName.toLowerCase();
      if (tag === 'iframe' || (tag === 'img' && node.getAttribute('src') === 'x')) note(`<${tag}> ${node.outerHTML.slice(0, 80)}`);
      if (tag === 'script' && document.readyState === 'complete') note(`<script> ${node.textContent.slice(0, 80)}`);
    }
  };
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(check)))
    .observe(document, { childList: true, subtree: true });
  document.addEventListener('securitypolicyviolation', (e) => note(`CSP ${e.violatedDirective} ${e.sample}`));
}

let server;
let browser;

async function post(path, body) {
  const res = await fetch(new URL(path, server.url), {
    method: 'POST', body: JSON.stringify(body),
    headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': 'application/geo+json' },
  });
  const text = await res.text();
  assert.equal(res.status, 201, `POST ${path}: ${res.status} ${text}`);
  return JSON.parse(text).id;
}

async function open(hash) {
  const o = await openPage(browser);
  await o.context.addInitScript(watch);
  await o.page.goto(`${server.url}/${hash}`);
  return o;
}

async function assertNothingRan(page, where) {
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, `a payload ran (${where})`);
  assert.deepEqual(await page.evaluate(() => window.__hostile), [], `markup from the data reached the DOM (${where})`);
}

describe('untrusted text in the page', { timeout: 240000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('every text field shows as text: popup, list, both languages, a live update, a search', async () => {
    const id = await post(INCIDENTS, feature('first', '2025-11-20'));
    let opened;
    for (const lang of ['en', 'ar']) {
      await opened?.context.close();
      opened = await open(`#map=13/33.5138/36.2913${lang === 'ar' ? '&lang=ar' : ''}`);
      const { page } = opened;
      await settled(page);
      const item = await page.textContent(`#incident-list li[data-id="${id}"]`);
      assert.ok(item.includes(payload(`first-place-${lang}`)), `the list shows the ${lang} place verbatim`);
      assert.ok(item.includes(payload(`first-summary-${lang}`)), `the list shows the ${lang} summary verbatim`);
      await page.click(`#incident-list li[data-id="${id}"]`);
      await page.waitForSelector(`.leaflet-popup .popup[data-id="${id}"]`);
      const popup = await page.textContent('.leaflet-popup .popup');
      for (const f of [`first-place-${lang}`, `first-summary-${lang}`, 'first-title', 'first-publisher']) {
        assert.ok(popup.includes(payload(f)), `the popup shows ${f} verbatim`);
      }
      await assertNothingRan(page, lang);
      assertClean(opened.seen);
    }
    const { page, context, seen } = opened;

    // Published while the page is open, where it looks: /api/events tells the page,
    // which redraws.
    const [, lat, lon] = /map=[\d.]+\/(-?[\d.]+)\/(-?[\d.]+)/.exec(await page.evaluate(() => location.hash));
    const fresh = feature('live', '2025-11-21');
    fresh.geometry.coordinates = [Number(lon), Number(lat)];
    const live = await post(INCIDENTS, fresh);
    await page.waitForSelector(`#incident-list li[data-id="${live}"]`, { timeout: 20000 });
    assert.ok((await page.textContent(`#incident-list li[data-id="${live}"]`)).includes(payload('live-summary-ar')));
    await assertNothingRan(page, 'live update');

    // A query the API refuses comes back in the error's detail.
    await page.goto(`${server.url}/#q=${encodeURIComponent('<s>ab</s><img src=x onerror=window.__xss=1>')}`);
    await page.waitForTimeout(1500);
    assert.equal(await page.$('s'), null, 'the query echoed as markup');
    await assertNothingRan(page, 'search');
    assertClean(seen, [400]);
    await context.close();
  });

  // A stored field ending in a right-to-left override (U+202E) or embedding, never closed,
  // turned the page's own text after it around: the governorate after the place read
  // "bildI", the source's date after its publisher "5202" (round 25). Each field's direction
  // controls now end with it.
  test('direction controls in stored text stay within their field', async () => {
    const f = feature('bidi', '2025-11-23');
    const p = f.properties;
    p.place_name_en = 'Harasta\u202e';
    p.summary_en = 'Shelling\u202b hit the market';
    p.admin1_name = 'Damascus';
    p.sources = [{ title: 'Report\u202e', publisher: 'Wire\u202e', url: '', published: '2025-11-24' }];
    const id = await post(INCIDENTS, f);
    const { page, context } = await open('#map=13/33.5138/36.2913');
    await settled(page);
    await page.click(`#incident-list li[data-id="${id}"]`);
    await page.waitForSelector(`.leaflet-popup .popup[data-id="${id}"]`);
    // reads reports whether the characters of want, in the first text node under selector
    // holding it, lie left to right on the screen, as the English page writes them.
    const reads = (selector, want) => page.evaluate(([sel, w]) => {
      const walker = document.createTreeWalker(document.querySelector(sel), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(w);
        if (at < 0) continue;
        const xs = [...w].map((_, i) => {
          const r = document.createRange();
          r.setStart(n, at + i);
          r.setEnd(n, at + i + 1);
          return r.getBoundingClientRect().left;
        });
        return xs.every((x, i) => i === 0 || x > xs[i - 1]) ? 'left to right' : `reversed (${xs.map(Math.round)})`;
      }
      return 'not found';
    }, [selector, want]);
    const popup = `.leaflet-popup .popup[data-id="${id}"]`;
    const item = `#incident-list li[data-id="${id}"]`;
    assert.equal(await reads(`${popup} .place`, 'Damascus'), 'left to right', 'the popup\'s governorate after the place');
    assert.equal(await reads(`${popup} .sources`, '2025'), 'left to right', 'the popup\'s source date after the publisher');
    assert.equal(await reads(item, 'Damascus'), 'left to right', 'the list\'s governorate after the place');
    await context.close();
  });

  test('every text field of a draft shows as text in the review queue', async () => {
    const id = await post(DRAFTS, feature('draft', '2025-11-22'));
    const { page, context, seen } = await open('');
    await settled(page);
    await signIn(page);
    await page.waitForSelector(card(id));
    const text = await page.textContent(card(id));
    assert.ok(text.includes(payload('draft-place-en')) || text.includes(payload('draft-place-ar')), 'the card shows the place verbatim');
    await assertNothingRan(page, 'review queue');
    assertClean(seen);
    await context.close();
  });
});
