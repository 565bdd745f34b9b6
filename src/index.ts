/**
 * Worker entry. The app (every route, zod schema and table) is loaded on the first request rather
 * at isolate start-up: esbuild turns the dynamic import of a bundled module into a lazy
 * initialiser, so start-up only parses the bundle. The one app is then reused by every request.
 */
import type { PodsecApp } from './http/app-types';
import type { Env } from './http/config';

let app: Promise<PodsecApp> | undefined;

function loadApp(): Promise<PodsecApp> {
  app ??= import('./app').then((m) => m.createApp());
  return app;
}

export default {
  async fetch(request: Request, env: Env, ctx?: ExecutionContext): Promise<Response> {
    return (await loadApp()).fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
