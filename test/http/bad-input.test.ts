/**
 * Issue 2 "Bad input": every error is application/problem+json (RFC 9457) with type, title,
 * status, detail and, for validation, errors naming the field or the YAML line; never a 5xx.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { api, postJson, postYaml, problemOf } from '../helpers/http';

const POD_YAML = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: a\n    image: nginx\n';

async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  const p = await problemOf(res);
  expect(p.status).toBe(status);
  expect(p.type).toBe(type);
  expect(typeof p.title).toBe('string');
  expect(p.detail.length).toBeGreaterThan(0);
  return p;
}

describe('bad input on POST /v1/findings', () => {
  it('a YAML syntax error is a 400 with document, line and column', async () => {
    const p = await expectProblem(await postYaml('/v1/findings', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: a\n    image: [unclosed\n'), 400, 'urn:podsec:problem:invalid-yaml');
    expect(p.errors).toEqual([{ path: '', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', document: 0, line: 8, column: 1 }]);
  });

  it('a JSON syntax error is a 400 with line and column', async () => {
    const res = await api('/v1/findings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"apiVersion": "v1",\n "kind": }' });
    const p = await expectProblem(res, 400, 'urn:podsec:problem:invalid-json');
    expect(p.errors).toEqual([{ path: '', message: "unexpected '}', expected a value", line: 2, column: 10 }]);
    expect(p.detail).toBe("the body is not valid JSON: unexpected '}', expected a value at line 2, column 10");
  });

  it('nesting deeper than 64 is a 400 before any parser runs (JSON and YAML flow, 100,000 levels)', async () => {
    const deep = '['.repeat(100_000);
    const json = await api('/v1/findings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    const pj = await expectProblem(json, 400, 'urn:podsec:problem:nesting-too-deep');
    expect(pj.errors![0]!.line).toBe(1);
    await expectProblem(await postYaml('/v1/findings', `a: ${deep}`), 400, 'urn:podsec:problem:nesting-too-deep');
    const block = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    await expectProblem(await postYaml('/v1/findings', block), 400, 'urn:podsec:problem:nesting-too-deep');
  });

  it('a billion-laughs document is a 400 (alias expansion bounded)', async () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => { const prev = 'abcdefgh'[i]; return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`; }))
      .join('\n');
    const p = await expectProblem(await postYaml('/v1/findings', lol), 400, 'urn:podsec:problem:unsupported-yaml');
    expect(p.detail).toBe('document 0 expands aliases beyond the limit (maxAliasCount 100)');
  });

  it('custom tags (!!js/function) are refused with the line', async () => {
    const p = await expectProblem(await postYaml('/v1/findings', POD_YAML.replace('image: nginx', 'image: !!js/function "x"')), 400, 'urn:podsec:problem:unsupported-yaml');
    expect(p.errors![0]).toMatchObject({ message: 'unsupported tag !!js/function', line: 7 });
  });

  it('YAML 1.1 booleans are read as Kubernetes reads them (hostNetwork: yes is true)', async () => {
    const res = await postYaml('/v1/findings?benchmark=cis-1.24', POD_YAML.replace('spec:\n', 'spec:\n  hostNetwork: yes\n'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { objects: Array<{ controls: Array<{ key: string; status: string }> }> };
    expect(body.objects[0]!.controls.find((c) => c.key === 'host-network')!.status).toBe('fail');
  });

  it('a wrong type where Kubernetes would reject the object is a 422 naming the field path and line', async () => {
    const p = await expectProblem(await postYaml('/v1/findings', POD_YAML.replace('image: nginx', 'image: nginx\n    securityContext: {privileged: "true"}')), 422, 'urn:podsec:problem:invalid-object');
    expect(p.errors).toEqual([{ path: 'spec.containers[0].securityContext.privileged', message: 'expected boolean, got string "true"', document: 0, line: 8, column: 35 }]);
  });

  it('__proto__ keys never reach an object merge: 422 naming each', async () => {
    const body = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x","__proto__":{"polluted":1}},"spec":{"containers":[{"name":"a","__proto__":{"x":1}}]}}';
    const res = await api('/v1/findings', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const p = await expectProblem(res, 422, 'urn:podsec:problem:invalid-object');
    expect(p.errors!.map((e) => e.path)).toEqual(['metadata.__proto__', 'spec.containers[0].__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('an unsupported media type is a 415 listing the accepted ones', async () => {
    const res = await api('/v1/findings', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: POD_YAML });
    const p = await expectProblem(res, 415, 'urn:podsec:problem:unsupported-media-type');
    expect(p.allowed).toEqual(['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml']);
  });

  it('a body over the limit is a 413 before parsing, with or without Content-Length', async () => {
    const big = 'a'.repeat(1024 * 1024 + 1);
    await expectProblem(await postYaml('/v1/findings', big), 413, 'urn:podsec:problem:too-large');
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await api('/v1/findings', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: chunked, duplex: 'half' } as RequestInit);
    await expectProblem(res, 413, 'urn:podsec:problem:too-large');
  });

  it('the body limit is configurable (PODSEC_MAX_BODY_BYTES)', async () => {
    const app = createApp();
    const res = await app.request('/v1/findings', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: POD_YAML }, { PODSEC_MAX_BODY_BYTES: '10' });
    const p = await expectProblem(res, 413, 'urn:podsec:problem:too-large');
    expect(p.detail).toBe('The request body exceeds the limit of 10 bytes (PODSEC_MAX_BODY_BYTES).');
  });

  it('unknown path 404, wrong method 405', async () => {
    await expectProblem(await api('/v1/nothing'), 404, 'urn:podsec:problem:not-found');
    const res = await api('/v1/findings');
    const p = await expectProblem(res, 405, 'urn:podsec:problem:method-not-allowed');
    expect(res.headers.get('allow')).toBe('POST');
    expect(p.allowed).toEqual(['POST']);
  });

  it('none of these inputs produces a 5xx (and JSON bodies that are not objects are 400)', async () => {
    const inputs: Array<[string, string]> = [
      ['application/json', '42'], ['application/json', '"x"'], ['application/json', 'null'], ['application/json', '[1,2]'],
      ['application/json', ''], ['application/yaml', ''], ['application/yaml', '---\n---\n'], ['application/yaml', '- 1\n- 2'],
      ['application/yaml', 'kind: List\nitems: 3'], ['application/json', '{"kind":"List","items":[{"kind":"Pod"}]}'],
      ['application/yaml', '\uFEFFapiVersion: v1\r\nkind: Pod\r\nmetadata: {name: x}\r\nspec: {containers: [{name: a}]}\r\n'],
    ];
    for (const [ct, body] of inputs) {
      const res = await api('/v1/findings', { method: 'POST', headers: { 'content-type': ct }, body });
      expect(res.status, `${ct} ${JSON.stringify(body)}`).toBeLessThan(500);
      if (res.status >= 400) await problemOf(res);
    }
  });
});

describe('bad input on POST /v1/admission', () => {
  it('an envelope without policies is a 400 naming the field', async () => {
    const p = await expectProblem(await postJson('/v1/admission', { pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }] } } }), 400, 'urn:podsec:problem:invalid-body');
    expect(p.errors!.map((e) => e.path)).toEqual(['policies']);
  });

  it('a pod of the wrong type is a 422 with the path inside the envelope', async () => {
    const p = await expectProblem(await postJson('/v1/admission', { pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', ports: [{ hostPort: 'eighty' }] }] } }, policies: [] }), 422, 'urn:podsec:problem:invalid-object');
    expect(p.errors).toEqual([{ path: 'pod.spec.containers[0].ports[0].hostPort', message: 'expected integer, got string "eighty"' }]);
  });

  it('an invalid PodSecurityPolicy is a 422 listing each invalid field with the apiserver\'s message', async () => {
    const psp = { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'Bad_Name' }, spec: { volumes: ['none'], runAsUser: { rule: 'RunAsAny' }, seLinux: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } } };
    const res = await postJson('/v1/admission', { pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }] } }, policies: [psp] });
    const p = await expectProblem(res, 422, 'urn:podsec:problem:invalid-policy');
    expect(p.errors!.map((e) => e.message)).toEqual([
      'metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
      expect.stringMatching(/^spec\.volumes: Unsupported value: "none": supported values: "\*", "awsElasticBlockStore", /),
    ]);
  });

  it('two policies of one name are a 422 (a cluster holds one per name)', async () => {
    const psp = { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'same' }, spec: { runAsUser: { rule: 'RunAsAny' }, seLinux: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } } };
    const res = await postJson('/v1/admission', { pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }] } }, policies: [psp, psp] });
    const p = await expectProblem(res, 422, 'urn:podsec:problem:invalid-policy');
    expect(p.errors!.map((e) => e.message)).toEqual(['metadata.name: Duplicate value: "same": a cluster holds one PodSecurityPolicy per name']);
  });
});
