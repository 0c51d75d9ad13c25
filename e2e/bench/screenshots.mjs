// The screenshots of docs/screenshots/ (opt-in: `make screenshots`): the main views at
// 1440×900 and 390×844 in Debian's chromium, against BENCH_N synthetic incidents (20,000
// by default) plus the seed, tiles blocked so that the offline map shows. Run:
// MAPSRV_BIN=bin/mapsrv node e2e/bench/screenshots.mjs
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, ROOT } from '../server.mjs';
import { launch, openPage, settled } from '../browser.mjs';

const OUT = path.join(ROOT, 'docs', 'screenshots');
const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = [
  ['map-1440.png', DESK, '#map=7/35.0/38.4'],
  ['map-ar-1440.png', DESK, '#map=11/35.93/36.66&lang=ar'],
  ['choropleth-1440.png', DESK, '#map=7/35.0/38.4&show=governorates&shade=killed'],
  ['play-1440.png', DESK, '#map=8/33.9/36.6&from=2016-03-01&to=2016-03-31'],
  ['map-390.png', PHONE, ''],
  ['list-390.png', PHONE, '#q=Aleppo', async (page) => { await page.click('#panel-toggle'); await page.waitForTimeout(400); }],
];

const server = await startServer({ synth: Number(process.env.BENCH_N || 20000) });
const browser = await launch();
mkdirSync(OUT, { recursive: true });
try {
  for (const [name, viewport, hash, then] of SHOTS) {
    const { page, context } = await openPage(browser, { viewport });
    await page.goto(`${server.url}/${hash}`);
    await settled(page);
    await page.waitForTimeout(1500); // tiles give up, the offline map and its labels draw
    await settled(page);
    if (then) await then(page);
    await page.screenshot({ path: path.join(OUT, name) });
    console.log(`docs/screenshots/${name}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
