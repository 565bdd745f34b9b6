#!/usr/bin/env node
// Writes (`write`) or checks (`check`) src/http/response-examples.json: the 200 examples of the
// OpenAPI document are the Worker's real answers to the document's own request examples (trimmed
// where an answer is long), so an example can never drift from what the service says.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const target = join(root, 'src/http/response-examples.json');
const mode = process.argv[2] ?? 'check';

/** operationId → how to trim the real answer into a readable example. */
const TRIM = {
  listBenchmarks: (b) => ({ ...b, benchmarks: b.benchmarks.filter((x) => ['cis-1.12', 'eks-1.8.0'].includes(x.name)) }),
  postFindings: (b) => ({
    ...b,
    objects: b.objects.map((o) => ({ ...o, controls: notPassing(o.controls) })),
    policySet: b.policySet && { ...b.policySet, controls: notPassing(b.policySet.controls) },
    notes: b.notes.slice(0, 3),
  }),
  postAdmission: (b) => b,
  postPss: (b) => b,
  postMigration: (b) => ({ ...b, policies: b.policies.map((p) => ({ ...p, gaps: p.gaps.slice(0, 4) })) }),
  postEvaluate: (b) =>
    b.runs
      ? { ...b, runs: b.runs.map((r) => ({ ...r, tool: { ...r.tool, driver: { ...r.tool.driver, rules: r.tool.driver.rules.filter((x) => r.results.some((res) => res.ruleId === x.id)) } }, results: reindex(r) })) }
      : { ...b, objects: b.objects.map((o) => ({ ...o, cis: o.cis && notPassing(o.cis) })) },
};

/** Examples show what did not pass; a long list of passes teaches nothing. */
const notPassing = (controls) => controls.filter((c) => c.status !== 'pass');
/** SARIF results point at rules by index: renumber after dropping rules without results. */
function reindex(run) {
  const kept = run.tool.driver.rules.filter((x) => run.results.some((res) => res.ruleId === x.id)).map((x) => x.id);
  return run.results.map((res) => ({ ...res, ruleIndex: kept.indexOf(res.ruleId) }));
}

/** Operations answering several formats: one example per `format` query value. */
const FORMATS = { postEvaluate: ['json', 'sarif', 'text', 'junit'] };

const dir = mkdtempSync(join(tmpdir(), 'podsec-examples-'));
try {
  if (!existsSync(target)) writeFileSync(target, '{}\n');
  const outfile = join(dir, 'worker.mjs');
  // The app, and the document of its route contracts (the request examples come from there).
  const entry = "export { createApp } from './src/app'; export { openApiDocument } from './src/http/openapi-document';";
  await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error', mainFields: ['module', 'main'] });
  const { createApp, openApiDocument } = await import(pathToFileURL(outfile).href);
  const app = createApp();
  const call = (path, init) => app.fetch(new Request('http://127.0.0.1:8787' + path, init), {}, { waitUntil() {}, passThroughOnException() {} });
  const doc = openApiDocument();
  const out = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const trim = TRIM[op.operationId];
      if (!trim) continue;
      const init = { method: method.toUpperCase() };
      const body = op.requestBody?.content;
      if (body) {
        const [type, media] = body['application/yaml']?.example !== undefined ? ['application/yaml', body['application/yaml']] : ['application/json', body['application/json']];
        init.headers = { 'content-type': type };
        init.body = typeof media.example === 'string' ? media.example : JSON.stringify(media.example);
      }
      const answer = async (query) => {
        const res = await call(path + query, init);
        if (res.status !== 200) throw new Error(`${method.toUpperCase()} ${path}${query} answered ${res.status} to its own example: ${await res.text()}`);
        return /json/.test(res.headers.get('content-type') ?? '') ? trim(await res.json()) : await res.text();
      };
      if (FORMATS[op.operationId]) {
        out[op.operationId] = {};
        for (const f of FORMATS[op.operationId]) out[op.operationId][f] = await answer(`?format=${f}`);
      } else {
        out[op.operationId] = await answer('');
      }
    }
  }
  const text = JSON.stringify(out, null, 1) + '\n';
  if (mode === 'write') {
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
  } else if (readFileSync(target, 'utf8') !== text) {
    console.error('src/http/response-examples.json is out of date: run `npm run examples`, then `npm run openapi` and `npm run sdk`.');
    process.exit(1);
  } else {
    console.log('src/http/response-examples.json is up to date.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
