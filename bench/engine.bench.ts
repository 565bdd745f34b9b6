/**
 * Engine micro-benchmarks (issue 6, part 1), run in Node on an esbuild bundle of this file (see
 * scripts/bench.mjs). Zod runs jitless, as on Workers (no eval there).
 *
 * For each request: the whole pipeline (body text → response text) for JSON and YAML bodies, and
 * its parts (ingest, engines, JSON.stringify of the response), against the floor: JSON.parse of
 * the same request as JSON text + JSON.stringify of the same response, measured in the same run.
 *
 * Output: one JSON document on stdout (the orchestrator writes it into bench/results.json).
 */
import { Bench, type Task } from 'tinybench';
import { config } from 'zod';
import { clearContentCaches } from '../src/psp/content-cache';
import { evaluateManifests, evaluateRequest, ingest } from './pipeline';
import { largeRequest, maxBodyRequest, podAndPolicies, referenceRequest, type BenchRequest } from './requests';

config({ jitless: true });

const QUICK = process.env.PODSEC_BENCH_QUICK === '1';

interface RunOptions {
  iterations: number;
  /** Minimum time budget per task, ms (CPU clock). */
  time: number;
  warmupIterations: number;
}
const scale = (o: RunOptions): RunOptions =>
  QUICK ? { iterations: Math.max(5, Math.round(o.iterations / 20)), time: Math.round(o.time / 10), warmupIterations: Math.max(2, Math.round(o.warmupIterations / 10)) } : o;
/** Issue 6: warm-up, then at least 10k iterations for the headline (sub-millisecond) tasks. */
const HEADLINE = scale({ iterations: 10_000, time: 200, warmupIterations: 500 });
/** Tasks costing milliseconds (YAML bodies, the large request): as many as fit the time box. */
const SLOW = scale({ iterations: 50, time: 800, warmupIterations: 10 });
/** The growth grid. */
const GRID = scale({ iterations: 50, time: 200, warmupIterations: 10 });

/**
 * CPU time of this process (user + system), in ms: what the Workers limit counts, and far less
 * disturbed than wall time by other work on a shared machine.
 */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Timing {
  meanUs: number;
  p50Us: number;
  p99Us: number;
  samples: number;
  rmePercent: number;
}

function timing(task: Task): Timing {
  const r = task.result;
  if (r.state !== 'completed') throw new Error(`bench task ${task.name} did not complete: ${r.state}${'error' in r ? `: ${String(r.error)}` : ''}`);
  const l = r.latency;
  return { meanUs: l.mean * 1000, p50Us: l.p50 * 1000, p99Us: l.p99 * 1000, samples: l.samplesCount, rmePercent: l.rme };
}

let sink = 0;
/** Keeps results alive so the optimiser cannot drop the work. */
function consume(s: string): void {
  sink = (sink + s.length) | 0;
}

/**
 * Each task: [options, fn, beforeEach?]; one Bench per task so each gets its own iteration count.
 * beforeEach runs outside the measured time.
 */
async function measure(tasks: Record<string, [RunOptions, () => void, (() => void)?]>): Promise<Record<string, Timing>> {
  const out: Record<string, Timing> = {};
  for (const [name, [opts, fn, beforeEach]] of Object.entries(tasks)) {
    const bench = new Bench({ ...opts, warmup: true, throws: true, now: cpuNow });
    bench.add(name, fn, beforeEach ? { beforeEach } : {});
    await bench.run();
    out[name] = timing(bench.tasks[0]!);
  }
  return out;
}

/** The floor every engine figure is compared with: what merely reading the request and writing the answer costs. */
const FLOOR = 'floor: JSON.parse(request) + JSON.stringify(response)';
function floorTask(requestJson: string, response: unknown): () => void {
  return () => {
    sink = (sink + (JSON.parse(requestJson) as unknown[]).length) | 0;
    consume(JSON.stringify(response));
  };
}

async function requestBench(req: BenchRequest, fast: RunOptions, slow: RunOptions) {
  let manifests = ingest(req.json, 'json');
  // Engines get freshly ingested objects every iteration, as a request does (nothing cached by object identity carries over).
  const freshManifests = () => {
    manifests = ingest(req.json, 'json');
  };
  const response = evaluateManifests(manifests);
  const responseText = JSON.stringify(response);
  const t = await measure({
    'full (JSON body)': [fast, () => consume(evaluateRequest(req.json, 'json'))],
    'full (YAML body)': [slow, () => consume(evaluateRequest(req.yaml, 'yaml'))],
    'ingest (JSON body)': [
      fast,
      () => {
        sink = (sink + ingest(req.json, 'json').pods.length) | 0;
      },
    ],
    'ingest (YAML body)': [
      slow,
      () => {
        sink = (sink + ingest(req.yaml, 'yaml').pods.length) | 0;
      },
    ],
    engines: [
      fast,
      () => {
        sink = (sink + (evaluateManifests(manifests) as { objects: unknown[] }).objects.length) | 0;
      },
      freshManifests,
    ],
    // The same with every cross-request cache missed (src/psp/content-cache.ts: validation errors
    // and compiled providers by policy content), so a cache hit is not mistaken for engine speed.
    'engines, cold (content caches cleared)': [
      fast,
      () => {
        sink = (sink + (evaluateManifests(manifests) as { objects: unknown[] }).objects.length) | 0;
      },
      () => {
        freshManifests();
        clearContentCaches();
      },
    ],
    'JSON.stringify(response)': [fast, () => consume(JSON.stringify(response))],
    [FLOOR]: [fast, floorTask(req.json, response)],
  });
  const floor = t[FLOOR]!.meanUs;
  return {
    name: req.name,
    description: req.description,
    policies: req.policies,
    containers: req.containers,
    requestBytes: { json: req.json.length, yaml: req.yaml.length },
    responseBytes: responseText.length,
    timings: t,
    ratios: {
      enginesToFloor: t.engines!.meanUs / floor,
      enginesColdToFloor: t['engines, cold (content caches cleared)']!.meanUs / floor,
      fullJsonToFloor: t['full (JSON body)']!.meanUs / floor,
      fullYamlToFloor: t['full (YAML body)']!.meanUs / floor,
    },
  };
}

async function growthGrid() {
  const policyCounts = [1, 10, 100];
  const containerCounts = [1, 10, 50];
  const cells: Array<{ policies: number; containers: number; enginesUs: number; enginesP50Us: number; fullJsonUs: number }> = [];
  for (const p of policyCounts) {
    for (const c of containerCounts) {
      const req = podAndPolicies(p, c);
      let manifests = ingest(req.json, 'json');
      const t = await measure({
        engines: [
          GRID,
          () => {
            sink = (sink + (evaluateManifests(manifests) as { objects: unknown[] }).objects.length) | 0;
          },
          () => {
            manifests = ingest(req.json, 'json');
          },
        ],
        full: [GRID, () => consume(evaluateRequest(req.json, 'json'))],
      });
      cells.push({ policies: p, containers: c, enginesUs: t.engines!.meanUs, enginesP50Us: t.engines!.p50Us, fullJsonUs: t.full!.meanUs });
    }
  }
  return { policyCounts, containerCounts, cells };
}

async function maxBody() {
  const req = maxBodyRequest(1024 * 1024);
  // 10 warm-up runs: the first full runs of this body cost up to 3-5x the settled ones (the heap
  // grows to hold a 5.8 MiB answer). The median of 15, not the mean: one young-generation
  // collection lands on about every run, copying the live answer, and a few runs take the long ones.
  const few = scale({ iterations: 15, time: 500, warmupIterations: 10 });
  const response = evaluateManifests(ingest(req.json, 'json'));
  const t = await measure({
    'full (YAML body)': [few, () => consume(evaluateRequest(req.yaml, 'yaml'))],
    'full (JSON body)': [few, () => consume(evaluateRequest(req.json, 'json'))],
    // What merely reading and writing this body costs, to judge the "well under 10 ms" target by.
    [FLOOR]: [few, floorTask(req.json, response)],
  });
  const floor = t[FLOOR]!.p50Us;
  return {
    name: req.name,
    description: req.description,
    objects: req.objects.length,
    requestBytes: { json: req.json.length, yaml: req.yaml.length },
    responseBytes: JSON.stringify(response).length,
    timings: t,
    // Medians (p50Us), see `few` above.
    ratios: { fullJsonToFloor: t['full (JSON body)']!.p50Us / floor, fullYamlToFloor: t['full (YAML body)']!.p50Us / floor },
  };
}

const started = performance.now();
const reference = await requestBench(referenceRequest(), HEADLINE, SLOW);
// The large request's tasks cost milliseconds: 10k iterations each would not fit the time box.
const large = await requestBench(largeRequest(), { ...SLOW, iterations: QUICK ? 20 : 300 }, SLOW);
const growth = await growthGrid();
const max = await maxBody();
process.stdout.write(
  JSON.stringify({ runtime: `node ${process.version}`, zodJitless: true, quick: QUICK, seconds: (performance.now() - started) / 1000, reference, large, growth, maxBody: max, sink }) + '\n',
);
