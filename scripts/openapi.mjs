#!/usr/bin/env node
// Writes (`write`) or checks (`check`) openapi/openapi.json: the OpenAPI document generated from the
// route contracts (src/http/contracts/, through src/http/openapi-document.ts, bundled with esbuild
// and run here with the real zod-to-openapi generator). The file is a static asset of the Worker:
// GET /openapi.json serves it.
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
  const outfile = join(dir, 'document.mjs');
  await build({ entryPoints: [join(root, 'src/http/openapi-document.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error', mainFields: ['module', 'main'] });
  const { openApiDocument } = await import(pathToFileURL(outfile).href);
  const text = JSON.stringify(openApiDocument(), null, 2) + '\n';
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
