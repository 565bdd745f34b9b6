/**
 * A route as the Worker runs it: method, path and the query schema it validates, nothing more.
 *
 * What a route is documented with (summary, body, responses and their schemas) lives in its
 * contract (src/http/contracts/), which spreads the endpoint into its `createRoute`, so the method,
 * path and query parameters are written once. Only the document builder, at build time, imports the
 * contracts; the Worker does not carry them, nor @hono/zod-openapi: it runs plain Hono with the
 * validator @hono/zod-openapi itself validates with (@hono/zod-validator).
 *
 * Bodies are read by the manifest reader rather than by zod: it bounds nesting before any parser
 * runs, reads YAML, and type-checks only the fields the engines read (a full zod parse of a large
 * stream is slow where zod runs without its JIT, as on Workers). Query parameters are validated by
 * the endpoint's zod schema (failures become the app's 400 problem) and handed to the handler.
 */
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { PodsecApp, PodsecEnv } from './app-types';
import { makeProblem, problemResponse } from './problem';

export interface Endpoint {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly request?: { readonly query: z.ZodMiniObject };
}

export type QueryOf<E extends Endpoint> = E['request'] extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : Record<string, never>;

export function registerEndpoint<E extends Endpoint>(
  app: PodsecApp,
  endpoint: E,
  handler: (c: Context<PodsecEnv>, query: QueryOf<E>) => Response | Promise<Response>,
): void {
  const method = endpoint.method.toUpperCase();
  if (endpoint.request === undefined) {
    app.on(method, endpoint.path, (c) => handler(c, {} as QueryOf<E>));
    return;
  }
  app.on(method, endpoint.path, zValidator('query', endpoint.request.query, invalidQueryProblem), (c) => handler(c, c.req.valid('query') as QueryOf<E>));
}

type QueryValidation = { success: true } | { success: false; error: z.core.$ZodError };

/** A query the schema refuses: a problem+json 400 naming each parameter, with the valid choices. */
function invalidQueryProblem(result: QueryValidation): Response | undefined {
  if (result.success) return undefined;
  const errors = result.error.issues.map((issue) => ({
    path: ['query', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  // An unknown choice lists the valid ones (e.g. every benchmark name).
  const choices = result.error.issues.find((i) => i.code === 'invalid_value')?.values;
  return problemResponse(
    makeProblem('invalid-query', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
      errors,
      ...(choices ? { allowed: choices.map(String) } : {}),
    }),
  );
}
