/**
 * From an HTTP request to manifests the engines can read: media type (415), size (413), then the
 * manifest reader (400/422). Every failure leaves as a ProblemError.
 */
import type { Context } from 'hono';
import { IngestError, mediaKindOf, readManifests, type Manifests, type MediaKind } from '../ingest';
import type { PodsecEnv } from './app-types';
import { readBodyText } from './body';
import { limitsFrom, readLimitsOf, type Limits } from './config';
import { makeProblem, ProblemError, type ProblemKind } from './problem';

export const MANIFEST_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml'] as const;

export function requireMediaKind(c: Context<PodsecEnv>): MediaKind {
  const contentType = c.req.header('content-type') ?? null;
  const kind = mediaKindOf(contentType);
  if (kind === null) {
    throw new ProblemError(
      makeProblem(
        'unsupported-media-type',
        contentType === null
          ? 'The request has no Content-Type; send application/json or application/yaml.'
          : `Content-Type ${contentType} is not supported; send application/json or application/yaml.`,
        { allowed: [...MANIFEST_MEDIA_TYPES] },
      ),
    );
  }
  return kind;
}

/** Reads, parses and type-checks the manifests of a request body. */
export async function readManifestRequest(c: Context<PodsecEnv>): Promise<Manifests> {
  const kind = requireMediaKind(c);
  const limits = limitsFrom(c.env);
  const text = await readBodyText(c.req.raw, limits.maxBodyBytes);
  let manifests: Manifests;
  try {
    manifests = readManifests(text, kind, readLimitsOf(limits));
  } catch (err) {
    throw ingestProblem(err);
  }
  requirePolicyCount(manifests.policies.length, limits, 'body');
  return manifests;
}

/** PODSEC_MAX_POLICIES: each policy is validated and compiled per request, so their number is bounded. */
export function requirePolicyCount(count: number, limits: Limits, path: string): void {
  if (count <= limits.maxPolicies) return;
  throw new ProblemError(
    makeProblem('too-large', `The request holds ${count} PodSecurityPolicies; the limit is ${limits.maxPolicies} (PODSEC_MAX_POLICIES).`, {
      status: 413,
      errors: [{ path, message: `more than ${limits.maxPolicies} policies` }],
    }),
  );
}

/** An IngestError as a problem; anything else is rethrown (and becomes a 500 without details). */
export function ingestProblem(err: unknown): unknown {
  if (!(err instanceof IngestError)) return err;
  const kind: ProblemKind =
    err.status === 413 ? 'too-large' : err.status === 415 ? 'unsupported-media-type' : err.status === 422 ? 'invalid-object' : 'invalid-body';
  const problem = makeProblem(kind, err.detail, { errors: err.errors, title: err.title, status: err.status });
  // The reader's title is the precise kind (`Invalid YAML`, `Nesting too deep`, ...): name the type after it.
  problem.type = `urn:podsec:problem:${err.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return new ProblemError(problem);
}
