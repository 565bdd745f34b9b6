import type { PodsecApp } from '../app-types';
import { serveStaticAsset } from '../static-asset';

/**
 * GET /openapi.json: the document `npm run openapi` generates from the route table (the same zod
 * schemas the routes validate with; CI checks it is current), deployed as a static asset.
 */
const OPENAPI_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json; charset=utf-8' };

export function registerOpenApi(app: PodsecApp): void {
  app.get('/openapi.json', (c) => serveStaticAsset(c, '/openapi.json', OPENAPI_HEADERS));
}
