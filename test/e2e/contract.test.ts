/**
 * Contract test: the responses the deployable bundle really sends (in Miniflare, over HTTP) are
 * the ones its OpenAPI document describes. Driven by the document itself: every operation it lists
 * is exercised with the requests of test/fixtures/contract/samples.ts (success and every error it
 * documents), and each answer must have a documented status, the documented media type, and a body
 * that validates against the documented schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { startBundle } from './bundle';
import { OPERATION_SAMPLES, UNPROVOKABLE_EVERYWHERE, type SampleBody, type SampleRequest } from '../fixtures/contract/samples';

// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

interface MediaTypeObject { schema?: unknown; example?: unknown; examples?: Record<string, { value?: unknown }> }
interface ResponseObject { description: string; content?: Record<string, MediaTypeObject> }
interface OperationObject { operationId?: string; responses: Record<string, ResponseObject>; requestBody?: { content: Record<string, MediaTypeObject> } }
interface OpenApiDocument { paths: Record<string, Record<string, OperationObject>>; components?: { schemas?: Record<string, unknown> } }

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const MANIFESTS = new URL('../fixtures/contract/manifests/', import.meta.url);
const COMPONENTS_ID = 'https://podsec.test/openapi/components.json';

const { mf, url: base } = await startBundle();
afterAll(async () => {
  await mf.dispose();
});

const documentResponse = await fetch(new URL('/openapi.json', base));
const doc = (await documentResponse.json()) as OpenApiDocument;

const operations: Array<{ key: string; method: string; path: string; op: OperationObject }> = [];
for (const [path, item] of Object.entries(doc.paths)) {
  for (const method of HTTP_METHODS) {
    const op = item[method];
    if (op) operations.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, op });
  }
}

// ---- JSON Schema validation against the document's own components ---------------------------

const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true });
addFormats(ajv);
// OpenAPI's annotation keywords (3.1 keeps `example` next to JSON Schema's `examples`).
for (const keyword of ['example', 'xml', 'externalDocs']) ajv.addKeyword(keyword);
ajv.addSchema({ $id: COMPONENTS_ID, $defs: withAbsoluteRefs(doc.components?.schemas ?? {}) });

/** `#/components/schemas/X` (relative to the whole document) → the registered components schema. */
function withAbsoluteRefs<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`)) as T;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile(withAbsoluteRefs(schema as object));
    validators.set(key, v);
  }
  return v;
}

function schemaErrors(schema: unknown, value: unknown): string[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function essence(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Everything that makes `res` differ from what the document says `op` answers. */
function contractViolations(op: OperationObject, status: number, contentType: string | null, text: string): string[] {
  const response = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
  if (!response) return [`status ${status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
  const content = response.content;
  if (!content) return text === '' ? [] : [`status ${status} documents no body, but one was sent`];
  const mediaType = essence(contentType);
  const media = content[mediaType];
  if (!media) return [`status ${status}: content-type ${contentType ?? '(none)'} is not documented (documented: ${Object.keys(content).join(', ')})`];
  let body: unknown = text;
  if (isJsonMediaType(mediaType)) {
    try {
      body = JSON.parse(text);
    } catch {
      return [`status ${status}: ${mediaType} body is not JSON: ${text.slice(0, 200)}`];
    }
  }
  if (media.schema === undefined) return [];
  return schemaErrors(media.schema, body).map((e) => `status ${status} ${mediaType}: ${e}`);
}

// ---- requests --------------------------------------------------------------------------------

function readManifests(files: string): { text: string; contentType: string } {
  const names = files.split('+');
  const texts = names.map((n) => readFileSync(new URL(n, MANIFESTS), 'utf8'));
  if (names.length === 1 && names[0]!.endsWith('.json')) return { text: texts[0]!, contentType: 'application/json' };
  return { text: texts.join('---\n'), contentType: 'application/yaml' };
}

/** A Blob without a type: fetch adds no Content-Type of its own, so the sample's is the only one. */
function requestBody(body: SampleBody): { data: Blob; contentType: string } {
  const encode = (s: string) => new Blob([s]);
  if ('file' in body) {
    const m = readManifests(body.file);
    return { data: encode(m.text), contentType: body.contentType ?? m.contentType };
  }
  if ('json' in body) return { data: encode(JSON.stringify(body.json)), contentType: body.contentType ?? 'application/json' };
  if ('oversized' in body) return { data: encode('#' + 'x'.repeat(body.oversized - 2) + '\n'), contentType: body.contentType ?? 'application/yaml' };
  return { data: encode(body.text), contentType: body.contentType };
}

async function send(method: string, path: string, sample: Pick<SampleRequest, 'query' | 'body' | 'accept'>): Promise<{ status: number; contentType: string | null; text: string; headers: Headers }> {
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(sample.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (sample.accept !== undefined) headers.accept = sample.accept;
  let data: Blob | undefined;
  if (sample.body) {
    const b = requestBody(sample.body);
    data = b.data;
    // An empty content type means: send none.
    if (b.contentType !== '') headers['content-type'] = b.contentType;
  }
  const res = await fetch(url, { method, headers, ...(data ? { body: data } : {}) });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text(), headers: res.headers };
}

// ---- the tests -------------------------------------------------------------------------------

describe('the served OpenAPI document', () => {
  it('is OpenAPI 3.1 JSON and lists operations', () => {
    expect(documentResponse.status).toBe(200);
    expect(essence(documentResponse.headers.get('content-type'))).toBe('application/json');
    expect(operations.length).toBeGreaterThan(0);
  });

  it('every response of every operation has an example', () => {
    const missing: string[] = [];
    for (const { key, op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          if (!hasExample(media)) missing.push(`${key} ${status} ${mediaType}`);
        }
      }
    }
    expect(missing, `responses without an example (media type \`example\`/\`examples\`, or \`example\` on the schema itself):\n${missing.join('\n')}`).toEqual([]);
  });

  it('every documented example (request and response) validates against its schema', () => {
    const invalid: string[] = [];
    for (const { key, op } of operations) {
      const media: Array<[string, MediaTypeObject]> = [
        ...Object.entries(op.requestBody?.content ?? {}).map(([mt, m]) => [`${key} request ${mt}`, m] as [string, MediaTypeObject]),
        ...Object.entries(op.responses).flatMap(([status, r]) => Object.entries(r.content ?? {}).map(([mt, m]) => [`${key} ${status} ${mt}`, m] as [string, MediaTypeObject])),
      ];
      for (const [where, m] of media) {
        if (m.schema === undefined) continue;
        for (const example of examplesOf(m)) invalid.push(...schemaErrors(m.schema, example).map((e) => `${where}: ${e}`));
      }
    }
    expect(invalid).toEqual([]);
  });

  it('every operation has request samples in test/fixtures/contract/samples.ts', () => {
    const without = operations.filter((o) => !OPERATION_SAMPLES[o.key]).map((o) => o.key);
    expect(without, `add a row for each of these operations to OPERATION_SAMPLES: ${without.join(', ')}`).toEqual([]);
  });
});

function hasExample(media: MediaTypeObject): boolean {
  if (media.example !== undefined || (media.examples && Object.keys(media.examples).length > 0)) return true;
  const schema = resolveSchema(media.schema) as { example?: unknown; examples?: unknown[] } | undefined;
  return schema !== undefined && (schema.example !== undefined || (Array.isArray(schema.examples) && schema.examples.length > 0));
}

function examplesOf(media: MediaTypeObject): unknown[] {
  const out: unknown[] = [];
  if (media.example !== undefined) out.push(media.example);
  for (const e of Object.values(media.examples ?? {})) if (e.value !== undefined) out.push(e.value);
  return out;
}

function resolveSchema(schema: unknown): unknown {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (!ref?.startsWith('#/components/schemas/')) return schema;
  return doc.components?.schemas?.[ref.slice('#/components/schemas/'.length)];
}

for (const { key, method, path, op } of operations) {
  const samples = OPERATION_SAMPLES[key];
  describe(`contract: ${key}${op.operationId ? ` (${op.operationId})` : ''}`, () => {
    if (!samples) {
      it('has request samples', () => {
        throw new Error(`${key} is in the API document but has no row in test/fixtures/contract/samples.ts (OPERATION_SAMPLES): add success and error requests for it.`);
      });
      return;
    }

    for (const sample of samples.requests) {
      it(`${sample.name}: answers as documented`, async () => {
        const res = await send(method, path, sample);
        expect(res.status, `${key} ${sample.name}: ${res.text.slice(0, 500)}`).toBe(sample.status);
        expect(contractViolations(op, res.status, res.contentType, res.text)).toEqual([]);
      });
    }

    it('every documented error status is provoked by a sample or explained', () => {
      // 405 is provoked for every path by the wrong-method test below.
      const provoked = new Set([...samples.requests.map((r) => String(r.status)), '405']);
      const explained = { ...UNPROVOKABLE_EVERYWHERE, ...samples.unprovokable };
      const unexercised = Object.keys(op.responses).filter((s) => /^\d+$/.test(s) && !provoked.has(s) && explained[Number(s)] === undefined);
      expect(unexercised, `documented statuses of ${key} no sample provokes`).toEqual([]);
    });

    it('every sample provokes a documented status', () => {
      const undocumented = samples.requests.filter((r) => op.responses[String(r.status)] === undefined).map((r) => `${r.status} (${r.name})`);
      expect(undocumented, `${key}: samples expect statuses the document does not list`).toEqual([]);
    });
  });
}

describe('contract: answers outside the documented operations are problems too', () => {
  const problemSchema = { $ref: '#/components/schemas/Problem' };

  it('404 for a path the document does not list: application/problem+json, a Problem', async () => {
    const res = await send('GET', '/v1/no-such-thing', {});
    expect(res.status).toBe(404);
    expect(essence(res.contentType)).toBe('application/problem+json');
    expect(schemaErrors(problemSchema, JSON.parse(res.text))).toEqual([]);
    expect(JSON.parse(res.text)).toEqual({
      type: 'urn:podsec:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'There is nothing at /v1/no-such-thing. The API document is at /openapi.json.',
    });
  });

  for (const [path, item] of Object.entries(doc.paths)) {
    const documented = HTTP_METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
    const wrong = documented.includes('GET') ? 'DELETE' : 'GET';
    it(`405 ${wrong} ${path}: a Problem, with Allow listing the documented methods`, async () => {
      const res = await send(wrong, path, {});
      expect(res.status).toBe(405);
      expect(essence(res.contentType)).toBe('application/problem+json');
      expect(schemaErrors(problemSchema, JSON.parse(res.text))).toEqual([]);
      // Where an operation of the path documents its 405, the answer must match that description too.
      for (const m of documented) {
        const op = item[m.toLowerCase() as (typeof HTTP_METHODS)[number]]!;
        if (op.responses['405']) expect(contractViolations(op, res.status, res.contentType, res.text), `${m} ${path} documents 405`).toEqual([]);
      }
      const allowed = new Set(documented);
      if (allowed.has('GET')) allowed.add('HEAD');
      expect(res.headers.get('allow')).toBe([...allowed].sort().join(', '));
    });
  }
});
