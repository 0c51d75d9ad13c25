// Page speed at scale (opt-in: `make bench-page`, not part of `make test`): serves
// BENCH_N synthetic incidents (default 1,000,000; `mapsrv synth`, or BENCH_DB to reuse a
// database) and times, in Debian's chromium, how long the page takes from navigation to
// its first incidents drawn, and to redraw after a pan, over several views. Prints each
// run and the median and range per view; docs/PERFORMANCE.md reports them.
// Run: MAPSRV_BIN=bin/mapsrv node e2e/bench/page.bench.mjs

import { mkdtempSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../server.mjs';
import { launch, openPage, settled } from '../browser.mjs';

const N = Number(process.env.BENCH_N || 1000000);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const VIEWS = [
  ['country', ''], ['Idlib at zoom 9', '#map=9/35.9/36.6'], ['Damascus at zoom 11', '#map=11/33.51/36.29'],
  ['Aleppo at zoom 13', '#map=13/36.2/37.16'], ['the east at zoom 8', '#map=8/35.3/40.1'],
  ['country, one type, a year', '#types=airstrike&from=2016-01-01&to=2016-12-31'],
];
const PANS = ['ArrowLeft', 'ArrowUp', 'ArrowRight'];

function database() {
  if (process.env.BENCH_DB && existsSync(process.env.BENCH_DB)) return process.env.BENCH_DB;
  const db = process.env.BENCH_DB || path.join(mkdtempSync(path.join(tmpdir(), 'mapsrv-bench-page-')), 'bench.db');
  const t0 = Date.now();
  execFileSync(process.env.MAPSRV_BIN || 'bin/mapsrv', ['synth', '--db', db, '--n', String(N)], { stdio: 'inherit' });
  console.log(`synthesized ${N} incidents in ${Math.round((Date.now() - t0) / 1000)} s`);
  return db;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await startServer({ db: database() });
  const browser = await launch();
  const out = [];
  try {
    // Warm the server's index and the OS cache once, as a server that has been up would be.
    { const { page, context } = await openPage(browser); await page.goto(`${server.url}/`); await settled(page); await context.close(); }
    for (const [name, hash] of VIEWS) {
      const first = [];
      const pans = [];
      for (let run = 0; run < RUNS; run++) {
        const { page, context } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
        await page.route('**/api/**', (r) => r.continue({ headers: { ...r.request().headers(), 'cache-control': 'no-cache' } }));
        const t0 = Date.now();
        await page.goto(`${server.url}/${hash}`);
        await settled(page);
        first.push(Date.now() - t0);
        for (const key of PANS) {
          const before = await page.getAttribute('#export-geojson', 'href');
          await page.focus('#map');
          const t1 = Date.now();
          await page.keyboard.press(key); // the keyboard pans the map by 80 px
          await page.waitForFunction((h) => document.getElementById('export-geojson').getAttribute('href') !== h, before);
          await settled(page);
          pans.push(Date.now() - t1);
        }
        await context.close();
      }
      const line = `${name}: first drawn ${median(first)} ms (${Math.min(...first)}–${Math.max(...first)}), pan redrawn ${median(pans)} ms (${Math.min(...pans)}–${Math.max(...pans)}), ${RUNS} loads, ${pans.length} pans`;
      console.log(line);
      out.push(line);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`\n${N} incidents, fresh requests (Cache-Control: no-cache), 1440×900:\n${out.join('\n')}`);
}

main().catch((err) => { console.error(err); process.exit(1); });
