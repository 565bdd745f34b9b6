/**
 * Routes whose body is read by the manifest reader rather than by zod.
 *
 * The body schemas are still declared on the route, so the OpenAPI document (and the SDK made
 * from it) describe them; but validating the body is the manifest reader's job: it bounds nesting
 * before any parser runs, reads YAML, and type-checks only the fields the engines read (a full
 * zod parse of a large stream is slow where zod runs without its JIT, as on Workers). Query
 * parameters are still validated by the route's zod schema and handed to the handler.
 */
import type { RouteConfig } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { PodsecApp, PodsecEnv } from './app-types';

type QueryOf<R extends RouteConfig> = R['request'] extends { query: infer Q extends z.ZodType } ? z.output<Q> : Record<string, never>;

export function openapiWithRawBody<R extends RouteConfig>(
  app: PodsecApp,
  route: R,
  handler: (c: Context<PodsecEnv>, query: QueryOf<R>) => Promise<Response>,
): void {
  app.openAPIRegistry.registerPath(route);
  const { body: _documentedOnly, ...request } = route.request ?? {};
  const bare = { ...route, request, hide: true } as RouteConfig & { hide: boolean };
  app.openapi(bare, ((c: Context<PodsecEnv>) => {
    const query = (route.request?.query ? (c.req as unknown as { valid(t: 'query'): unknown }).valid('query') : {}) as QueryOf<R>;
    return handler(c, query);
  }) as never);
}
