/**
 * Issue 7 "Limits, each a test": every limit is answered with a 4xx application/problem+json, is
 * configurable through its Worker variable, is stated in the OpenAPI document, and leaves the
 * isolate healthy for the next request.
 *
 * Bounded CPU cost: workerd freezes performance.now()/Date.now() during synchronous work, so wall
 * time cannot be measured (and must not be asserted). The measure recorded instead is structural
 * and deterministic: (1) the refusal happens before the expensive step (Content-Length before
 * reading, the nesting pre-scan before any parser, the alias budget during expansion), checked by
 * the exact problem each answer carries; (2) the answer's size is bounded whatever the input size
 * (ANSWER_BYTES_BOUND: a refusal never echoes the input); (3) the same isolate then answers a
 * normal request correctly.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { DRAIN_FACTOR } from '../../src/http/body';
import { DEFAULT_LIMITS, LIMIT_VARIABLES, type Env } from '../../src/http/config';
import { api, postYaml } from '../helpers/http';

const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
const POD_YAML = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx\n';
const PSP = (name: string) => ({ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name }, spec: { runAsUser: { rule: 'RunAsAny' }, seLinux: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } } });
/** A refusal is a few hundred bytes whatever the input size (errors are capped, inputs never echoed whole). */
const ANSWER_BYTES_BOUND = 16 * 1024;

interface Answer {
  status: number;
  contentType: string | null;
  problem: { type: string; title: string; status: number; detail: string; errors?: Array<Record<string, unknown>> };
  bytes: number;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), problem: JSON.parse(text), bytes: text.length };
}

/** The isolate still answers a normal request correctly after a refusal. */
async function expectHealthy(send: (path: string, init?: RequestInit) => Promise<Response>): Promise<void> {
  const health = await send('/healthz');
  expect(health.status).toBe(200);
  const res = await send('/v1/pss?level=restricted', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(POD) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { objects: Array<{ minimumLevel: string }> };
  expect(body.objects[0]!.minimumLevel).toBe('baseline');
}

/** An app with these Worker variables, called in-process. */
function withEnv(vars: Env): (path: string, init?: RequestInit | Request) => Promise<Response> {
  const app = createApp();
  return async (path, init) => (init instanceof Request ? app.request(init, undefined, vars) : app.request(`http://podsec.test${path}`, init, vars));
}

function post(send: (path: string, init?: RequestInit) => Promise<Response>, path: string, contentType: string, body: BodyInit) {
  return send(path, { method: 'POST', headers: { 'content-type': contentType }, body });
}

async function expectRefused(a: Answer, status: number, type: string, detail: string): Promise<void> {
  expect(a.status).toBe(status);
  expect(a.contentType).toBe('application/problem+json');
  expect({ type: a.problem.type, status: a.problem.status, detail: a.problem.detail }).toEqual({ type, status, detail });
  expect(a.bytes).toBeLessThan(ANSWER_BYTES_BOUND);
}

/** An endless stream of 401-byte YAML comment lines, and how many chunks were pulled from it so far. */
function endlessYamlComments(): { body: ReadableStream<Uint8Array>; chunk: Uint8Array; pulled: () => number } {
  let pulled = 0;
  const chunk = new TextEncoder().encode('#'.repeat(400) + '\n');
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(chunk);
    },
  });
  return { body, chunk, pulled: () => pulled };
}

describe('issue 7 limits: body size (PODSEC_MAX_BODY_BYTES)', () => {
  it('a declared Content-Length over the limit is refused with 413 before the body is read', async () => {
    const send = withEnv({ PODSEC_MAX_BODY_BYTES: '1000' });
    const a = await answer(await post(send, '/v1/findings', 'application/yaml', POD_YAML + '#'.repeat(2000)));
    await expectRefused(a, 413, 'urn:podsec:problem:too-large', 'The request body exceeds the limit of 1000 bytes (PODSEC_MAX_BODY_BYTES).');
    expect(a.problem.errors).toEqual([{ path: 'body', message: 'more than 1000 bytes' }]);
    await expectHealthy(send);
  });

  it('a chunked body without Content-Length is counted while it streams and refused as it crosses the limit', async () => {
    const send = withEnv({ PODSEC_MAX_BODY_BYTES: '1000' });
    // An endless stream: the reader must stop on its own once past the limit.
    const { body, chunk, pulled } = endlessYamlComments();
    const request = new Request('http://podsec.test/v1/findings', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body, duplex: 'half' } as RequestInit);
    expect(request.headers.get('content-length')).toBe(null);
    const res = await send('/v1/findings', request);
    const a = await answer(res);
    await expectRefused(a, 413, 'urn:podsec:problem:too-large', 'The request body exceeds the limit of 1000 bytes (PODSEC_MAX_BODY_BYTES).');
    // Cost measure: the chunks read, not the (infinite) body: the limit, then at most DRAIN_FACTOR × the limit
    // read and dropped (so the client still gets the 413 on a live connection), plus one chunk of read-ahead.
    expect(pulled()).toBeLessThanOrEqual(Math.ceil((1000 * DRAIN_FACTOR) / chunk.byteLength) + 2);
    await expectHealthy(send);
  });

  it('a chunked body that also declares a small Content-Length is counted, not trusted to the header', async () => {
    // workerd hands such a request through with both headers and the whole chunked body.
    const send = withEnv({ PODSEC_MAX_BODY_BYTES: '1000' });
    const { body, chunk, pulled } = endlessYamlComments();
    const headers = { 'content-type': 'application/yaml', 'content-length': '10', 'transfer-encoding': 'chunked' };
    const request = new Request('http://podsec.test/v1/findings', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    const a = await answer(await send('/v1/findings', request));
    await expectRefused(a, 413, 'urn:podsec:problem:too-large', 'The request body exceeds the limit of 1000 bytes (PODSEC_MAX_BODY_BYTES).');
    expect(pulled()).toBeLessThanOrEqual(Math.ceil((1000 * DRAIN_FACTOR) / chunk.byteLength) + 2);
    await expectHealthy(send);
  });

  it('a body longer than its declared Content-Length (a Request built in-process) is still 413', async () => {
    const send = withEnv({ PODSEC_MAX_BODY_BYTES: '1000' });
    const text = POD_YAML + '#'.repeat(2000);
    const request = new Request('http://podsec.test/v1/findings', { method: 'POST', headers: { 'content-type': 'application/yaml', 'content-length': '100' }, body: text });
    const a = await answer(await send('/v1/findings', request));
    await expectRefused(a, 413, 'urn:podsec:problem:too-large', 'The request body exceeds the limit of 1000 bytes (PODSEC_MAX_BODY_BYTES).');
    await expectHealthy(send);
  });

  it('the default limit is 1 MiB; exactly at the limit is read, one byte over is 413', async () => {
    const send = withEnv({ PODSEC_MAX_BODY_BYTES: '2000' });
    const at = POD_YAML + '#'.repeat(2000 - POD_YAML.length);
    expect((await post(send, '/v1/findings', 'application/yaml', at)).status).toBe(200);
    expect((await post(send, '/v1/findings', 'application/yaml', at + '#')).status).toBe(413);
    expect(DEFAULT_LIMITS.maxBodyBytes).toBe(1048576);
  });

  it('a multi-megabyte single line is refused with 413 (default limit), and the isolate stays healthy', async () => {
    const line = 'a: "' + 'x'.repeat(3 * 1024 * 1024) + '"';
    const a = await answer(await postYaml('/v1/findings', line));
    await expectRefused(a, 413, 'urn:podsec:problem:too-large', 'The request body exceeds the limit of 1048576 bytes (PODSEC_MAX_BODY_BYTES).');
    await expectHealthy(api);
  });

  it('a multi-megabyte single line within a raised body limit is still refused: a string over PODSEC_MAX_STRING_LENGTH (413)', async () => {
    const send = withEnv({ PODSEC_MAX_BODY_BYTES: String(8 * 1024 * 1024) });
    const pod = { ...POD, spec: { containers: [{ name: 'a', image: 'x'.repeat(3 * 1024 * 1024) }] } };
    const a = await answer(await post(send, '/v1/findings', 'application/json', JSON.stringify(pod)));
    await expectRefused(a, 413, 'urn:podsec:problem:manifest-too-large', 'string of 3145728 characters exceeds the limit of 65536 at spec.containers[0].image');
    await expectHealthy(send);
  });
});

describe('issue 7 limits: nesting depth (PODSEC_MAX_DEPTH)', () => {
  it('JSON nested deeper than the limit is refused (400) by the pre-scan, before any parser runs', async () => {
    const send = withEnv({ PODSEC_MAX_DEPTH: '10' });
    const deep = '{"a":'.repeat(11) + '1' + '}'.repeat(11);
    const a = await answer(await post(send, '/v1/findings', 'application/json', deep));
    await expectRefused(a, 400, 'urn:podsec:problem:nesting-too-deep', 'nesting deeper than 10 levels at line 1');
    expect((await post(send, '/v1/findings', 'application/json', '{"a":'.repeat(9) + '1' + '}'.repeat(9))).status).toBe(200);
    await expectHealthy(send);
  });

  it('a million unclosed brackets (YAML flow) cost one linear scan: 400 at line 1', async () => {
    const a = await answer(await postYaml('/v1/findings', 'a: ' + '['.repeat(1_000_000)));
    await expectRefused(a, 400, 'urn:podsec:problem:nesting-too-deep', 'nesting deeper than 64 levels at line 1');
    await expectHealthy(api);
  });
});

describe('issue 7 limits: nesting depth of the JSON envelopes (/v1/admission, /v1/admissionreview)', () => {
  const deep = '{"a":'.repeat(11) + '1' + '}'.repeat(11);
  const deepBroken = '{"a":'.repeat(11) + '1' + '}'.repeat(10);
  const send = withEnv({ PODSEC_MAX_DEPTH: '10' });

  it('POST /v1/admission: too deep is a 400 naming the line, and wins over a syntax error', async () => {
    for (const body of [deep, '\n' + deepBroken]) {
      const a = await answer(await post(send, '/v1/admission', 'application/json', body));
      const line = body.startsWith('\n') ? 2 : 1;
      await expectRefused(a, 400, 'urn:podsec:problem:nesting-too-deep', `The body nests deeper than 10 levels (PODSEC_MAX_DEPTH) at line ${line}.`);
      expect(a.problem.errors).toEqual([{ path: 'body', message: 'nesting deeper than 10', line }]);
    }
    const broken = await answer(await post(send, '/v1/admission', 'application/json', '{"pod": }'));
    expect(broken.status).toBe(400);
    expect(broken.problem.detail).toBe("the body is not valid JSON: unexpected '}', expected a value at line 1, column 9");
    await expectHealthy(send);
  });

  it('POST /v1/admissionreview: too deep is an AdmissionReview refusal naming the line, also over a syntax error', async () => {
    for (const body of [deep, deepBroken]) {
      const res = await post(send, '/v1/admissionreview', 'application/json', body);
      expect(res.status).toBe(200);
      const review = (await res.json()) as { response: { allowed: boolean; status: { code: number; message: string } } };
      expect(review.response.allowed).toBe(false);
      expect(review.response.status.code).toBe(400);
      expect(review.response.status.message).toBe('the body nests deeper than 10 levels (PODSEC_MAX_DEPTH) at line 1');
    }
    await expectHealthy(send);
  });
});

describe('issue 7 limits: YAML aliases, anchors, merge keys and tags (PODSEC_MAX_ALIASES)', () => {
  const laughs = (levels: number, width: number) => {
    const lines = ['l0: &l0 "lol"'];
    for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
    return lines.join('\n') + '\n';
  };

  it('billion laughs (9 levels of 9 aliases = 387,420,489 strings) is refused with 400 by the alias budget', async () => {
    const a = await answer(await postYaml('/v1/findings', laughs(10, 9)));
    await expectRefused(a, 400, 'urn:podsec:problem:unsupported-yaml', 'document 0 expands aliases beyond the limit (maxAliasCount 100)');
    await expectHealthy(api);
  });

  it('quadratic blow-up (one 100,000-element anchor aliased 1,000 times) is refused with 400', async () => {
    const big = `big: &big [${Array(100_000).fill('1').join(',')}]\n`;
    const refs = Array.from({ length: 1000 }, (_, i) => `r${i}: *big`).join('\n');
    const a = await answer(await postYaml('/v1/findings', big + refs));
    await expectRefused(a, 400, 'urn:podsec:problem:unsupported-yaml', 'document 0 expands aliases beyond the limit (maxAliasCount 100)');
    await expectHealthy(api);
  });

  it('the alias budget is configurable: PODSEC_MAX_ALIASES=0 refuses any alias, a small document passes by default', async () => {
    const doc = 'sc: &sc {runAsNonRoot: true}\n' + POD_YAML.replace('image: nginx', 'image: nginx\n    securityContext: *sc');
    expect((await postYaml('/v1/findings', doc)).status).toBe(200);
    const send = withEnv({ PODSEC_MAX_ALIASES: '0' });
    const a = await answer(await post(send, '/v1/findings', 'application/yaml', doc));
    await expectRefused(a, 400, 'urn:podsec:problem:unsupported-yaml', 'document 0 expands aliases beyond the limit (maxAliasCount 0)');
    await expectHealthy(send);
  });

  it('merge keys are read as Kubernetes reads them, and a merge-key bomb stays within the alias budget (400)', async () => {
    const merged = 'base: &base {privileged: true}\n' + POD_YAML.replace('image: nginx', 'image: nginx\n    securityContext: {<<: *base}');
    const ok = await postYaml('/v1/pss?level=baseline', merged);
    expect(ok.status).toBe(200);
    const verdict = (await ok.json()) as { objects: Array<{ allowed: boolean; message: string }> };
    expect(verdict.objects[0]!.message).toBe('violates PodSecurity "baseline:latest": privileged (container "a" must not set securityContext.privileged=true)');
    const bomb = ['m0: &m0 {a0: 1}'];
    for (let i = 1; i < 12; i++) bomb.push(`m${i}: &m${i} {<<: [${Array(8).fill(`*m${i - 1}`).join(', ')}], k${i}: [*m${i - 1}, *m${i - 1}, *m${i - 1}]}`);
    const a = await answer(await postYaml('/v1/findings', bomb.join('\n') + '\n'));
    await expectRefused(a, 400, 'urn:podsec:problem:unsupported-yaml', 'document 0 expands aliases beyond the limit (maxAliasCount 100)');
    await expectHealthy(api);
  });

  it('tags: !!js/function, !!python/object and custom tags are refused (400) naming the line', async () => {
    for (const [tag, shown] of [['!!js/function', '!!js/function'], ['!!python/object/apply:os.system', '!!python/object/apply:os.system'], ['!custom', '!custom']] as const) {
      const a = await answer(await postYaml('/v1/findings', POD_YAML.replace('image: nginx', `image: ${tag} "x"`)));
      await expectRefused(a, 400, 'urn:podsec:problem:unsupported-yaml', `document 0: unsupported tag ${shown}`);
      expect(a.problem.errors![0]).toMatchObject({ message: `unsupported tag ${shown}`, line: 7 });
    }
    await expectHealthy(api);
  });
});

describe('issue 7 limits: objects, containers, policies, strings', () => {
  it('objects per request (PODSEC_MAX_OBJECTS): one past the limit is 413', async () => {
    const send = withEnv({ PODSEC_MAX_OBJECTS: '5' });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    expect((await post(send, '/v1/findings', 'application/json', JSON.stringify(Array(5).fill(cm)))).status).toBe(200);
    const a = await answer(await post(send, '/v1/findings', 'application/json', JSON.stringify(Array(6).fill(cm))));
    await expectRefused(a, 413, 'urn:podsec:problem:manifest-too-large', 'the body holds more than 5 objects');
    await expectHealthy(send);
  });

  it('objects per request: the default (1000) holds for a List too', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    const a = await answer(await api('/v1/findings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Array(1001).fill(cm) }) }));
    await expectRefused(a, 413, 'urn:podsec:problem:manifest-too-large', 'the body holds more than 1000 objects');
  });

  it('containers per pod (PODSEC_MAX_CONTAINERS): init + containers + ephemeral over the limit is 413', async () => {
    const send = withEnv({ PODSEC_MAX_CONTAINERS: '2' });
    const pod = { ...POD, spec: { initContainers: [{ name: 'i' }], containers: [{ name: 'a' }, { name: 'b' }] } };
    const a = await answer(await post(send, '/v1/findings', 'application/json', JSON.stringify(pod)));
    await expectRefused(a, 413, 'urn:podsec:problem:manifest-too-large', 'the pod has 3 containers, more than the limit of 2 at spec');
    const def = { ...POD, spec: { containers: Array.from({ length: 101 }, (_, i) => ({ name: `c${i}` })) } };
    const b = await answer(await api('/v1/findings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(def) }));
    await expectRefused(b, 413, 'urn:podsec:problem:manifest-too-large', 'the pod has 101 containers, more than the limit of 100 at spec');
    await expectHealthy(send);
  });

  it('PodSecurityPolicies per request (PODSEC_MAX_POLICIES): a YAML stream and a JSON admission request over the limit are 413', async () => {
    const send = withEnv({ PODSEC_MAX_POLICIES: '2' });
    const yaml = [PSP('a'), PSP('b'), PSP('c')].map((p) => JSON.stringify(p)).join('\n---\n');
    const a = await answer(await post(send, '/v1/findings', 'application/yaml', yaml));
    await expectRefused(a, 413, 'urn:podsec:problem:too-large', 'The request holds 3 PodSecurityPolicies; the limit is 2 (PODSEC_MAX_POLICIES).');
    expect(a.problem.errors).toEqual([{ path: 'body', message: 'more than 2 policies' }]);
    const json = await answer(await post(send, '/v1/admission', 'application/json', JSON.stringify({ pod: POD, policies: [PSP('a'), PSP('b'), PSP('c')] })));
    await expectRefused(json, 413, 'urn:podsec:problem:too-large', 'The request holds 3 policies; the limit is 2 (PODSEC_MAX_POLICIES).');
    expect((await post(send, '/v1/admission', 'application/yaml', [PSP('a'), PSP('b'), POD].map((o) => JSON.stringify(o)).join('\n---\n'))).status).toBe(200);
    await expectHealthy(send);
  });

  it('string length (PODSEC_MAX_STRING_LENGTH): a value or a key over the limit inside a pod is 413', async () => {
    // Field names count too (`annotations` is 11 characters), so the limit here is 20.
    const send = withEnv({ PODSEC_MAX_STRING_LENGTH: '20' });
    const long = { ...POD, metadata: { name: 'p', annotations: { k: 'x'.repeat(21) } } };
    const a = await answer(await post(send, '/v1/findings', 'application/json', JSON.stringify(long)));
    await expectRefused(a, 413, 'urn:podsec:problem:manifest-too-large', 'string of 21 characters exceeds the limit of 20 at metadata.annotations[k]');
    const key = { ...POD, metadata: { name: 'p', labels: { ['k'.repeat(21)]: 'v' } } };
    const b = await answer(await post(send, '/v1/findings', 'application/json', JSON.stringify(key)));
    await expectRefused(b, 413, 'urn:podsec:problem:manifest-too-large', 'string of 21 characters exceeds the limit of 20 at metadata.labels');
    await expectHealthy(send);
  });
});

describe('issue 7 limits: configuration and documentation', () => {
  it('a malformed variable falls back to the default instead of taking the service down', async () => {
    const send = withEnv({ PODSEC_MAX_BODY_BYTES: 'lots', PODSEC_MAX_DEPTH: '-1', PODSEC_MAX_OBJECTS: '1.5', PODSEC_MAX_ALIASES: '' });
    await expectHealthy(send);
  });

  it('the OpenAPI document states every limit, its variable and its default (from LIMIT_VARIABLES)', async () => {
    const doc = (await (await api('/openapi.json')).json()) as { info: { description: string }; paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
    for (const v of LIMIT_VARIABLES) {
      expect(doc.info.description).toContain(`| \`${v.variable}\` | ${DEFAULT_LIMITS[v.limit]} | ${v.status} | ${v.description} |`);
    }
    const findings = doc.paths['/v1/findings']!.post!.responses;
    for (const v of LIMIT_VARIABLES) expect(findings[String(v.status)]!.description).toContain(`${v.variable} (default ${DEFAULT_LIMITS[v.limit]})`);
  });
});
