/**
 * Issue 7 "Security review": response headers on every answer, CORS only for configured origins,
 * no submitted value ever echoed into HTML, and a content security policy on /docs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { CORS_ALLOW_HEADERS, CORS_ALLOW_METHODS } from '../../src/http/security';
import { api } from '../helpers/http';
import { fuzzRuns } from '../property/arbitraries';

const PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert('x')", '<svg/onload=alert(1)>', '{{7*7}}'];
const podWith = (s: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: s, annotations: { [s.slice(0, 60)]: s } }, spec: { containers: [{ name: s, image: s, securityContext: { procMount: s, seccompProfile: { type: s } } }], runtimeClassName: s } });

/** Requests of every kind: routes, errors, unknown paths, wrong methods. */
const REQUESTS: Array<[string, RequestInit?]> = [
  ['/healthz'],
  ['/openapi.json'],
  ['/docs'],
  ['/docs/'],
  ['/v1/benchmarks'],
  ['/nowhere'],
  ['/v1/findings'],
  ['/v1/findings', { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<p>' }],
  ['/v1/findings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
  ['/v1/findings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(podWith('x')) }],
  ['/v1/findings', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }],
  ['/v1/pss?level=<b>', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
  ['/healthz', { method: 'HEAD' }],
];

describe('issue 7 security: response headers', () => {
  it('every answer sets content-type and x-content-type-options: nosniff', async () => {
    for (const [path, init] of REQUESTS) {
      const res = await api(path, init);
      expect({ path, nosniff: res.headers.get('x-content-type-options'), hasType: res.headers.get('content-type') !== null }).toEqual({ path, nosniff: 'nosniff', hasType: true });
      await res.arrayBuffer();
    }
  });

  it('no CORS headers by default, and an OPTIONS preflight is the ordinary 405 problem', async () => {
    for (const [path, init] of REQUESTS) {
      const res = await api(path, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: 'https://app.example' } });
      const cors = [...res.headers.keys()].filter((k) => k.startsWith('access-control-'));
      expect({ path, cors }).toEqual({ path, cors: [] });
      await res.arrayBuffer();
    }
    const pre = await api('/v1/findings', { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(405);
    expect(pre.headers.get('content-type')).toBe('application/problem+json');
    expect(((await pre.json()) as { detail: string }).detail).toBe('OPTIONS is not allowed on /v1/findings; allowed: POST.');
  });

  it('PODSEC_CORS_ORIGINS: a preflight from a listed origin is answered 204; others get no CORS headers', async () => {
    const app = createApp();
    const env = { PODSEC_CORS_ORIGINS: 'https://app.example, https://ci.example:8443/' };
    const preflight = (origin: string) => app.request('http://podsec.test/v1/findings', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }, env);
    const ok = await preflight('https://ci.example:8443');
    expect(ok.status).toBe(204);
    expect(Object.fromEntries([...ok.headers].filter(([k]) => k.startsWith('access-control-') || k === 'vary'))).toEqual({
      'access-control-allow-origin': 'https://ci.example:8443',
      'access-control-allow-methods': CORS_ALLOW_METHODS,
      'access-control-allow-headers': CORS_ALLOW_HEADERS,
      'access-control-max-age': '600',
      vary: 'origin',
    });
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(405);
    expect(refused.headers.get('access-control-allow-origin')).toBe(null);
    expect(refused.headers.get('vary')).toBe('origin');

    const post = await app.request('http://podsec.test/v1/findings', { method: 'POST', headers: { origin: 'https://app.example', 'content-type': 'application/json' }, body: JSON.stringify(podWith('x')) }, env);
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(post.headers.get('access-control-allow-credentials')).toBe(null);
    expect(post.headers.get('vary')).toBe('origin');
    const other = await app.request('http://podsec.test/healthz', { headers: { origin: 'https://evil.example' } }, env);
    expect(other.headers.get('access-control-allow-origin')).toBe(null);
  });

  it('PODSEC_CORS_ORIGINS=* allows any origin, without credentials', async () => {
    const app = createApp();
    const res = await app.request('http://podsec.test/healthz', { headers: { origin: 'https://anything.example' } }, { PODSEC_CORS_ORIGINS: '*' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBe(null);
  });

  it('/docs sets a content security policy without unsafe-inline or unsafe-eval, and forbids framing', async () => {
    const res = await api('/docs');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('issue 7 security: no submitted value is ever echoed into HTML', () => {
  it('only GET /docs answers text/html, and the page never carries a submitted value', async () => {
    const doc = (await (await api('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const posts = Object.entries(doc.paths).filter(([, ops]) => 'post' in ops).map(([p]) => p);
    expect(posts.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts), fc.constantFrom(...PAYLOADS), fc.constantFrom('application/json', 'application/yaml', 'text/html'), fc.constantFrom('text/html', '*/*', 'application/json'), async (path, payload, contentType, accept) => {
        const body = contentType === 'application/json' ? JSON.stringify(podWith(payload)) : `apiVersion: v1\nkind: Pod\nmetadata: {name: ${JSON.stringify(payload)}}\nspec: {containers: [{name: ${JSON.stringify(payload)}}]}\n`;
        const res = await api(`${path}?level=${encodeURIComponent(payload)}`, { method: 'POST', headers: { 'content-type': contentType, accept }, body });
        expect(res.headers.get('content-type') ?? '').not.toMatch(/html/i);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        await res.arrayBuffer();
      }),
      { numRuns: Math.min(fuzzRuns(), 300) },
    );
    // The one HTML page is static: the same bytes whatever the query string carries.
    const plain = await (await api('/docs')).text();
    const tainted = await (await api(`/docs?x=${encodeURIComponent(PAYLOADS[0]!)}`)).text();
    expect(tainted).toBe(plain);
    for (const p of PAYLOADS) expect(plain).not.toContain(p);
  });
});
