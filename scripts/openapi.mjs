#!/usr/bin/env node
// Writes (`write`) or checks (`check`) openapi/openapi.json against the document the Worker
// serves. The Worker is bundled with esbuild and asked for /openapi.json, so the committed file is
// exactly what GET /openapi.json returns.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const target = join(root, 'openapi/openapi.json');
const mode = process.argv[2] ?? 'check';

const dir = mkdtempSync(join(tmpdir(), 'podsec-openapi-'));
try {
  const outfile = join(dir, 'worker.mjs');
  await build({ entryPoints: [join(root, 'src/index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error', mainFields: ['module', 'main'] });
  const worker = (await import(pathToFileURL(outfile).href)).default;
  const res = await worker.fetch(new Request('http://127.0.0.1:8787/openapi.json'), {}, { waitUntil() {}, passThroughOnException() {} });
  if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}`);
  const text = JSON.stringify(await res.json(), null, 2) + '\n';
  if (mode === 'write') {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  } else {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error('openapi/openapi.json is out of date with the routes: run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('openapi/openapi.json is up to date.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
