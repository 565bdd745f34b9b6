import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Miniflare } from 'miniflare';
import { startBundle } from './bundle';
import pkg from '../../package.json';

let mf: Miniflare;
let base: URL;

beforeAll(async () => {
  ({ mf, url: base } = await startBundle());
});
afterAll(async () => {
  await mf?.dispose();
});

describe('the deployable bundle in Miniflare', () => {
  it('serves /healthz over real HTTP', async () => {
    const res = await fetch(new URL('/healthz', base));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', service: 'podsec', version: pkg.version });
  });

  it('serves the same OpenAPI document as the committed copy', async () => {
    const res = await fetch(new URL('/openapi.json', base));
    expect(res.status).toBe(200);
    const { readFileSync } = await import('node:fs');
    const committed = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'));
    expect(await res.json()).toEqual(committed);
  });
});
