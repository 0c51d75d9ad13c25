// Builds and starts the real mapsrv binary for the browser tests: a temp database holding
// the seed incidents plus e2e/fixtures/xss.geojson, served on a free loopback port with
// test write tokens (MAPSRV_TOKENS) for an editor and an ingest-only client.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ROOT is the repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** FIXTURE is the incident whose text fields hold HTML and script payloads. */
export const FIXTURE = path.join(ROOT, 'e2e', 'fixtures', 'xss.geojson');

const SEED = path.join(ROOT, 'data', 'seed-incidents.geojson');

/** EDITOR_TOKEN is the test server's editor bearer token (test-only, never a real one). */
export const EDITOR_TOKEN = 'e2e-editor-token-7f3a9c1d2b';

/** INGEST_TOKEN is the test server's ingest-only bearer token. */
export const INGEST_TOKEN = 'e2e-ingest-token-5e8b0a4c6d';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// binary returns MAPSRV_BIN, or builds bin/mapsrv (vendoring Leaflet first if needed,
// since the page is embedded at build time).
function binary() {
  if (process.env.MAPSRV_BIN) return path.resolve(process.env.MAPSRV_BIN);
  if (!existsSync(path.join(ROOT, 'web/static/vendor/leaflet/leaflet.js'))) {
    execFileSync('sh', ['scripts/vendor.sh'], { cwd: ROOT, stdio: 'inherit' });
  }
  execFileSync('go', ['build', '-tags', 'sqlite_fts5', '-o', 'bin/mapsrv', './cmd/mapsrv'], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '1' },
  });
  return path.join(ROOT, 'bin', 'mapsrv');
}

async function waitReady(url, child, logs) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mapsrv exited with ${child.exitCode}:\n${logs.join('')}`);
    try {
      const res = await fetch(`${url}/api/collections/incidents`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`mapsrv not ready at ${url} after 30s:\n${logs.join('')}`);
}

/**
 * startServer imports the seed, the XSS fixture and the files in extra into a fresh
 * database (or, with db, serves that one as it is), adds synth synthetic incidents
 * (`mapsrv synth`, around real towns), starts `mapsrv serve` and resolves to
 * { url, stop, logs, db } once the API answers.
 */
export async function startServer({ extra = [], synth = 0, db: given = '' } = {}) {
  const bin = binary();
  const dir = mkdtempSync(path.join(tmpdir(), 'mapsrv-e2e-'));
  const db = given || path.join(dir, 'e2e.db');
  if (!given) execFileSync(bin, ['import', '--db', db, SEED, FIXTURE, ...extra], { cwd: dir, stdio: 'pipe' });
  if (synth > 0) execFileSync(bin, ['synth', '--db', db, '--n', String(synth)], { cwd: dir, stdio: 'pipe' });
  const port = await freePort();
  const logs = [];
  const child = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--db', db], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MAPSRV_TOKENS: `editor:${EDITOR_TOKEN},ingest:${INGEST_TOKEN}` },
  });
  child.stdout.on('data', (b) => logs.push(b.toString()));
  child.stderr.on('data', (b) => logs.push(b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child, logs);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop, logs, db };
}
