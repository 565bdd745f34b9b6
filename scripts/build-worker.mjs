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
//
// It also keeps zod's JSON Schema converters out (zodJsonSchemaStandIn below), which wrangler's
// [alias] cannot do: it maps bare module names, and these are relative imports inside zod.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

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

/**
 * zod's classic schemas.js imports its JSON Schema converters (../core/json-schema-processors.js,
 * ../core/to-json-schema.js): ~5.8 KiB gzip that the Worker never runs, since the OpenAPI document
 * is generated at build time. Those two imports, from that file only, resolve to the stand-in
 * src/vendor/zod-json-schema.ts. The build fails if they were not seen (zod moved them) or if zod
 * reads a name the stand-in lacks: that name would be `undefined`, and esbuild says so only as a
 * warning, which it does not even show for files in node_modules (hence logOverride below).
 */
const STAND_IN = join(root, 'src/vendor/zod-json-schema.ts');
const ZOD_SCHEMAS = `${sep}node_modules${sep}zod${sep}v4${sep}classic${sep}schemas.js`;
const CONVERTERS = /^\.\.\/core\/(json-schema-processors|to-json-schema)\.js$/;
const redirected = new Set();
const zodJsonSchemaStandIn = {
  name: 'zod-json-schema-stand-in',
  setup(b) {
    b.onResolve({ filter: CONVERTERS }, (args) => {
      if (!args.importer.endsWith(ZOD_SCHEMAS)) return undefined;
      redirected.add(args.path);
      return { path: STAND_IN };
    });
  },
};

const outfile = join(root, 'build/index.js');
/** Exits non-zero, leaving no bundle behind for wrangler to deploy. */
const fail = (message) => {
  for (const file of [outfile, `${outfile}.map`]) rmSync(file, { force: true });
  console.error(`build-worker: ${message}`);
  process.exit(1);
};

await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  // As wrangler bundles for workerd (its COMMON_ESBUILD_OPTIONS and build conditions).
  target: 'es2024',
  supported: { 'import-source': true, using: true },
  platform: 'browser',
  conditions: ['workerd', 'worker', 'browser'],
  alias: aliases(),
  plugins: [zodJsonSchemaStandIn],
  // wrangler's pass reads this map, so its own map still points into src/.
  sourcemap: 'linked',
  // No minifyIdentifiers here: see above. wrangler minifies.
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
}).catch((error) => {
  if (error.errors?.some((e) => e.text.includes('zod-json-schema.ts'))) {
    fail('zod reads a name that src/vendor/zod-json-schema.ts does not export (see above): add it there.');
  }
  throw error;
});

if (redirected.size !== 2) {
  fail(`zod's classic/schemas.js no longer imports ../core/json-schema-processors.js and ../core/to-json-schema.js (saw: ${[...redirected].join(', ') || 'neither'}); update zodJsonSchemaStandIn and src/vendor/zod-json-schema.ts`);
}
