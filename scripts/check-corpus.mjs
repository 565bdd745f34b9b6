#!/usr/bin/env node
// Reads every file of the full real-world corpus with the manifest reader, in Node, and exits
// non-zero if any file makes the reader throw anything but an IngestError.
// Usage: node scripts/check-corpus.mjs [corpus-folder]   (default /work/shared/corpus/real-world)
import { build } from 'esbuild';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = process.argv[2] ?? '/work/shared/corpus/real-world';
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'podsec-corpus-'));
const bundle = join(dir, 'ingest.mjs');
await build({
  entryPoints: [join(repo, 'src/ingest/index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: bundle,
  logLevel: 'warning',
});
const { readManifests, IngestError } = await import(pathToFileURL(bundle).href);
rmSync(dir, { recursive: true, force: true });

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const counts = { read: 0, pod: 0, policy: 0, skipped: 0 };
let failures = 0;
for (const { file } of index) {
  const text = readFileSync(join(root, file), 'utf8');
  try {
    const m = readManifests(text, file.endsWith('.json') ? 'json' : 'yaml');
    counts.read++;
    for (const o of m.objects) counts[o.category]++;
  } catch (e) {
    if (e instanceof IngestError) {
      counts[`error ${e.status}`] = (counts[`error ${e.status}`] ?? 0) + 1;
      console.log(`${e.status} ${file}: ${e.detail}`);
    } else {
      failures++;
      console.error(`UNEXPECTED ${file}:`, e);
    }
  }
}
console.log(`${index.length} files:`, counts);
process.exit(failures === 0 ? 0 : 1);
