/**
 * HTTP throughput (issue 6, part 2): the bundle `wrangler deploy --dry-run` builds, served by
 * workerd through Miniflare on 127.0.0.1 (not the `wrangler dev` proxy), loaded with autocannon.
 * Rows: GET /healthz, the reference request as YAML and as JSON, the large request as YAML; each
 * POST row carries `vsHealthz`, its throughput as a fraction of /healthz in the same run, and
 * `workerdCpuUsPerRequest`, the server's CPU per request. POST rows come warm (the same body every
 * time, so the per-policy content cache of src/psp hits, as it does for callers who send the same
 * policy set again) and cold (every body new, so nothing keyed by content hits: all the work).
 * Floor rows (issue 6's "a handler that does nothing but parse the same body and answer"): a
 * one-file Worker in a second Miniflare instance, started after the podsec rows and disposed after
 * its own, parses the reference JSON request and answers either a tiny JSON object or podsec's own
 * answer to that request (JSON.stringify of it, fetched from podsec first). The reference JSON row
 * gets `vsFloor`, its throughput as a fraction of the second floor route.
 *
 * Usage: node bench/http.mjs <bundle.js> <requests.json>   (prints one JSON document)
 * requests.json: { reference: {json, yaml}, large: {json, yaml} } written by scripts/bench.mjs.
 */
import autocannon from 'autocannon';
import { Miniflare } from 'miniflare';
import { stringify } from 'yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

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

// wrangler.toml as wrangler reads it: the compatibility date and [vars] (the deployed configuration).
// Not its [assets]: the rows measure the Worker alone, and none of them reads an asset.
const { workerOptions } = unstable_getMiniflareWorkerOptions(resolve(root, 'wrangler.toml'));
const compatibilityDate = workerOptions.compatibilityDate;

/**
 * Runs `body` against a Miniflare instance started for it and disposed after it. `server.pids` are
 * the workerd processes this instance started (those that were not there before), so each row's
 * CPU is that of its own server even with two instances in one run.
 */
async function withInstance(options, body) {
  const before = workerdPids();
  const mf = new Miniflare({ compatibilityDate, host: '127.0.0.1', port: 0, ...options });
  try {
    const url = await mf.ready;
    const pids = [...workerdPids()].filter((pid) => !before.has(pid));
    return await body({ base: url.href.replace(/\/$/, ''), pids });
  } finally {
    await mf.dispose();
  }
}
const podsecOptions = {
  modules: true,
  scriptPath: resolve(bundle),
  // The bundle lives in a temporary directory, outside the working directory workerd starts in.
  modulesRoot: dirname(resolve(bundle)),
  bindings: workerOptions.bindings,
};

/**
 * The floor Worker: what a POST of the reference JSON request costs before any engine runs.
 * FLOOR_PARSE parses the body and answers a tiny object; FLOOR_ANSWER parses it and answers
 * JSON.stringify(ANSWER), ANSWER being podsec's own answer to that request (parsed once at module
 * scope): the least that answering those 89 KiB of JSON costs in this setup.
 */
const FLOOR_PARSE = '/floor/parse';
const FLOOR_ANSWER = '/floor/answer';
function floorScript(answerText) {
  return `const ANSWER = JSON.parse(${JSON.stringify(answerText ?? 'null')});
const HEADERS = { 'content-type': 'application/json' };
export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (request.method !== 'POST') return new Response(null, { status: 405 });
    JSON.parse(await request.text());
    if (pathname === ${JSON.stringify(FLOOR_PARSE)}) return new Response(JSON.stringify({ status: 'ok' }), { headers: HEADERS });
    if (pathname === ${JSON.stringify(FLOOR_ANSWER)}) return new Response(JSON.stringify(ANSWER), { headers: HEADERS });
    return new Response(null, { status: 404 });
  },
};
`;
}

/**
 * CPU time (user + system, ms) of the given workerd processes (Linux /proc; null elsewhere). Per
 * request it is the server's own cost, which the shared machine disturbs far less than throughput
 * (autocannon runs on the same cores).
 */
function workerdCpuMs(pids) {
  try {
    const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
    let total = 0;
    for (const pid of pids) {
      const fields = readStat(pid).fields;
      total += (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
    }
    return pids.length > 0 ? total : null;
  } catch {
    return null;
  }
}
/** The workerd processes under this one (the Miniflare instances it started); empty off Linux. */
function workerdPids() {
  const pids = new Set();
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let stat;
      try {
        stat = readStat(pid);
      } catch {
        continue;
      }
      if (stat.comm === 'workerd' && isDescendant(Number(stat.fields[1]))) pids.add(pid);
    }
  } catch {
    // no /proc: CPU per request is reported as null
  }
  return pids;
}
function readStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') };
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

function run(server, opts) {
  const request = { method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, body: opts.body };
  const requests = [opts.template === undefined ? request : { ...request, setupRequest: (r) => ({ ...r, body: fresh(opts.template) }) }];
  return new Promise((res, rej) => {
    autocannon({ url: server.base, connections: CONNECTIONS, duration: opts.duration, requests }, (err, r) => (err ? rej(err) : res(r)));
  });
}

/** One request outside the measurement: status and body text. */
async function fetchOnce(server, target) {
  const body = target.template === undefined ? target.body : fresh(target.template);
  const r = await fetch(server.base + target.path, { method: target.method ?? 'GET', headers: target.headers, body });
  return { status: r.status, text: await r.text() };
}

/** One status probe first: a route that is not there (yet) is reported, not benchmarked. */
async function probe(server, target) {
  return (await fetchOnce(server, target)).status;
}

async function load(server, name, target) {
  process.stderr.write(`  ${name} ...\n`);
  let status;
  try {
    status = await probe(server, target);
  } catch (err) {
    return { name, path: target.path, skipped: `probe failed: ${err.cause?.message ?? err.message}` };
  }
  if (status < 200 || status > 299) return { name, path: target.path, skipped: `probe answered HTTP ${status}` };
  await run(server, { ...target, duration: WARMUP });
  const cpu0 = workerdCpuMs(server.pids);
  const r = await run(server, { ...target, duration: DURATION });
  const cpu1 = workerdCpuMs(server.pids);
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

const ratio = (a, b) => Math.round((a.requestsPerSecond / b.requestsPerSecond) * 1000) / 1000;
const yaml = { 'content-type': 'application/yaml' };
const json = { 'content-type': 'application/json' };
const REFERENCE_JSON_ROW = 'reference: POST /v1/evaluate (JSON)';

const podsec = await withInstance(podsecOptions, async (server) => {
  const evaluateStatus = await probe(server, { method: 'POST', path: '/v1/evaluate', headers: yaml, body: requests.reference.yaml }).catch((err) => `error ${err.cause?.message ?? err.message}`);
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
      if (size === 'reference') targets.push([REFERENCE_JSON_ROW, { ...evaluate, headers: json, body: requests[size].json }]);
      targets.push([`${size}: POST /v1/evaluate (YAML, cold)`, { ...evaluate, headers: yaml, template: coldTemplate(requests[size].json, 'yaml') }]);
      if (size === 'reference') targets.push([`${size}: POST /v1/evaluate (JSON, cold)`, { ...evaluate, headers: json, template: coldTemplate(requests[size].json, 'json') }]);
    } else {
      targets.push([`${size}: POST /v1/admission (YAML)`, { method: 'POST', path: '/v1/admission', headers: yaml, body }]);
      targets.push([`${size}: POST /v1/findings (YAML)`, { method: 'POST', path: '/v1/findings', headers: yaml, body }]);
    }
  }
  // podsec's answer to the reference JSON request, for the floor Worker; fetched before any row is measured.
  const answer = useEvaluate ? await fetchOnce(server, { method: 'POST', path: '/v1/evaluate', headers: json, body: requests.reference.json }) : null;
  const results = [];
  for (const [name, target] of targets) results.push(await load(server, name, target));
  return { base: server.base, evaluateStatus, useEvaluate, answer, results };
});

// The floor instance runs only now: nothing of it is alive while the podsec rows are measured.
const answerOk = podsec.answer !== null && podsec.answer.status >= 200 && podsec.answer.status <= 299;
const floor = await withInstance({ modules: true, script: floorScript(answerOk ? podsec.answer.text : null) }, async (server) => {
  const body = requests.reference.json;
  const results = [await load(server, 'floor: reference JSON parsed, tiny answer', { method: 'POST', path: FLOOR_PARSE, headers: json, body })];
  const name = 'floor: reference JSON parsed, its answer';
  if (!answerOk) {
    results.push({ name, path: FLOOR_ANSWER, skipped: `no podsec answer to embed (${podsec.answer === null ? 'POST /v1/evaluate not benchmarked' : `HTTP ${podsec.answer.status}`})` });
    return { base: server.base, results };
  }
  // The floor answers podsec's bytes exactly (JSON.stringify of the parsed answer gives them back), so the two rows serialise the same payload.
  const sameBody = (await fetchOnce(server, { method: 'POST', path: FLOOR_ANSWER, headers: json, body })).text === podsec.answer.text;
  const row = await load(server, name, { method: 'POST', path: FLOOR_ANSWER, headers: json, body });
  results.push(row.skipped ? row : { ...row, responseBytes: Buffer.byteLength(podsec.answer.text), sameBodyAsPodsec: sameBody });
  return { base: server.base, results };
});

const results = [...podsec.results, ...floor.results];
// Throughput relative to GET /healthz in the same run: the figure issue 6 sets a target for (>= 50%).
const health = results[0];
for (const r of results.slice(1)) {
  if (!r.skipped && !health.skipped) r.vsHealthz = ratio(r, health);
}
// The reference JSON row against the floor of its own answer (parse the same body, stringify the same answer).
const referenceJson = results.find((r) => r.name === REFERENCE_JSON_ROW);
const floorAnswer = results.find((r) => r.path === FLOOR_ANSWER);
if (referenceJson && !referenceJson.skipped && !floorAnswer.skipped) referenceJson.vsFloor = ratio(referenceJson, floorAnswer);
const evaluateRoute = podsec.useEvaluate ? 'used' : `not benchmarked: probe answered HTTP ${podsec.evaluateStatus}`;
process.stdout.write(JSON.stringify({ base: podsec.base, floorBase: floor.base, evaluateRoute, results }) + '\n');
