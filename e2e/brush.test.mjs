// The histogram brush without a mouse: it is one tab stop, described to assistive
// technology, and the arrow keys, Home, End and Escape choose the dates the map shows.
// Run: node --test e2e/   (MAPSRV_BIN=bin/mapsrv skips the go build)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from './server.mjs';
import { launch, openPage, settled, pageItemsURL } from './browser.mjs';
import { assertClean } from './review.mjs';

const DAY = 86400000;
const days = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const plus = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

let server;
let browser;

// dates presses key on the focused brush and returns the dates once the map shows them.
async function press(page, key) {
  const before = await pageItemsURL(page);
  await page.keyboard.press(key);
  await page.waitForFunction((b) => document.getElementById('export-geojson').getAttribute('href') !== b, before);
  await settled(page);
  const from = await page.inputValue('#date-from');
  const to = await page.inputValue('#date-to');
  const datetime = new URL(await pageItemsURL(page), server.url).searchParams.get('datetime');
  return { from, to, datetime };
}

describe('histogram brush by keyboard', { timeout: 120000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  }, { timeout: 600000 });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('arrows move and resize the chosen dates; Escape shows all dates again', async () => {
    const { page, context, seen } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await settled(page);
    await page.waitForSelector('#histogram rect.bar-hit'); // the chart comes after the incidents
    const extent = (await (await fetch(new URL('/api/collections/incidents', server.url))).json()).extent.temporal.interval[0];
    const last = extent[1].slice(0, 10);

    // Reachable with Tab from the dates-reset/play controls, and described.
    await page.focus('#play');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'histogram', 'Tab after Play reaches the brush');
    assert.equal(await page.getAttribute('#histogram', 'role'), 'slider');
    assert.equal(await page.getAttribute('#histogram', 'aria-roledescription'), 'date range brush');
    assert.equal(await page.getAttribute('#histogram', 'aria-valuetext'), 'All dates');
    const help = await page.getAttribute('#histogram', 'aria-describedby');
    assert.match(await page.textContent(`#${help}`), /arrows move the chosen dates/);

    // End picks the last bin; its width is the bin width (a day or a week).
    const end = await press(page, 'End');
    const w = days(end.to) - days(end.from) + 1;
    assert.ok(w === 1 || w === 7, `one bin: ${end.from}..${end.to}`);
    assert.ok(end.from <= last && end.to >= last, `last bin ${end.from}..${end.to} holds ${last}`);
    assert.equal(end.datetime, `${end.from}/${end.to}`, 'the map asks for those dates');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'histogram', 'focus stays on the brush');

    // Left moves the whole range one bin earlier; Shift+Right widens it by one bin.
    const left = await press(page, 'ArrowLeft');
    assert.deepEqual([left.from, left.to], [plus(end.from, -w), plus(end.to, -w)]);
    const wider = await press(page, 'Shift+ArrowRight');
    assert.deepEqual([wider.from, wider.to], [left.from, end.to]);
    const text = await page.getAttribute('#histogram', 'aria-valuetext');
    assert.match(text, /^\d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4}$/, `value read out: ${text}`);
    mkdirSync(path.join(ROOT, 'e2e', 'artifacts'), { recursive: true });
    await page.locator('#panel .card').first().screenshot({ path: path.join(ROOT, 'e2e', 'artifacts', 'brush-keyboard.png') });
    const shown = await page.$$eval('#incident-list > li', (lis) => lis.length);
    const api = await (await fetch(new URL(await pageItemsURL(page), server.url))).json();
    assert.equal(shown, api.features.length, 'list shows what the API gives for the brushed dates');

    // Home keeps the width and goes to the first bin; Escape clears the dates.
    const home = await press(page, 'Home');
    assert.equal(days(home.to) - days(home.from) + 1, 2 * w);
    assert.ok(home.from < left.from);
    const cleared = await press(page, 'Escape');
    assert.deepEqual([cleared.from, cleared.to, cleared.datetime], ['', '', null]);
    assert.equal(await page.getAttribute('#histogram', 'aria-valuetext'), 'All dates');
    assertClean(seen);
    await context.close();
  });
});
