import type { PodsecApp } from '../app-types';
import { DOCS_HEADERS, DOCS_HTML } from '../docs-page/page';

/**
 * GET /docs: the interactive API reference, rendered in the browser from /openapi.json. A plain
 * `app.get`, not an OpenAPI route: the page is not part of the API it documents.
 */
export function registerDocs(app: PodsecApp): void {
  app.get('/docs', () => new Response(DOCS_HTML, { headers: DOCS_HEADERS }));
  // Relative links and the fragment ids work from /docs only; send /docs/ there.
  app.get('/docs/', (c) => c.redirect('/docs', 301));
}
