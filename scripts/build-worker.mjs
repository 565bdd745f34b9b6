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
// Measured in docs/performance.md (round 7). The module aliases are wrangler.toml's [alias].
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');

/** wrangler.toml's [alias] table: bare module name -> file of this project. */
function aliases() {
  const section = toml.split(/^\[alias\]\s*$/m)[1]?.split(/^\[/m)[0] ?? '';
  const table = {};
  for (const m of section.matchAll(/^"([^"]+)"\s*=\s*"([^"]+)"/gm)) table[m[1]] = resolve(root, m[2]);
  if (Object.keys(table).length === 0) throw new Error('wrangler.toml has no [alias] entries');
  return table;
}

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
  alias: aliases(),
  // wrangler's pass reads this map, so its own map still points into src/.
  sourcemap: 'linked',
  // No minifyIdentifiers here: see above. wrangler minifies.
  logLevel: 'warning',
});
