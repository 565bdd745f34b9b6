#!/usr/bin/env node
// `npm run bench` (issue 6): engine micro-benchmarks, HTTP throughput of the deployable bundle in
// workerd (Miniflare, 127.0.0.1), bundle size and start-up CPU. Writes bench/results.json and
// prints a table. On demand only: never part of `npm test`. Bounded: about 2.5-3 minutes.
// PODSEC_BENCH_QUICK=1 shortens every phase (a smoke run; its figures are not for publishing).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const work = mkdtempSync(join(tmpdir(), 'podsec-bench-'));
const started = Date.now();
// wrangler needs Node >= 22: the project's own `node` dev dependency comes first on PATH.
const env = { ...process.env, PATH: `${resolve(root, 'node_modules/.bin')}:${process.env.PATH}`, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' };
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
const log = (s) => process.stderr.write(s + '\n');

/** Same module resolution as the Worker bundle (workerd/browser builds of dependencies). */
function esbuild(entry, outfile) {
  run(bin('esbuild'), [entry, '--bundle', '--platform=neutral', '--main-fields=module,main', '--conditions=workerd,worker,browser', '--format=esm', '--target=es2022', `--outfile=${outfile}`, '--log-level=warning']);
}

function machine() {
  const lscpu = (() => {
    try {
      return run('lscpu', []);
    } catch {
      return '';
    }
  })();
  const field = (name) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(lscpu)?.[1]?.trim() ?? null;
  return {
    nproc: Number(run('nproc', []).trim()),
    cpuModel: field('Model name') ?? cpus()[0]?.model ?? null,
    threadsPerCore: field('Thread\\(s\\) per core'),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverageAtStart: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
}

function buildBundle(outdir, minify) {
  run(bin('wrangler'), ['deploy', '--dry-run', '--outdir', outdir, ...(minify ? ['--minify'] : [])]);
  const code = readFileSync(join(outdir, 'index.js'));
  return { path: join(outdir, 'index.js'), rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/**
 * Start-up CPU: parse + compile + evaluate of the bundle's module scope (the app itself is built on
 * the first request, see src/index.ts), in a fresh V8 isolate (a fresh Node process each time),
 * median of 25 (on a shared VM the probe is bimodal: the same file measures ~44 or ~60 ms from one
 * process to the next, and 7 samples did not settle it). workerd runs the same V8; `wrangler check startup` needs Cloudflare's API and so is
 * not run here. The bundle is imported as an `.mjs` copy: imported as `index.js` from a folder
 * without package.json, Node first tries it as CommonJS and parses it twice, which workerd never
 * does. The same probe on an empty Worker gives the floor of the method (Node's own module loader,
 * and its `fetch` for the first request), measured in the same run.
 */
const STARTUP_RUNS = 25;
function startup(bundlePath) {
  const probe = join(work, 'startup.mjs');
  const bundle = join(work, 'startup-bundle.mjs');
  const empty = join(work, 'startup-empty.mjs');
  copyFileSync(bundlePath, bundle);
  writeFileSync(empty, 'export default { fetch() { return new Response("ok"); } };\n');
  writeFileSync(
    probe,
    `const c0 = process.cpuUsage(); const w0 = performance.now();
const mod = await import(process.argv[2]);
const c1 = process.cpuUsage(c0); const w1 = performance.now();
const r = await mod.default.fetch(new Request('http://127.0.0.1/healthz'), {}, { waitUntil() {}, passThroughOnException() {} });
await r.text();
const c2 = process.cpuUsage(c0);
console.log(JSON.stringify({ status: r.status, cpuMs: (c1.user + c1.system) / 1000, wallMs: w1 - w0, firstRequestCpuMs: (c2.user + c2.system - c1.user - c1.system) / 1000 }));
`,
  );
  const measure = (file) => {
    const runs = [];
    for (let i = 0; i < STARTUP_RUNS; i++) runs.push(JSON.parse(run(process.execPath, [probe, 'file://' + file]).trim()));
    const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[STARTUP_RUNS >> 1];
    return { cpuMs: median('cpuMs'), wallMs: median('wallMs'), firstRequestCpuMs: median('firstRequestCpuMs'), runs };
  };
  const floor = measure(empty);
  return {
    method: 'node: CPU time of `await import(bundle as .mjs)` in a fresh process (median of ' + STARTUP_RUNS + '); emptyWorker = the same probe on a one-line Worker',
    ...measure(bundle),
    emptyWorker: { cpuMs: floor.cpuMs, firstRequestCpuMs: floor.firstRequestCpuMs },
  };
}

const results = { date: new Date().toISOString(), command: 'npm run bench', quick: process.env.PODSEC_BENCH_QUICK === '1', machine: machine() };
log(`podsec bench: ${results.machine.nproc} CPUs (${results.machine.cpuModel}), node ${process.version}, load ${results.machine.loadAverageAtStart}`);

try {
  // 1. Engines.
  log('1/3 engine micro-benchmarks (tinybench, zod jitless) ...');
  esbuild('bench/engine.bench.ts', join(work, 'engine.mjs'));
  results.engine = JSON.parse(run(process.execPath, [join(work, 'engine.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] }).trim());

  // 3 (first: the HTTP phase needs the bundle). Bundle size and start-up.
  log('3/3 bundle size and start-up ...');
  const deployed = buildBundle(join(work, 'bundle'), false);
  const minified = buildBundle(join(work, 'bundle-min'), true);
  results.bundle = {
    deployed: { rawBytes: deployed.rawBytes, gzipBytes: deployed.gzipBytes, note: 'wrangler deploy --dry-run (wrangler.toml as is)' },
    minified: { rawBytes: minified.rawBytes, gzipBytes: minified.gzipBytes, note: 'wrangler deploy --dry-run --minify' },
  };
  results.startup = startup(minified.path);

  // 2. HTTP.
  log('2/3 HTTP throughput (Miniflare/workerd on 127.0.0.1, autocannon 16 connections) ...');
  esbuild('bench/requests.ts', join(work, 'requests.mjs'));
  const { referenceRequest, largeRequest } = await import('file://' + join(work, 'requests.mjs'));
  const reqFile = join(work, 'requests.json');
  const pick = (r) => ({ json: r.json, yaml: r.yaml });
  writeFileSync(reqFile, JSON.stringify({ reference: pick(referenceRequest()), large: pick(largeRequest()) }));
  results.http = JSON.parse(run(process.execPath, [resolve(root, 'bench/http.mjs'), deployed.path, reqFile], { stdio: ['ignore', 'pipe', 'inherit'] }).trim());
} finally {
  rmSync(work, { recursive: true, force: true });
}

results.seconds = Math.round((Date.now() - started) / 100) / 10;
mkdirSync(resolve(root, 'bench'), { recursive: true });
writeFileSync(resolve(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(renderTable(results));

function renderTable(r) {
  const us = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} ms` : `${x.toFixed(1)} µs`);
  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
  const lines = [];
  const m = r.machine;
  lines.push(`podsec bench — ${r.date} — ${m.nproc} × ${m.cpuModel}, node ${m.node}, load average at start ${m.loadAverageAtStart}${r.quick ? ' — QUICK RUN, not for publishing' : ''}`);
  lines.push('', '1. Engines (CPU time per request, mean then p50 and p99; floor = JSON.parse(request) + JSON.stringify(response), same run)');
  for (const k of ['reference', 'large']) {
    const e = r.engine[k];
    lines.push(`  ${k}: ${e.description}; request ${kib(e.requestBytes.json)} JSON / ${kib(e.requestBytes.yaml)} YAML, response ${kib(e.responseBytes)}`);
    for (const [name, t] of Object.entries(e.timings)) lines.push(`    ${name.padEnd(56)} ${us(t.meanUs).padStart(10)}  p50 ${us(t.p50Us).padStart(10)}  p99 ${us(t.p99Us).padStart(10)}  n=${t.samples}`);
    const cold = e.ratios.enginesColdToFloor === undefined ? '' : `   engines cold ÷ floor ${e.ratios.enginesColdToFloor.toFixed(2)}×`;
    lines.push(`    engines ÷ floor ${e.ratios.enginesToFloor.toFixed(2)}×${cold}   full JSON ÷ floor ${e.ratios.fullJsonToFloor.toFixed(2)}×   full YAML ÷ floor ${e.ratios.fullYamlToFloor.toFixed(2)}×`);
  }
  const g = r.engine.growth;
  lines.push('  growth: engines mean / p50 (full JSON request, mean) per request, PSPs × containers');
  lines.push('    ' + 'PSPs \\ containers'.padEnd(18) + g.containerCounts.map((c) => String(c).padStart(34)).join(''));
  for (const p of g.policyCounts) {
    const row = g.containerCounts.map((c) => {
      const cell = g.cells.find((x) => x.policies === p && x.containers === c);
      const p50 = cell.enginesP50Us === undefined ? '' : ` / ${us(cell.enginesP50Us)}`;
      return `${us(cell.enginesUs)}${p50} (${us(cell.fullJsonUs)})`.padStart(34);
    });
    lines.push('    ' + String(p).padEnd(18) + row.join(''));
  }
  const mb = r.engine.maxBody;
  lines.push(`  largest body: ${mb.description} (medians of ${Object.values(mb.timings)[0].samples}): ${Object.entries(mb.timings).map(([n, t]) => `${n} ${us(t.p50Us)}`).join(', ')}`);
  if (mb.ratios) lines.push(`    response ${kib(mb.responseBytes)}; full JSON ÷ floor ${mb.ratios.fullJsonToFloor.toFixed(2)}×   full YAML ÷ floor ${mb.ratios.fullYamlToFloor.toFixed(2)}×`);
  lines.push('', '2. HTTP (bundle in workerd via Miniflare, autocannon, 16 connections)');
  const health = r.http.results.find((x) => x.path === '/healthz');
  for (const h of r.http.results) {
    if (h.skipped) {
      lines.push(`  ${h.name.padEnd(44)} skipped: ${h.skipped}`);
      continue;
    }
    const ratio = health && !health.skipped && h !== health ? `  ${((h.requestsPerSecond / health.requestsPerSecond) * 100).toFixed(0)}% of /healthz` : '';
    const cpu = h.workerdCpuUsPerRequest == null ? '' : `  workerd CPU ${us(h.workerdCpuUsPerRequest)}/req`;
    const floor = h.vsFloor === undefined ? '' : `  ${(h.vsFloor * 100).toFixed(0)}% of floor (its answer)`;
    lines.push(`  ${h.name.padEnd(44)} ${h.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${h.latencyMs.p50} ms  p99 ${h.latencyMs.p99} ms  non-2xx ${h.non2xx}${cpu}${ratio}${floor}`);
  }
  lines.push(`  /v1/evaluate: ${r.http.evaluateRoute}`);
  lines.push('', '3. Bundle and start-up');
  lines.push(`  deployed bundle ${kib(r.bundle.deployed.rawBytes)} raw, ${kib(r.bundle.deployed.gzipBytes)} gzip; minified ${kib(r.bundle.minified.rawBytes)} raw, ${kib(r.bundle.minified.gzipBytes)} gzip`);
  lines.push(`  start-up CPU ${r.startup.cpuMs.toFixed(1)} ms (${r.startup.method}); first request after it ${r.startup.firstRequestCpuMs.toFixed(1)} ms CPU`);
  lines.push(`  empty Worker, same probe: start-up ${r.startup.emptyWorker.cpuMs.toFixed(1)} ms, first request ${r.startup.emptyWorker.firstRequestCpuMs.toFixed(1)} ms CPU`);
  lines.push('', `bench/results.json written in ${r.seconds} s`, '');
  return lines.join('\n');
}
