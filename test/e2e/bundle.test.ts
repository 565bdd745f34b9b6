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

  it('serves the committed OpenAPI document and /docs page, byte for byte, from its static assets', async () => {
    const { readFileSync } = await import('node:fs');
    for (const [path, file] of [['/openapi.json', 'openapi.json'], ['/docs', 'docs.html']] as const) {
      const res = await fetch(new URL(path, base));
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(readFileSync(new URL(`../../openapi/${file}`, import.meta.url), 'utf8'));
    }
  });

  it('the bundle carries neither the OpenAPI generator nor the document and page it serves', async () => {
    const { readFileSync } = await import('node:fs');
    const bundle = readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8');
    // One string of each, chosen because it survives minification: the generator's own error
    // message, the page's skip link, the text report of the document's examples.
    expect(bundle).not.toContain('Conflicting names for parameter');
    expect(bundle).not.toContain('Skip to the operations');
    expect(bundle).not.toContain('manifest.yaml:4: high cis/host-network (5.2.5) Deployment/shop/web');
  });

  it('carries the endpoints and their query schemas, but none of the route contracts or document-only schemas', async () => {
    const { readFileSync } = await import('node:fs');
    const bundle = readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8');
    // Module names, as the lazy wrappers keep them (next test), of everything under src/http/.
    const modules = [...bundle.matchAll(/"(src\/http\/[^"]+)"\(\)\{/g)].map((m) => m[1]!);
    expect(modules).toEqual(expect.arrayContaining(['src/http/endpoint.ts', 'src/http/schemas/request.ts', 'src/http/routes/evaluate.ts']));
    const documentOnly = modules.filter((m) => m.startsWith('src/http/contracts/') || (m.startsWith('src/http/schemas/') && m !== 'src/http/schemas/request.ts') || m === 'src/http/examples.ts');
    expect(documentOnly).toEqual([]);
    // And their text: an operation summary (contracts/admission.ts), a response schema's description (schemas/psp.ts).
    expect(bundle).not.toContain('PodSecurityPolicy admission, as the apiserver did it');
    expect(bundle).not.toContain('The policy would change the pod.');
  });

  it('keeps the lazy module wrappers as methods, which V8 only pre-parses at start-up (scripts/build-worker.mjs)', async () => {
    const { readFileSync } = await import('node:fs');
    const bundle = readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8');
    // The app's own wrapper, and hundreds like it; minified by esbuild alone it would be `X(()=>{`.
    expect(bundle).toContain('"src/app.ts"(){');
    expect(bundle.match(/\(\{"(?:src|node_modules)\/[^"]+"\(\)\{/g)?.length).toBeGreaterThan(300);
  });

  it("answers a bad query with zod classic's English message (the bundle has no zod classic to install it)", async () => {
    const res = await fetch(new URL('/v1/pss?level=nope', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"c","image":"i"}]}}' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toBe('query.level: Invalid option: expected one of "privileged"|"baseline"|"restricted"');
  });

  it('validates with zod/mini and carries no zod classic, no @hono/zod-openapi and no JSON Schema converter', async () => {
    const { readFileSync } = await import('node:fs');
    const bundle = readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8');
    // zod names its classes in strings ($constructor), which survive minification: mini's are
    // `ZodMini*`, classic's `Zod*`. One classic schema in a Worker module brings in all of classic.
    expect(bundle).toContain('"ZodMiniObject"');
    expect(bundle).not.toContain('"ZodObject"');
    expect(bundle).not.toContain('"ZodString"');
    // @hono/zod-openapi's route wrapper (its `openapi` hook name) and zod's JSON Schema converters.
    expect(bundle).not.toContain('openAPIRegistry');
    expect(bundle).not.toContain('Transforms cannot be represented in JSON Schema');
  });
});
