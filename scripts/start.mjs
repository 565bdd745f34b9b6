#!/usr/bin/env node
// `npm start`: the Worker in local workerd through `wrangler dev`, on 127.0.0.1:$PORT (8787),
// with telemetry and the Request.cf download off (the service needs no network).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '8787';
const child = spawn(
  resolve(root, 'node_modules/.bin/wrangler'),
  ['dev', '--ip', '127.0.0.1', '--port', port, '--show-interactive-dev-session=false', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
