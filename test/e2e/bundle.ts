/** Starts the built bundle (dist/index.js) in Miniflare, as deployed. */
import { Miniflare } from 'miniflare';
import { resolve } from 'node:path';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

const root = resolve(import.meta.dirname, '../..');

export async function startBundle(bindings: Record<string, string> = {}): Promise<{ mf: Miniflare; url: URL }> {
  // wrangler.toml as wrangler reads it: compatibility date, [vars], [assets] (openapi/ through ASSETS).
  const { workerOptions } = unstable_getMiniflareWorkerOptions(resolve(root, 'wrangler.toml'));
  const mf = new Miniflare({
    modules: true,
    scriptPath: resolve(root, 'dist/index.js'),
    compatibilityDate: workerOptions.compatibilityDate,
    bindings: { ...(workerOptions.bindings as Record<string, string> | undefined), ...bindings },
    assets: workerOptions.assets,
    host: '127.0.0.1',
    port: 0,
  });
  const url = await mf.ready;
  return { mf, url };
}
