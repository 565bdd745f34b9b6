/**
 * HTTP-level properties (issue 7), for every operation of the served OpenAPI document (so routes
 * added later are covered without editing this file):
 *  - never a 5xx;
 *  - the status is one the document declares for the operation;
 *  - every non-2xx is application/problem+json and validates against the document's schema;
 *  - every 2xx validates against the documented schema of its content type;
 *  - the same request twice gives byte-identical answers (status, content-type, body).
 * Requests go through the Worker's fetch handler in-process (fast, no sockets).
 */
import { Validator } from '@cfworker/json-schema';
import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { admissionEnvelopeArb, admissionReviewArb, fuzzRuns, manifestBodyArb, NAN_LIKE, type Body } from './arbitraries';
import { HTTP_REGRESSIONS } from './http-regressions';

const RUNS = fuzzRuns();
const UTF8 = new TextDecoder();
const BASE = 'http://podsec.test';
const DOC_ID = 'https://podsec.test/openapi.json';

interface Operation {
  method: string;
  path: string;
  requestTypes: string[];
  query: Array<{ name: string; values: string[] }>;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  /** 2xx media types, for Accept. */
  produces: string[];
}

type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; parameters?: Array<{ name: string; in: string; schema?: { enum?: string[]; default?: unknown; example?: unknown }; example?: unknown }>; responses: Operation['responses'] }>> };

let doc: Doc;
let operations: Operation[] = [];
const validators = new Map<string, Validator>();
const validated = new Set<string>();

/** Plausible values for query parameters that have no enum in the document. */
const QUERY_VALUES: Record<string, string[]> = {
  level: ['privileged', 'baseline', 'restricted'],
  version: ['latest', 'v1.0', 'v1.25', 'v1.37', 'v1.99'],
  mode: ['validating', 'mutating'],
  failOn: ['none', 'low', 'medium', 'high', 'critical'],
  format: ['json', 'yaml', 'sarif', 'text', 'junit'],
  names: ['privileged', 'restricted,baseline'],
  source: ['manifests.yaml', 'a/b.json'],
};
const GARBAGE_QUERY = ['', ' ', 'x', '%00', '<script>', 'LATEST', 'v1', 'v2.0', '-1', '1e9', ...NAN_LIKE.slice(0, 6)];

function operationsOf(d: Doc): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(d.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, values: p.schema?.enum ?? QUERY_VALUES[p.name] ?? [String(p.example ?? p.schema?.example ?? p.schema?.default ?? 'x')] }));
      const ok = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
      out.push({
        method: method.toUpperCase(),
        path,
        requestTypes: Object.keys(op.requestBody?.content ?? {}),
        query,
        responses: op.responses,
        produces: ok.flatMap(([, r]) => Object.keys(r.content ?? {})),
      });
    }
  }
  return out;
}

function validatorFor(pointer: string): Validator {
  let v = validators.get(pointer);
  if (!v) {
    v = new Validator({ $ref: `${DOC_ID}#${pointer}` }, '2020-12', false);
    v.addSchema(doc as never, DOC_ID);
    validators.set(pointer, v);
  }
  return v;
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The request for an operation, as data (so it can be replayed byte for byte). */
interface Sent {
  /** `METHOD /path`, the operation in OPERATIONS (kept out of the value so counterexamples stay short). */
  key: string;
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function requestArb(op: Operation): fc.Arbitrary<Sent> {
  const queryArb = fc
    .tuple(...op.query.map((q) => fc.option(fc.oneof({ arbitrary: fc.constantFrom(...q.values), weight: 4 }, { arbitrary: fc.constantFrom(...GARBAGE_QUERY), weight: 1 }), { nil: undefined, freq: 2 })))
    .map((vals) => {
      const params = new URLSearchParams();
      vals.forEach((v, i) => v !== undefined && params.append(op.query[i]!.name, v));
      const s = params.toString();
      return s === '' ? '' : `?${s}`;
    });
  const acceptArb = fc.option(fc.oneof(fc.constantFrom(...(op.produces.length ? op.produces : ['application/json'])), fc.constantFrom('*/*', 'text/html', 'application/json;q=0.5, text/plain', 'image/png')), { nil: undefined, freq: 3 });
  const bodyArb: fc.Arbitrary<Body | undefined> =
    op.requestTypes.length === 0
      ? fc.constant(undefined)
      : op.path.includes('admissionreview')
        ? admissionReviewArb
        : op.path === '/v1/admission'
          ? admissionEnvelopeArb
          : manifestBodyArb;
  return fc.tuple(queryArb, acceptArb, bodyArb).map(([query, accept, body]) => {
    const headers: Record<string, string> = {};
    if (accept !== undefined) headers.accept = accept;
    if (body !== undefined && body.contentType !== '') headers['content-type'] = body.contentType;
    return { key: `${op.method} ${op.path}`, method: op.method, path: op.path, url: BASE + op.path + query, headers, ...(body !== undefined ? { body: body.body } : {}) };
  });
}

async function send(s: Sent): Promise<{ status: number; contentType: string; text: string }> {
  const init: RequestInit = { method: s.method, headers: s.headers };
  if (s.body !== undefined) init.body = s.body;
  const res = await worker.fetch(new Request(s.url, init), env as never);
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: UTF8.decode(await res.arrayBuffer()) };
}

/** Every check of the issue on one answer; returns a description of what is wrong, or undefined. */
function checkAnswer(s: Sent, a: { status: number; contentType: string; text: string }): string | undefined {
  const op = operations.find((o) => `${o.method} ${o.path}` === s.key)!;
  const where = `${s.method} ${s.url} → ${a.status} ${a.contentType}`;
  if (a.status >= 500) return `${where}: 5xx ${a.text.slice(0, 300)}`;
  const declared = op.responses[String(a.status)];
  if (!declared) return `${where}: status not declared in the OpenAPI document (declared: ${Object.keys(op.responses).join(', ')}) ${a.text.slice(0, 300)}`;
  const essence = a.contentType.split(';')[0]!.trim();
  if (a.status >= 300 && essence !== 'application/problem+json' && !REPORT_ERRORS.has(`${s.key} ${a.status}`)) return `${where}: an error that is not application/problem+json`;
  const media = declared.content?.[essence];
  if (!media) return `${where}: media type not declared for this status (declared: ${Object.keys(declared.content ?? {}).join(', ')})`;
  if (media.schema === undefined) return undefined;
  let instance: unknown = a.text;
  if (essence.endsWith('json')) {
    try {
      instance = JSON.parse(a.text);
    } catch {
      return `${where}: body is not JSON`;
    }
  }
  // Identical answers (most problems, repeated reports) are validated once.
  const seenKey = `${s.key} ${a.status} ${essence}\n${a.text}`;
  if (validated.has(seenKey)) return undefined;
  const pointer = `/paths/${escapePointer(s.path)}/${s.method.toLowerCase()}/responses/${a.status}/content/${escapePointer(essence)}/schema`;
  const result = validatorFor(pointer).validate(instance);
  if (!result.valid) return `${where}: body does not match the document: ${JSON.stringify(result.errors.slice(-3))} body=${a.text.slice(0, 300)}`;
  if (validated.size > 5000) validated.clear();
  validated.add(seenKey);
  return undefined;
}

beforeAll(async () => {
  const res = await worker.fetch(new Request(`${BASE}/openapi.json`), env as never);
  doc = (await res.json()) as Doc;
  operations = operationsOf(doc);
});

describe('HTTP properties, every operation of /openapi.json', () => {
  it('the document lists the operations (new routes are picked up from it)', () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    for (const known of ['GET /healthz', 'POST /v1/findings', 'POST /v1/admission', 'POST /v1/pss']) expect(names).toContain(known);
  });

  it('never a 5xx; every answer is declared and validates against the document; the same request twice is byte-identical', async () => {
    const failures = new Map<string, string>();
    const perOperation = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat().chain((i) => requestArb(operations[i % operations.length]!)),
        async (s) => {
          const key = s.key;
          perOperation.set(key, (perOperation.get(key) ?? 0) + 1);
          const first = await send(s);
          const problem = checkAnswer(s, first);
          if (problem !== undefined) {
            failures.set(key, problem);
            // Only routes still being built may fail here; everything else is a real failure.
            if (!PENDING_ROUTES.has(key)) throw new Error(problem);
            return;
          }
          const second = await send(s);
          expect(second).toEqual(first);
        },
      ),
      { numRuns: RUNS },
    );
    for (const op of operations) expect(perOperation.get(`${op.method} ${op.path}`) ?? 0).toBeGreaterThan(0);
    if (failures.size > 0) console.warn(`pending routes failing (reported, not asserted): ${[...failures.values()].join('\n')}`);
  });
});

/**
 * Non-2xx answers that are deliberately not problem+json, and declared so in the document:
 * `POST /v1/evaluate` answers a crossed `failOn` threshold with 422 and the report itself (in the
 * negotiated format), because a CI gate needs the findings with the failing status. Every other
 * error is problem+json. (Reported to the lead as a deviation from the wording.)
 */
const REPORT_ERRORS: ReadonlySet<string> = new Set(['POST /v1/evaluate 422']);

/**
 * Routes another engineer is still finishing (issue 7 brief: their samples may fail until they
 * land). Empty when every route holds; an entry here must be named in the report.
 */
const PENDING_ROUTES: ReadonlySet<string> = new Set<string>([]);

describe('HTTP regressions (counterexamples fast-check found, kept)', () => {
  it('the regression list is well-formed', () => expect(HTTP_REGRESSIONS.every((r) => r.name.length > 0)).toBe(true));
  for (const r of HTTP_REGRESSIONS) {
    (r.skip ? it.skip : it)(r.name, async () => {
      const op = operations.find((o) => o.method === r.method && o.path === r.path);
      expect(op, `${r.method} ${r.path} in the document`).toBeDefined();
      const sent: Sent = { key: `${r.method} ${r.path}`, method: r.method, path: r.path, url: BASE + r.path + (r.query ?? ''), headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) };
      const answer = await send(sent);
      expect(checkAnswer(sent, answer)).toBeUndefined();
      expect(answer.status).toBe(r.status);
    });
  }
});
