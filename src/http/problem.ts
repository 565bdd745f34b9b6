/**
 * RFC 9457 problem details: the only shape an error ever leaves the service in.
 */
import type { Context } from 'hono';

export interface ProblemFieldError {
  /** Kubernetes field path (`spec.containers[0].securityContext.privileged`), `query.x`, or `body`. */
  path: string;
  message: string;
  /** The object the field belongs to, as `Kind/name` (`PodSecurityPolicy/restricted`). */
  object?: string;
  /** 0-based YAML document index, when the body was a stream. */
  document?: number;
  /** 1-based line and column in the request body. */
  line?: number;
  column?: number;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemFieldError[];
  /** Allowed values or limits, where the problem is about a choice or a bound. */
  allowed?: string[];
}

/** Problem type slugs; `type` is `urn:podsec:problem:<slug>`. One row per kind of problem. */
export const PROBLEM_KINDS = {
  'bad-request': { status: 400, title: 'Bad request' },
  'invalid-query': { status: 400, title: 'Invalid query parameter' },
  'invalid-body': { status: 400, title: 'Malformed request body' },
  'nesting-too-deep': { status: 400, title: 'Nesting too deep' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-acceptable': { status: 406, title: 'Not acceptable' },
  'too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'invalid-object': { status: 422, title: 'Invalid object' },
  'invalid-policy': { status: 422, title: 'Invalid PodSecurityPolicy' },
  'threshold-crossed': { status: 422, title: 'Findings cross the failOn threshold' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(kind: ProblemKind): string {
  return `urn:podsec:problem:${kind}`;
}

export function makeProblem(
  kind: ProblemKind,
  detail: string,
  extra: { errors?: ProblemFieldError[]; allowed?: string[]; status?: number; title?: string } = {},
): Problem {
  const k = PROBLEM_KINDS[kind];
  const p: Problem = { type: problemType(kind), title: extra.title ?? k.title, status: extra.status ?? k.status, detail };
  if (extra.errors) p.errors = extra.errors;
  if (extra.allowed) p.allowed = extra.allowed;
  return p;
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

/** Convenience for handlers: `return problem(c, 'too-large', '...')`. */
export function problem(
  _c: Context,
  kind: ProblemKind,
  detail: string,
  extra: Parameters<typeof makeProblem>[2] = {},
  headers: Record<string, string> = {},
): Response {
  return problemResponse(makeProblem(kind, detail, extra), headers);
}

/** Thrown anywhere below a handler; turned into a problem response by the app's error handler. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem, readonly headers: Record<string, string> = {}) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}
