#!/usr/bin/env node
// Converts the Pod Security Standards conformance fixtures (upstream YAML pods from
// kubernetes/pod-security-admission test/testdata, plus our checks.json and derived TSV) into one
// compact JSON file that tests import (tests run inside workerd: no filesystem at test time).
//
// Usage: node scripts/import-pss-fixtures.mjs [--src <shared/conformance/pss>] [--out <dir>]
// Defaults: --src /work/shared/conformance/pss, --out <repo>/test/fixtures/pss
//
// Output: <out>/conformance.json =
//   { checks: <checks.json fixturePrefixes>,
//     cases: [{ file, level, version, expect: 'pass'|'fail', pod, detail? }] }
// `detail` is the derived full forbidden detail from expected-messages.derived.tsv (fail cases).
// The README.md next to it (licence/provenance) is written by hand, not by this script.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const src = arg('--src', '/work/shared/conformance/pss');
const out = arg('--out', join(repoRoot, 'test', 'fixtures', 'pss'));

const LEVELS = ['baseline', 'restricted'];
const VERDICTS = ['pass', 'fail'];
const VERSION_DIR = /^v1\.(0|[1-9][0-9]*)$/;

const checksJson = JSON.parse(readFileSync(join(src, 'checks.json'), 'utf8'));

// fixture path -> derived detail
const derived = new Map();
const tsv = readFileSync(join(src, 'expected-messages.derived.tsv'), 'utf8').split('\n');
for (const line of tsv.slice(1)) {
  if (line === '') continue;
  const [fixture, , , detail] = line.split('\t');
  if (fixture === undefined || detail === undefined) throw new Error(`bad TSV line: ${line}`);
  derived.set(fixture, detail);
}

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const cases = [];
for (const level of LEVELS) {
  const versions = readdirSync(join(src, level))
    .filter((d) => VERSION_DIR.test(d))
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
  for (const version of versions) {
    for (const expect of VERDICTS) {
      const dir = join(src, level, version, expect);
      let files;
      try {
        files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort(byText);
      } catch {
        continue;
      }
      for (const f of files) {
        const file = `${level}/${version}/${expect}/${f}`;
        const pod = YAML.parse(readFileSync(join(dir, f), 'utf8'));
        const c = { file, level, version, expect, pod };
        if (expect === 'fail') {
          const detail = derived.get(file);
          if (detail === undefined) throw new Error(`no derived detail for ${file}`);
          c.detail = detail;
        }
        cases.push(c);
      }
    }
  }
}

mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'conformance.json'),
  JSON.stringify({ checks: checksJson.fixturePrefixes, cases }) + '\n',
);
console.log(`wrote ${cases.length} cases to ${join(out, 'conformance.json')}`);
