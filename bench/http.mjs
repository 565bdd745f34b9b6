/**
 * HTTP throughput (issue 6, part 2): the bundle `wrangler deploy --dry-run` builds, served by
 * workerd through Miniflare on 127.0.0.1 (not the `wrangler dev` proxy), loaded with autocannon.
 *
 * Usage: node bench/http.mjs <bundle.js> <requests.json>   (prints one JSON document)
 * requests.json: { reference: {json, yaml}, large: {json, yaml} } written by scripts/bench.mjs.
 */
import autocannon from 'autocannon';
import { Miniflare } from 'miniflare';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [bundle, requestsFile] = process.argv.slice(2);
if (!bundle || !requestsFile) throw new Error('usage: node bench/http.mjs <bundle.js> <requests.json>');
const requests = JSON.parse(readFileSync(requestsFile, 'utf8'));
const root = resolve(import.meta.dirname, '..');
const QUICK = process.env.PODSEC_BENCH_QUICK === '1';
const DURATION = QUICK ? 2 : 10;
const WARMUP = QUICK ? 1 : 2;
const CONNECTIONS = 16;

function wranglerToml() {
  return readFileSync(resolve(root, 'wrangler.toml'), 'utf8');
}
/** [vars] of wrangler.toml: the bundle runs with its deployed configuration. */
function wranglerVars() {
  const section = wranglerToml().split(/^\[vars\]\s*$/m)[1]?.split(/^\[/m)[0] ?? '';
  const vars = {};
  for (const m of section.matchAll(/^([A-Z0-9_]+)\s*=\s*"([^"]*)"/gm)) vars[m[1]] = m[2];
  return vars;
}
const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(wranglerToml())?.[1] ?? '2026-07-01';

const mf = new Miniflare({
  modules: true,
  scriptPath: resolve(bundle),
  // The bundle lives in a temporary directory, outside the working directory workerd starts in.
  modulesRoot: dirname(resolve(bundle)),
  compatibilityDate,
  bindings: wranglerVars(),
  host: '127.0.0.1',
  port: 0,
});
const url = await mf.ready;
const base = url.href.replace(/\/$/, '');

function run(opts) {
  return new Promise((res, rej) => {
    autocannon({ url: base + opts.path, connections: CONNECTIONS, duration: opts.duration, method: opts.method ?? 'GET', headers: opts.headers, body: opts.body }, (err, r) => (err ? rej(err) : res(r)));
  });
}

/** One status probe first: a route that is not there (yet) is reported, not benchmarked. */
async function probe(target) {
  const r = await fetch(base + target.path, { method: target.method ?? 'GET', headers: target.headers, body: target.body });
  await r.arrayBuffer();
  return r.status;
}

async function load(name, target) {
  process.stderr.write(`  ${name} ...\n`);
  let status;
  try {
    status = await probe(target);
  } catch (err) {
    return { name, path: target.path, skipped: `probe failed: ${err.cause?.message ?? err.message}` };
  }
  if (status < 200 || status > 299) return { name, path: target.path, skipped: `probe answered HTTP ${status}` };
  await run({ ...target, duration: WARMUP });
  const r = await run({ ...target, duration: DURATION });
  return {
    name,
    method: target.method ?? 'GET',
    path: target.path,
    contentType: target.headers?.['content-type'] ?? null,
    requestBytes: target.body?.length ?? 0,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.mean, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

const yaml = { 'content-type': 'application/yaml' };
try {
  const evaluateStatus = await probe({ method: 'POST', path: '/v1/evaluate', headers: yaml, body: requests.reference.yaml }).catch((err) => `error ${err.cause?.message ?? err.message}`);
  const useEvaluate = typeof evaluateStatus === 'number' && evaluateStatus >= 200 && evaluateStatus <= 299;
  const targets = [['GET /healthz', { path: '/healthz' }]];
  for (const size of ['reference', 'large']) {
    const body = requests[size].yaml;
    // The reference request is POST /v1/evaluate; before it existed, admission and findings stood in for it.
    if (useEvaluate) {
      targets.push([`${size}: POST /v1/evaluate (YAML)`, { method: 'POST', path: '/v1/evaluate', headers: yaml, body }]);
    } else {
      targets.push([`${size}: POST /v1/admission (YAML)`, { method: 'POST', path: '/v1/admission', headers: yaml, body }]);
      targets.push([`${size}: POST /v1/findings (YAML)`, { method: 'POST', path: '/v1/findings', headers: yaml, body }]);
    }
  }
  const results = [];
  for (const [name, target] of targets) results.push(await load(name, target));
  process.stdout.write(JSON.stringify({ base, evaluateRoute: useEvaluate ? 'used' : `not benchmarked: probe answered HTTP ${evaluateStatus}`, results }) + '\n');
} finally {
  await mf.dispose();
}
