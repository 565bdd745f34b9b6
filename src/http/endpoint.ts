/**
 * A route as the Worker runs it: method, path and the query schema it validates, nothing more.
 *
 * What a route is documented with (summary, body, responses and their schemas) lives in its
 * contract (src/http/contracts/), which spreads the endpoint into its `createRoute`, so the method,
 * path and query parameters are written once. Only the document builder, at build time, imports the
 * contracts; the Worker does not carry them.
 *
 * Bodies are read by the manifest reader rather than by zod: it bounds nesting before any parser
 * runs, reads YAML, and type-checks only the fields the engines read (a full zod parse of a large
 * stream is slow where zod runs without its JIT, as on Workers). Query parameters are validated by
 * the endpoint's zod schema (failures become the app's 400 problem) and handed to the handler.
 */
import type { RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { PodsecApp, PodsecEnv } from './app-types';

export interface Endpoint {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly request?: { readonly query: z.ZodObject };
}

export type QueryOf<E extends Endpoint> = E['request'] extends { query: infer Q extends z.ZodType } ? z.output<Q> : Record<string, never>;

export function registerEndpoint<E extends Endpoint>(
  app: PodsecApp,
  endpoint: E,
  handler: (c: Context<PodsecEnv>, query: QueryOf<E>) => Response | Promise<Response>,
): void {
  // hide: the runtime route table is not the document's source; the contracts are.
  const route = { ...endpoint, responses: {}, hide: true } as unknown as RouteConfig;
  app.openapi(route, ((c: Context<PodsecEnv>) => {
    const query = (endpoint.request ? (c.req as unknown as { valid(t: 'query'): unknown }).valid('query') : {}) as QueryOf<E>;
    return handler(c, query);
  }) as never);
}
