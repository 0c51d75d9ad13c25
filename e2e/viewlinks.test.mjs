// Links whose view parts are hostile: the page reads the view from the URL hash, and a
// shared link may hold anything. A link the page cannot show is ignored part by part
// (the default view, no filter); one it can show loads without a page error and without
// a request the API refuses.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, settled } from './browser.mjs';

let server;
let browser;

async function load(hash) {
  const o = await openPage(browser);
  await o.page.goto(`${server.url}/${hash}`);
  await settled(o.page);
  const shown = await o.page.evaluate(() => ({
    error: document.getElementById('error').hidden ? '' : document.getElementById('error-text').textContent,
    loaded: document.body.dataset.loaded,
  }));
  return { ...o, shown };
}

function assertClean(hash, seen, shown) {
  assert.deepEqual(seen.pageErrors, [], `${hash}: uncaught page errors`);
  assert.deepEqual(seen.consoleErrors, [], `${hash}: console errors (a request refused?)`);
  assert.deepEqual(seen.dialogs, [], `${hash}: dialogs opened`);
  assert.equal(shown.error, '', `${hash}: the page shows an error`);
}

describe('hostile view links', () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Before: Leaflet threw "Attempted to load an infinite number of tiles" or
  // "Invalid LatLng object: (…, NaN)" and nothing was ever drawn.
  for (const hash of ['#bbox=1e308,30,1e308,40', '#bbox=-1e308,30,1e308,40', '#bbox=5e15,30,5e15,40',
    '#map=4/35/1e300']) {
    test(`a box or centre far past the antimeridian is no view: ${hash}`, async () => {
      const { context, seen, shown } = await load(hash);
      assertClean(hash, seen, shown);
      assert.match(shown.loaded, /bbox=3\d\.\d+,3\d\.\d+,4\d\.\d+,3\d\.\d+/, `${hash}: the default view over Syria is drawn`);
      await context.close();
    });
  }

  // Before: the page clamped east to 180 and kept west at 539.99: "minLon is greater than
  // maxLon", a 400 for every request of the view.
  for (const hash of ['#map=18/35/540', '#map=12/35/-500', '#map=10/35.5/396.5']) {
    test(`a view panned past ±180 asks for the box it shows, wrapped: ${hash}`, async () => {
      const { context, seen, shown } = await load(hash);
      assertClean(hash, seen, shown);
      const bbox = new URL(shown.loaded, server.url).searchParams.get('bbox').split(',').map(Number);
      assert.equal(bbox.length, 4);
      for (const lon of [bbox[0], bbox[2]]) assert.ok(Math.abs(lon) <= 180, `${hash}: bbox ${bbox} beyond ±180`);
      await context.close();
    });
  }

  test('a Damascus view panned once round the world shows Damascus incidents', async () => {
    const hash = '#map=10/33.51/396.29'; // 36.29 + 360
    const { context, seen, shown, page } = await load(hash);
    assertClean(hash, seen, shown);
    const n = await page.$$eval('#incident-list > li', (lis) => lis.length);
    assert.ok(n > 0, 'no incidents listed');
    await context.close();
  });

  // Before: gov=SY99 was taken and every request answered 400.
  for (const hash of ['#gov=SY99', '#gov=SY00&show=districts', '#district=SY9901', '#gov=SY15&district=SY1500']) {
    test(`a P-code outside SY01..SY14 is no filter: ${hash}`, async () => {
      const { context, seen, shown } = await load(hash);
      assertClean(hash, seen, shown);
      assert.doesNotMatch(shown.loaded, /admin[12]_pcode/, `${hash}: the page filtered by it`);
      await context.close();
    });
  }
});
