/**
 * Builds the deployable bundle once, exactly as `wrangler deploy` would upload it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const wrangler = resolve(root, 'node_modules/.bin/wrangler');
  execFileSync(wrangler, ['deploy', '--dry-run', '--outdir', 'dist'], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  if (!existsSync(resolve(root, 'dist/index.js'))) throw new Error('wrangler did not write dist/index.js');
}
