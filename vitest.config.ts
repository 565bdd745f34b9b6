import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The same `zod` the deployed bundle gets (wrangler.toml [alias], src/vendor/zod.ts).
const ZOD_ALIAS = { find: /^zod$/, replacement: fileURLToPath(new URL('./src/vendor/zod.ts', import.meta.url)) };
// ... and the same runtime stand-in for the OpenAPI generator (src/vendor/zod-to-openapi.ts).
const ZOD_TO_OPENAPI_ALIAS = { find: /^@asteasolutions\/zod-to-openapi$/, replacement: fileURLToPath(new URL('./src/vendor/zod-to-openapi.ts', import.meta.url)) };
// ... and the same stand-in for zod's JSON Schema converters, for the two imports of zod's classic
// schemas.js that scripts/build-worker.mjs redirects (src/vendor/zod-json-schema.ts).
const ZOD_JSON_SCHEMA_STAND_IN = {
  name: 'zod-json-schema-stand-in',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    if (!/^\.\.\/core\/(json-schema-processors|to-json-schema)\.js$/.test(source)) return undefined;
    if (!importer?.split('?')[0]!.endsWith('/node_modules/zod/v4/classic/schemas.js')) return undefined;
    return fileURLToPath(new URL('./src/vendor/zod-json-schema.ts', import.meta.url));
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        // Unit, engine and HTTP tests, run inside workerd against src/ through the Worker entry.
        // nodejs_compat only in tests: vitest's own runtime imports node:* modules; the Worker does not.
        // main: the sources, not build/index.js (wrangler.toml's main, the bundle scripts/build-worker.mjs writes).
        plugins: [cloudflareTest({ main: './src/index.ts', wrangler: { configPath: './wrangler.toml' }, miniflare: { compatibilityFlags: ['nodejs_compat'] } }), ZOD_JSON_SCHEMA_STAND_IN],
        // FUZZ_RUNS=100000 npm test runs the property tests longer (test/property/arbitraries.ts).
        resolve: { alias: [ZOD_ALIAS, ZOD_TO_OPENAPI_ALIAS] },
        define: { 'import.meta.env.FUZZ_RUNS': JSON.stringify(process.env.FUZZ_RUNS ?? '') },
        test: {
          name: 'workers',
          include: ['test/**/*.test.ts'],
          // CI machines have 2 cores; the first request of a file also loads the Worker.
          testTimeout: 30_000,
          exclude: ['test/e2e/**'],
        },
      },
      {
        // End-to-end: the bundle `wrangler deploy --dry-run` builds, loaded into Miniflare.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
