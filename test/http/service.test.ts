import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { api, problemOf } from '../helpers/http';
import pkg from '../../package.json';
import committedDocument from '../../openapi/openapi.json?raw';
import committedDocsPage from '../../openapi/docs.html?raw';

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

  it('GET /openapi.json and GET /docs answer the files `npm run generate` wrote, byte for byte (static assets)', async () => {
    const doc = await api('/openapi.json');
    expect(doc.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(doc.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await doc.text()).toBe(committedDocument);
    const page = await api('/docs');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(await page.text()).toBe(committedDocsPage);
  });

  it('HEAD /openapi.json answers the headers without the document', async () => {
    const res = await api('/openapi.json', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('the other files of the assets directory are not served', async () => {
    for (const path of ['/redocly.yaml', '/docs.html', '/.assetsignore']) {
      const res = await api(path);
      expect(res.status, path).toBe(404);
      expect((await problemOf(res)).detail).toBe(`There is nothing at ${path}. The API document is at /openapi.json.`);
    }
  });

  it('a deployment without its static assets answers a 500 problem naming the file, not a crash', async () => {
    const res = await createApp().fetch(new Request('http://podsec.test/openapi.json'), {});
    expect(res.status).toBe(500);
    expect(await problemOf(res)).toEqual({
      type: 'urn:podsec:problem:internal',
      title: 'Internal error',
      status: 500,
      detail: '/openapi.json was not deployed with this Worker (its static assets are missing).',
    });
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
