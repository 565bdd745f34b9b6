import type { PodsecApp } from '../app-types';
import { openApiDocument } from '../openapi-document';

export function registerOpenApi(app: PodsecApp): void {
  // Built once per isolate: the document depends only on the route table.
  let cached: string | undefined;
  app.get('/openapi.json', () => {
    cached ??= JSON.stringify(openApiDocument(app));
    return new Response(cached, { headers: { 'content-type': 'application/json; charset=utf-8' } });
  });
}
