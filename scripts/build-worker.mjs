#!/usr/bin/env node
// wrangler.toml [build]: bundles src/index.ts into build/index.js, the file wrangler deploys
// (`npm run deploy`, `npm start`, `npm run build`). wrangler then bundles that one file again and
// minifies it, with its own settings (wrangler.toml `minify`, `keep_names`, NODE_ENV).
//
// Why a pass of our own before wrangler's: the app loads on the first request (src/index.ts), so
// esbuild wraps every module behind `import('./app')` in a lazy initialiser. Minifying identifiers,
// as wrangler does, makes esbuild write each wrapper as an arrow function, `f(()=>{...})`, and V8
// parses all 336 of those bodies in full when the module is compiled: start-up ~44 ms CPU.
// Without identifier minification esbuild writes them as methods, `f({"src/x.ts"(){...}})`, which
// V8 only pre-parses; wrangler's minification afterwards keeps them methods. Start-up 44 -> 32 ms,
// start-up + first request -15 ms, for +2 KiB gzip (the module paths kept as method names).
// Measured in docs/performance.md (round 7).
import { build } from 'esbuild';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(root, 'build/index.js'),
  bundle: true,
  format: 'esm',
  // As wrangler bundles for workerd (its COMMON_ESBUILD_OPTIONS and build conditions).
  target: 'es2024',
  supported: { 'import-source': true, using: true },
  platform: 'browser',
  conditions: ['workerd', 'worker', 'browser'],
  // wrangler's pass reads this map, so its own map still points into src/.
  sourcemap: 'linked',
  // No minifyIdentifiers here: see above. wrangler minifies.
  logLevel: 'warning',
  // A name imported but not exported would be `undefined` at run time; esbuild only warns.
  logOverride: { 'import-is-undefined': 'error' },
});
