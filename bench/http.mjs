/**
 * HTTP throughput (issue 6, part 2): the bundle `wrangler deploy --dry-run` builds, served by
 * workerd through Miniflare on 127.0.0.1 (not the `wrangler dev` proxy), loaded with autocannon.
 * Rows: GET /healthz, the reference request as YAML and as JSON, the large request as YAML; each
 * POST row carries `vsHealthz`, its throughput as a fraction of /healthz in the same run, and
 * `workerdCpuUsPerRequest`, the server's CPU per request. POST rows come warm (the same body every
 * time, so the per-policy content cache of src/psp hits, as it does for callers who send the same
 * policy set again) and cold (every body new, so nothing keyed by content hits: all the work).
 *
 * Usage: node bench/http.mjs <bundle.js> <requests.json>   (prints one JSON document)
 * requests.json: { reference: {json, yaml}, large: {json, yaml} } written by scripts/bench.mjs.
 */
import autocannon from 'autocannon';
import { Miniflare } from 'miniflare';
import { stringify } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [bundle, requestsFile] = process.argv.slice(2);
if (!bundle || !requestsFile) throw new Error('usage: node bench/http.mjs <bundle.js> <requests.json>');
const requests = JSON.parse(readFileSync(requestsFile, 'utf8'));
const root = resolve(import.meta.dirname, '..');
const QUICK = process.env.PODSEC_BENCH_QUICK === '1';
const DURATION = QUICK ? 2 : 10;
// Warm-up per row: V8 keeps optimising the route's functions for several thousand requests (its
// compiler threads were ~13% of workerd's CPU in requests 2,300-12,300 with a 2 s warm-up); the
// rows measure the steady state of a long-lived isolate. Start-up and first-request cost are
// measured separately (part 3).
const WARMUP = QUICK ? 1 : 6;
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

/**
 * CPU time (user + system, ms) of the workerd processes Miniflare started (Linux /proc; null
 * elsewhere). Per request it is the server's own cost, which the shared machine disturbs far less
 * than throughput (autocannon runs on the same cores).
 */
function workerdCpuMs() {
  try {
    const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
    let total = 0;
    let found = false;
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (comm !== 'workerd' || !isDescendant(Number(fields[1]))) continue;
      found = true;
      total += (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
    }
    return found ? total : null;
  } catch {
    return null;
  }
}
function isDescendant(ppid) {
  for (let pid = ppid, hops = 0; pid > 1 && hops < 8; hops++) {
    if (pid === process.pid) return true;
    try {
      pid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * The same request made new each time (the cold rows): every object gets an annotation whose value
 * changes per request, so no cache keyed by content hits (policy validation and compiled
 * providers), while the work stays that of the request (the engines ignore the annotation).
 * YAML is written as bench/requests.ts writes it.
 */
const NONCE = 'nonce-XXXXXXXX';
function coldTemplate(jsonText, kind) {
  const objects = JSON.parse(jsonText);
  for (const o of objects) o.metadata.annotations = { ...o.metadata.annotations, 'bench.podsec.dev/nonce': NONCE };
  return kind === 'json' ? JSON.stringify(objects) : objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
let nonces = 0;
function fresh(template) {
  return template.replaceAll(NONCE, `nonce-${String(++nonces).padStart(8, '0')}`);
}

function run(opts) {
  const request = { method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, body: opts.body };
  const requests = [opts.template === undefined ? request : { ...request, setupRequest: (r) => ({ ...r, body: fresh(opts.template) }) }];
  return new Promise((res, rej) => {
    autocannon({ url: base, connections: CONNECTIONS, duration: opts.duration, requests }, (err, r) => (err ? rej(err) : res(r)));
  });
}

/** One status probe first: a route that is not there (yet) is reported, not benchmarked. */
async function probe(target) {
  const body = target.template === undefined ? target.body : fresh(target.template);
  const r = await fetch(base + target.path, { method: target.method ?? 'GET', headers: target.headers, body });
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
  const cpu0 = workerdCpuMs();
  const r = await run({ ...target, duration: DURATION });
  const cpu1 = workerdCpuMs();
  return {
    name,
    method: target.method ?? 'GET',
    path: target.path,
    contentType: target.headers?.['content-type'] ?? null,
    requestBytes: (target.template === undefined ? target.body : fresh(target.template))?.length ?? 0,
    cache: target.template === undefined ? (target.method === 'POST' ? 'warm: the same request every time' : null) : 'cold: every request new (annotation nonce), so no content cache hits',
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, mean: r.latency.mean, max: r.latency.max },
    workerdCpuUsPerRequest: cpu0 === null || cpu1 === null || r.requests.total === 0 ? null : Math.round(((cpu1 - cpu0) * 1000) / r.requests.total),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

const yaml = { 'content-type': 'application/yaml' };
const json = { 'content-type': 'application/json' };
try {
  const evaluateStatus = await probe({ method: 'POST', path: '/v1/evaluate', headers: yaml, body: requests.reference.yaml }).catch((err) => `error ${err.cause?.message ?? err.message}`);
  const useEvaluate = typeof evaluateStatus === 'number' && evaluateStatus >= 200 && evaluateStatus <= 299;
  const targets = [['GET /healthz', { path: '/healthz' }]];
  for (const size of ['reference', 'large']) {
    const body = requests[size].yaml;
    // The reference request is POST /v1/evaluate; before it existed, admission and findings stood in for it.
    if (useEvaluate) {
      const evaluate = { method: 'POST', path: '/v1/evaluate' };
      // Warm (the same body again: compiled policies come from the content cache) and cold (every body new: all the work).
      targets.push([`${size}: POST /v1/evaluate (YAML)`, { ...evaluate, headers: yaml, body }]);
      // The same request as JSON: what the HTTP layer and the engines cost without the YAML reader.
      if (size === 'reference') targets.push([`${size}: POST /v1/evaluate (JSON)`, { ...evaluate, headers: json, body: requests[size].json }]);
      targets.push([`${size}: POST /v1/evaluate (YAML, cold)`, { ...evaluate, headers: yaml, template: coldTemplate(requests[size].json, 'yaml') }]);
      if (size === 'reference') targets.push([`${size}: POST /v1/evaluate (JSON, cold)`, { ...evaluate, headers: json, template: coldTemplate(requests[size].json, 'json') }]);
    } else {
      targets.push([`${size}: POST /v1/admission (YAML)`, { method: 'POST', path: '/v1/admission', headers: yaml, body }]);
      targets.push([`${size}: POST /v1/findings (YAML)`, { method: 'POST', path: '/v1/findings', headers: yaml, body }]);
    }
  }
  const results = [];
  for (const [name, target] of targets) results.push(await load(name, target));
  // Throughput relative to GET /healthz in the same run: the figure issue 6 sets a target for (>= 50%).
  const health = results[0];
  for (const r of results.slice(1)) {
    if (!r.skipped && !health.skipped) r.vsHealthz = Math.round((r.requestsPerSecond / health.requestsPerSecond) * 1000) / 1000;
  }
  process.stdout.write(JSON.stringify({ base, evaluateRoute: useEvaluate ? 'used' : `not benchmarked: probe answered HTTP ${evaluateStatus}`, results }) + '\n');
} finally {
  await mf.dispose();
}
