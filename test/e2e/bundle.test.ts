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
    expect(bundle).toContain('The OpenAPI document is generated at build time');
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

  it("carries none of zod's JSON Schema converters, only their stand-in (scripts/build-worker.mjs)", async () => {
    const { readFileSync } = await import('node:fs');
    const bundle = readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8');
    // Messages of zod's core/json-schema-processors.js and core/to-json-schema.js, which survive
    // minification; then src/vendor/zod-json-schema.ts's own.
    expect(bundle).not.toContain('Transforms cannot be represented in JSON Schema');
    expect(bundle).not.toContain('Error converting schema to JSON.');
    expect(bundle).toContain('podsec: JSON Schema is generated at build time');
  });
});
