/** Starts the built bundle (dist/index.js) in Miniflare, as deployed. */
import { Miniflare } from 'miniflare';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function wranglerVars(): Record<string, string> {
  // The [vars] of wrangler.toml, so the bundle runs with its deployed configuration.
  const toml = readFileSync(resolve(root, 'wrangler.toml'), 'utf8');
  const vars: Record<string, string> = {};
  const section = toml.split(/^\[vars\]\s*$/m)[1]?.split(/^\[/m)[0] ?? '';
  for (const m of section.matchAll(/^([A-Z0-9_]+)\s*=\s*"([^"]*)"/gm)) vars[m[1]!] = m[2]!;
  return vars;
}

function compatibilityDate(): string {
  const toml = readFileSync(resolve(root, 'wrangler.toml'), 'utf8');
  return /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? '2026-07-01';
}

export async function startBundle(bindings: Record<string, string> = {}): Promise<{ mf: Miniflare; url: URL }> {
  const mf = new Miniflare({
    modules: true,
    scriptPath: resolve(root, 'dist/index.js'),
    compatibilityDate: compatibilityDate(),
    bindings: { ...wranglerVars(), ...bindings },
    // wrangler.toml [assets]: openapi/ through the ASSETS binding, the Worker first for every path.
    assets: {
      directory: resolve(root, 'openapi'),
      binding: 'ASSETS',
      routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
      assetConfig: { html_handling: 'none', not_found_handling: 'none' },
    },
    host: '127.0.0.1',
    port: 0,
  });
  const url = await mf.ready;
  return { mf, url };
}
