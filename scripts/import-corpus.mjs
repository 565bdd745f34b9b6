#!/usr/bin/env node
// Copies the real-world manifest corpus (/work/shared/corpus/real-world, or the folder given as
// the first argument) into test/fixtures/corpus/ for test/ingest/corpus.test.ts.
//
// The whole corpus is ~4.4 MB, too much to commit as test data, so files larger than
// MAX_FILE_BYTES are left out (the Argo CD CRD bundle, 1.9 MB; the Grafana dashboards
// ConfigMapList, 1.0 MB; the clickhouse-operator bundle, 326 KB, whose anchors and `<<` merge keys
// are covered by unit tests). scripts/check-corpus.mjs still reads every file of the full corpus.
// File contents are copied byte for byte (CRLF, BOM, zero-byte files are the point).
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_FILE_BYTES = 200 * 1024;
const root = process.argv[2] ?? '/work/shared/corpus/real-world';
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'corpus');

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
rmSync(out, { recursive: true, force: true });
const kept = [];
let bytes = 0;
for (const entry of index) {
  const size = statSync(join(root, entry.file)).size;
  if (size > MAX_FILE_BYTES) {
    console.log(`left out (${size} bytes): ${entry.file}`);
    continue;
  }
  mkdirSync(dirname(join(out, entry.file)), { recursive: true });
  copyFileSync(join(root, entry.file), join(out, entry.file));
  kept.push(entry);
  bytes += size;
}
writeFileSync(join(out, 'index.json'), JSON.stringify(kept, null, 1) + '\n');
copyFileSync(join(root, 'SOURCES.md'), join(out, 'SOURCES.md'));
writeFileSync(
  join(out, 'README.md'),
  `# Real-world manifest corpus (subset)

Copied by \`scripts/import-corpus.mjs\` from the project's shared corpus; do not edit by hand.
${kept.length} of ${index.length} files (${bytes} bytes); files over ${MAX_FILE_BYTES} bytes are left out
and checked by \`node scripts/check-corpus.mjs\` instead.

Every file is third-party content, unmodified, published under its repository's licence:
Apache-2.0 for most sources, MIT (appvia/psp-migration, zegl/kube-score), CC-BY-4.0
(kubernetes/website, © The Kubernetes Authors) and WTFPL (onedr0p/home-ops). \`SOURCES.md\` (copied
alongside) names each source repository, commit and licence, and describes the deliberately broken
files; \`index.json\` lists every copied file with its source path and commit.
`,
);
console.log(`copied ${kept.length} files, ${bytes} bytes, to ${out}`);
