import type { PodsecApp } from '../app-types';
import { serveStaticAsset } from '../static-asset';

/**
 * GET /openapi.json: the document `npm run openapi` generates from the route contracts
 * (src/http/contracts/: the endpoints the Worker runs, with the same zod query schemas, plus their
 * documentation; CI checks it is current), deployed as a static asset.
 */
const OPENAPI_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json; charset=utf-8' };

export function registerOpenApi(app: PodsecApp): void {
  app.get('/openapi.json', (c) => serveStaticAsset(c, '/openapi.json', OPENAPI_HEADERS));
}
