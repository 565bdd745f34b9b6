/**
 * Per-deployment configuration, read from Worker variables (wrangler.toml [vars] or the
 * dashboard). Every limit has a default; a malformed value falls back to the default rather than
 * taking the service down.
 */
export interface Env {
  PODSEC_MAX_BODY_BYTES?: string;
  PODSEC_MAX_OBJECTS?: string;
  PODSEC_MAX_DEPTH?: string;
  PODSEC_MAX_ALIASES?: string;
  PODSEC_MAX_CONTAINERS?: string;
  PODSEC_MAX_POLICIES?: string;
  PODSEC_CORS_ORIGINS?: string;
  PODSEC_POLICIES?: string;
  PODSEC_PSS_LEVEL?: string;
  PODSEC_PSS_VERSION?: string;
}

export interface Limits {
  maxBodyBytes: number;
  maxObjects: number;
  maxDepth: number;
  maxAliasCount: number;
  maxContainers: number;
  maxPolicies: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxBodyBytes: 1024 * 1024,
  maxObjects: 1000,
  maxDepth: 64,
  maxAliasCount: 100,
  maxContainers: 100,
  maxPolicies: 1000,
};

/** Variable name → limit it sets. One table, used here, in the README and in the OpenAPI text. */
export const LIMIT_VARIABLES: ReadonlyArray<readonly [keyof Env, keyof Limits]> = [
  ['PODSEC_MAX_BODY_BYTES', 'maxBodyBytes'],
  ['PODSEC_MAX_OBJECTS', 'maxObjects'],
  ['PODSEC_MAX_DEPTH', 'maxDepth'],
  ['PODSEC_MAX_ALIASES', 'maxAliasCount'],
  ['PODSEC_MAX_CONTAINERS', 'maxContainers'],
  ['PODSEC_MAX_POLICIES', 'maxPolicies'],
];

const cache = new WeakMap<object, Limits>();

export function limitsFrom(env: Env | undefined): Limits {
  if (!env) return DEFAULT_LIMITS;
  const hit = cache.get(env);
  if (hit) return hit;
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [variable, key] of LIMIT_VARIABLES) {
    const raw = env[variable];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (Number.isSafeInteger(n) && n > 0) limits[key] = n;
  }
  cache.set(env, limits);
  return limits;
}
