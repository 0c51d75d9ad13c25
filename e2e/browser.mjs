// Debian's chromium driven by playwright-core, with every request to a host other than
// 127.0.0.1 blocked and recorded, and console errors, page errors and dialogs collected.

import { chromium } from 'playwright-core';

/** launch starts headless chromium (CHROMIUM_PATH overrides /usr/bin/chromium). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
}

/**
 * openPage opens a page in a fresh context. It returns { page, context, seen } where seen
 * holds consoleErrors (not caused by our own blocking), pageErrors, dialogs and external
 * (every blocked URL).
 */
export async function openPage(browser, { viewport = { width: 1400, height: 860 }, locale = 'en-GB' } = {}) {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Damascus' });
  const seen = { consoleErrors: [], pageErrors: [], dialogs: [], external: [] };
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:') return route.continue();
    seen.external.push(u.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const at = m.location()?.url || '';
    const blocked = seen.external.includes(at) && /^Failed to load resource/.test(m.text());
    if (!blocked) seen.consoleErrors.push(`${m.text()} (${at})`);
  });
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return { page, context, seen };
}

/** settled waits until the page has drawn the answer to its latest request. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const href = document.getElementById('export-geojson')?.getAttribute('href');
    return href && document.body.dataset.loaded === href && !document.body.classList.contains('is-loading');
  }, null, { timeout: 15000 });
}

/** listIds returns the incident ids in the side list, in order. */
export const listIds = (page) => page.$$eval('#incident-list > li', (lis) => lis.map((li) => li.dataset.id));

/** pageItemsURL returns the API URL the page drew from (the GeoJSON export link). */
export const pageItemsURL = (page) => page.getAttribute('#export-geojson', 'href');
