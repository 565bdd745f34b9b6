/**
 * Per-deployment configuration, read from Worker variables (wrangler.toml [vars] or the
 * dashboard). Every limit has a default; a malformed value falls back to the default rather than
 * taking the service down.
 */
import type { ReadLimits } from '../ingest';

/** The Worker variables (all strings). */
export interface EnvVars {
  PODSEC_MAX_BODY_BYTES?: string;
  PODSEC_MAX_OBJECTS?: string;
  PODSEC_MAX_DEPTH?: string;
  PODSEC_MAX_ALIASES?: string;
  PODSEC_MAX_CONTAINERS?: string;
  PODSEC_MAX_POLICIES?: string;
  PODSEC_MAX_STRING_LENGTH?: string;
  PODSEC_CORS_ORIGINS?: string;
  PODSEC_POLICIES?: string;
  PODSEC_PSS_LEVEL?: string;
  PODSEC_PSS_VERSION?: string;
}

export interface Env extends EnvVars {
  /** The static assets of openapi/ (wrangler.toml [assets]): the API document and /docs page. */
  ASSETS?: Fetcher;
}

export interface Limits {
  maxBodyBytes: number;
  maxObjects: number;
  maxDepth: number;
  maxAliasCount: number;
  maxContainers: number;
  maxPolicies: number;
  maxStringLength: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBodyBytes: 1024 * 1024,
  maxObjects: 1000,
  maxDepth: 64,
  maxAliasCount: 100,
  maxContainers: 100,
  maxPolicies: 1000,
  maxStringLength: 65536,
});

export interface LimitVariable {
  variable: keyof EnvVars;
  limit: keyof Limits;
  /** What is counted, and the answer when it is crossed. */
  description: string;
  status: 400 | 413;
  /** Smallest accepted value (0 only where it means "none allowed"). */
  min: 0 | 1;
}

/**
 * Variable → limit it sets. The one source of truth: read here, listed in the OpenAPI document's
 * description and in docs/limits.md (test/http/limits.test.ts checks both agree with it).
 */
export const LIMIT_VARIABLES: readonly LimitVariable[] = [
  { variable: 'PODSEC_MAX_BODY_BYTES', limit: 'maxBodyBytes', min: 1, status: 413, description: 'Request body size in bytes (declared Content-Length, or counted while a chunked body streams).' },
  { variable: 'PODSEC_MAX_DEPTH', limit: 'maxDepth', min: 1, status: 400, description: 'Nesting of JSON/YAML collections (root = 1), checked on the text before any parser runs, and again after YAML alias expansion.' },
  { variable: 'PODSEC_MAX_ALIASES', limit: 'maxAliasCount', min: 0, status: 400, description: 'YAML alias expansion budget per document (billion laughs, quadratic blow-up); 0 refuses every alias.' },
  { variable: 'PODSEC_MAX_OBJECTS', limit: 'maxObjects', min: 1, status: 413, description: 'Objects in one request, after `List` expansion, skipped kinds included.' },
  { variable: 'PODSEC_MAX_CONTAINERS', limit: 'maxContainers', min: 1, status: 413, description: 'initContainers + containers + ephemeralContainers of one pod or pod template.' },
  { variable: 'PODSEC_MAX_POLICIES', limit: 'maxPolicies', min: 1, status: 413, description: 'PodSecurityPolicies in one request (JSON `policies`, or in a YAML stream / JSON array).' },
  { variable: 'PODSEC_MAX_STRING_LENGTH', limit: 'maxStringLength', min: 1, status: 413, description: 'Length of any string or key inside a pod-bearing object or PodSecurityPolicy, in UTF-16 code units.' },
];

const cache = new WeakMap<object, Limits>();

export function limitsFrom(env: Env | undefined): Limits {
  if (!env) return DEFAULT_LIMITS;
  const hit = cache.get(env);
  if (hit) return hit;
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const { variable, limit, min } of LIMIT_VARIABLES) {
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') continue;
    const n = Number(raw);
    if (Number.isSafeInteger(n) && n >= min) limits[limit] = n;
  }
  cache.set(env, limits);
  return limits;
}

/** The limits the manifest reader enforces, from the Worker's limits. */
export function readLimitsOf(limits: Limits): ReadLimits {
  return {
    maxDepth: limits.maxDepth,
    maxObjects: limits.maxObjects,
    maxAliasCount: limits.maxAliasCount,
    maxContainers: limits.maxContainers,
    maxStringLength: limits.maxStringLength,
  };
}

/** The limits as a Markdown table (OpenAPI description, docs). */
export function limitsMarkdownTable(): string {
  const rows = LIMIT_VARIABLES.map((v) => `| \`${v.variable}\` | ${DEFAULT_LIMITS[v.limit]} | ${v.status} | ${v.description} |`);
  return ['| Variable | Default | Status when crossed | What it bounds |', '|---|---|---|---|', ...rows].join('\n');
}
