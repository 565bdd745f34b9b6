import { describe, expect, it } from 'vitest';
import { api, problemOf } from '../helpers/http';
import pkg from '../../package.json';

describe('service routes', () => {
  it('GET /healthz answers 200 with the service version', async () => {
    const res = await api('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toEqual({ status: 'ok', service: 'podsec', version: pkg.version });
  });

  it('GET /openapi.json serves an OpenAPI 3.1 document generated from the routes', async () => {
    const res = await api('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; info: { version: string }; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(pkg.version);
    expect(Object.keys(doc.paths)).toContain('/healthz');
  });

  it('an unknown path is a 404 problem', async () => {
    const res = await api('/nope');
    expect(res.status).toBe(404);
    const p = await problemOf(res);
    expect(p).toEqual({ type: 'urn:podsec:problem:not-found', title: 'Not found', status: 404, detail: 'There is nothing at /nope. The API document is at /openapi.json.' });
  });

  it('a wrong method on a known path is a 405 problem with an Allow header', async () => {
    const res = await api('/healthz', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const p = await problemOf(res);
    expect(p.type).toBe('urn:podsec:problem:method-not-allowed');
    expect(p.detail).toBe('POST is not allowed on /healthz; allowed: GET, HEAD.');
  });
});
