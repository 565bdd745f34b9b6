import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Unit, engine and HTTP tests, run inside workerd against src/ through the Worker entry.
        // nodejs_compat only in tests: vitest's own runtime imports node:* modules; the Worker does not.
        // main: the sources, not build/index.js (wrangler.toml's main, the bundle scripts/build-worker.mjs writes).
        plugins: [cloudflareTest({ main: './src/index.ts', wrangler: { configPath: './wrangler.toml' }, miniflare: { compatibilityFlags: ['nodejs_compat'] } })],
        // FUZZ_RUNS=100000 npm test runs the property tests longer (test/property/arbitraries.ts).
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
