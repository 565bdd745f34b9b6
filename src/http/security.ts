/**
 * Response headers every answer carries, and CORS for the origins a deployment allows.
 *
 * - `x-content-type-options: nosniff` and a `content-type` on every response, so no browser ever
 *   guesses HTML from an answer that quotes a submitted value.
 * - CORS is off unless PODSEC_CORS_ORIGINS lists origins (comma-separated, exact
 *   `scheme://host[:port]`, or `*` for any): without it no `access-control-*` header is ever sent
 *   and an OPTIONS preflight gets the ordinary 405 problem. Credentials are never allowed (the
 *   service has no cookies or auth to share).
 * - A body the route did not read (415, 404, 405, bad query) is drained within the body limit, so
 *   the client gets the problem on a live connection rather than a reset.
 */
import type { MiddlewareHandler } from 'hono';
import type { PodsecEnv } from './app-types';
import { discardUnreadBody } from './body';
import { limitsFrom } from './config';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
});

/** For the rare response without a body type (redirects, preflights): never left to sniffing. */
export const FALLBACK_CONTENT_TYPE = 'text/plain; charset=utf-8';

export const CORS_ALLOW_METHODS = 'GET, HEAD, POST, OPTIONS';
export const CORS_ALLOW_HEADERS = 'content-type, accept';
export const CORS_EXPOSE_HEADERS = 'allow, content-type';
export const CORS_MAX_AGE_SECONDS = '600';

interface CorsPolicy {
  any: boolean;
  origins: ReadonlySet<string>;
}

const NO_CORS: CorsPolicy = Object.freeze({ any: false, origins: new Set<string>() });
const corsCache = new Map<string, CorsPolicy>();

/** Parses PODSEC_CORS_ORIGINS once per distinct value. */
export function corsPolicyOf(raw: string | undefined): CorsPolicy {
  if (raw === undefined || raw.trim() === '') return NO_CORS;
  let policy = corsCache.get(raw);
  if (policy === undefined) {
    const entries = raw
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, '').toLowerCase())
      .filter((o) => o !== '');
    policy = { any: entries.includes('*'), origins: new Set(entries.filter((o) => o !== '*')) };
    if (corsCache.size > 16) corsCache.clear();
    corsCache.set(raw, policy);
  }
  return policy;
}

/** The value for `access-control-allow-origin`, or undefined when the origin is not allowed. */
export function allowedOrigin(policy: CorsPolicy, origin: string | undefined): string | undefined {
  if (origin === undefined || origin === '') return undefined;
  if (policy.any) return '*';
  return policy.origins.has(origin.toLowerCase()) ? origin : undefined;
}

export function securityMiddleware(): MiddlewareHandler<PodsecEnv> {
  return async (c, next) => {
    const cors = corsPolicyOf(c.env?.PODSEC_CORS_ORIGINS);
    const corsOn = cors !== NO_CORS;
    const allow = corsOn ? allowedOrigin(cors, c.req.header('origin')) : undefined;

    // A preflight from an allowed origin is answered here; any other OPTIONS reaches the routes (405).
    if (allow !== undefined && c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      return new Response(null, {
        status: 204,
        headers: {
          ...SECURITY_HEADERS,
          'content-type': FALLBACK_CONTENT_TYPE,
          'access-control-allow-origin': allow,
          'access-control-allow-methods': CORS_ALLOW_METHODS,
          'access-control-allow-headers': CORS_ALLOW_HEADERS,
          'access-control-max-age': CORS_MAX_AGE_SECONDS,
          vary: 'origin',
        },
      });
    }

    await next();
    await discardUnreadBody(c.req.raw, limitsFrom(c.env).maxBodyBytes);

    let res = c.res;
    try {
      setHeaders(res.headers, allow, corsOn);
    } catch {
      // Immutable headers (a response passed through from elsewhere): copy once.
      res = new Response(res.body, res);
      setHeaders(res.headers, allow, corsOn);
      c.res = res;
    }
  };
}

function setHeaders(headers: Headers, allow: string | undefined, corsOn: boolean): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  if (!headers.has('content-type')) headers.set('content-type', FALLBACK_CONTENT_TYPE);
  if (!corsOn) return;
  // The answer depends on the Origin header once CORS is configured: caches must know.
  headers.append('vary', 'origin');
  if (allow === undefined) return;
  headers.set('access-control-allow-origin', allow);
  headers.set('access-control-expose-headers', CORS_EXPOSE_HEADERS);
}
