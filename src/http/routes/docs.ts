import type { PodsecApp } from '../app-types';
import { DOCS_HEADERS } from '../docs-page/page';
import { serveStaticAsset } from '../static-asset';

/**
 * GET /docs: the interactive API reference, rendered in the browser from /openapi.json. A plain
 * `app.get`, not an OpenAPI route: the page is not part of the API it documents. The page is
 * built by `npm run docs-page` and deployed as a static asset; its CSP hashes live here.
 */
export function registerDocs(app: PodsecApp): void {
  app.get('/docs', (c) => serveStaticAsset(c, '/docs.html', DOCS_HEADERS));
  // Relative links and the fragment ids work from /docs only; send /docs/ there.
  app.get('/docs/', (c) => c.redirect('/docs', 301));
}
