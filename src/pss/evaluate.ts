/**
 * Evaluating a pod (or pod template) against a Pod Security Standards level and version, and
 * rendering the results as the PodSecurity admission plugin does.
 */
import type { PodTemplate } from '../k8s/types';
import { applyHostNetworkPortDefaults } from './defaults';
import { selectChecks } from './registry';
import type { PssLevel } from './types';
import { INVALID_VERSION_ERROR, formatMinor, parseMinor, resolveMinor } from './version';

/** Least to most restrictive. */
export const PSS_LEVELS: readonly PssLevel[] = Object.freeze(['privileged', 'baseline', 'restricted'] as const);

export interface PssForbidden {
  /** Check ID, e.g. `runAsNonRoot`. */
  check: string;
  reason: string;
  detail: string;
}

export interface PssEvaluation {
  level: PssLevel;
  /** As requested, e.g. `latest` or `v1.50`; used in the message. */
  version: string;
  /** The policy version actually evaluated, e.g. `v1.37`. */
  resolvedVersion: string;
  allowed: boolean;
  /** Forbidden check results in run order. */
  forbidden: PssForbidden[];
  /** `violates PodSecurity "<level>:<version>": <detail>`, or null when allowed. */
  message: string | null;
}

export interface PssEvaluateOptions {
  /**
   * The object is a Pod (not a workload template): emulate the API server's hostNetwork →
   * hostPort defaulting that the admission plugin would see.
   */
  isPod?: boolean;
}

/** Reason used when a check gives none (policy.AggregateCheckResults; no built-in check does). */
const UNKNOWN_FORBIDDEN_REASON = 'unknown forbidden reason';

export function isPssLevel(v: string): v is PssLevel {
  return v === 'privileged' || v === 'baseline' || v === 'restricted';
}

/**
 * Validates a version string: `latest` or `v1.<minor>` (api.ParseVersion). The error text is
 * upstream's. (The admission plugin would fall back to `latest`; our API rejects instead.)
 */
export function parsePssVersion(v: string): { ok: true; version: string } | { ok: false; error: string } {
  return parseMinor(v) === undefined ? { ok: false, error: INVALID_VERSION_ERROR } : { ok: true, version: v };
}

/** The policy version a requested version is evaluated as (`latest`, `v1.50` → PSS_MAX_VERSION). */
export function resolvePssVersion(version: string): string {
  const minor = parseMinor(version);
  if (minor === undefined) throw new RangeError(`invalid Pod Security Standards version ${JSON.stringify(version)}: ${INVALID_VERSION_ERROR}`);
  return formatMinor(resolveMinor(minor));
}

/** Aggregated reason and detail (policy.AggregateCheckResults): entries joined by `, `. */
export function aggregateForbidden(forbidden: readonly PssForbidden[]): { reason: string; detail: string } {
  let reason = '';
  let detail = '';
  for (let i = 0; i < forbidden.length; i++) {
    const f = forbidden[i]!;
    const r = f.reason === '' ? UNKNOWN_FORBIDDEN_REASON : f.reason;
    const sep = i === 0 ? '' : ', ';
    reason += sep + r;
    detail += sep + (f.detail === '' ? r : `${r} (${f.detail})`);
  }
  return { reason, detail };
}

/** `violates PodSecurity "<level>:<version>": <aggregated detail>` (enforce wording). */
export function forbiddenSummary(level: PssLevel, version: string, forbidden: readonly PssForbidden[]): string {
  return `violates PodSecurity "${level}:${version}": ${aggregateForbidden(forbidden).detail}`;
}

/**
 * Evaluates a pod or pod template at a level and version. Throws RangeError for an invalid level
 * or version (validate with parsePssVersion first). Never mutates the input.
 */
export function evaluatePss(
  pod: PodTemplate,
  level: PssLevel,
  version: string,
  opts?: PssEvaluateOptions,
): PssEvaluation {
  if (!isPssLevel(level)) throw new RangeError(`invalid Pod Security Standards level ${JSON.stringify(level)}`);
  const minor = parseMinor(version);
  if (minor === undefined) throw new RangeError(`invalid Pod Security Standards version ${JSON.stringify(version)}: ${INVALID_VERSION_ERROR}`);
  const resolved = resolveMinor(minor);
  const checks = selectChecks(level, resolved);
  const forbidden: PssForbidden[] = [];
  if (checks.length > 0) {
    const meta = pod.metadata;
    const spec = opts?.isPod === true ? applyHostNetworkPortDefaults(pod.spec) : pod.spec;
    for (const check of checks) {
      const r = check.evaluate(meta, spec);
      if (!r.allowed) forbidden.push({ check: check.id, reason: r.reason, detail: r.detail });
    }
  }
  const allowed = forbidden.length === 0;
  rememberAllowed(pod, verdictKey(level, resolved, opts), allowed);
  return {
    level,
    version,
    resolvedVersion: formatMinor(resolved),
    allowed,
    forbidden,
    message: allowed ? null : forbiddenSummary(level, version, forbidden),
  };
}

/**
 * Verdicts already computed, per pod object (callers evaluate `restricted` and then ask for the
 * minimum level of the same pod). Engines never mutate a pod, and entries go away with the
 * request's objects (WeakMap).
 */
const VERDICTS = new WeakMap<PodTemplate, Map<string, boolean>>();

function verdictKey(level: PssLevel, resolvedMinor: number, opts: PssEvaluateOptions | undefined): string {
  return `${level}:${resolvedMinor}:${opts?.isPod === true ? 'pod' : 'template'}`;
}

function rememberAllowed(pod: PodTemplate, key: string, allowed: boolean): void {
  let m = VERDICTS.get(pod);
  if (m === undefined) VERDICTS.set(pod, (m = new Map()));
  m.set(key, allowed);
}

/** Whether the level admits the pod: evaluatePss(...).allowed, stopping at the first forbidden check. */
function admits(pod: PodTemplate, level: PssLevel, resolvedMinor: number, opts: PssEvaluateOptions | undefined): boolean {
  const key = verdictKey(level, resolvedMinor, opts);
  const known = VERDICTS.get(pod)?.get(key);
  if (known !== undefined) return known;
  const checks = selectChecks(level, resolvedMinor);
  let allowed = true;
  if (checks.length > 0) {
    const meta = pod.metadata;
    const spec = opts?.isPod === true ? applyHostNetworkPortDefaults(pod.spec) : pod.spec;
    for (const check of checks) {
      if (!check.evaluate(meta, spec).allowed) {
        allowed = false;
        break;
      }
    }
  }
  rememberAllowed(pod, key, allowed);
  return allowed;
}

/**
 * The most restrictive level whose policy (at this version) admits the pod, i.e. the least
 * privilege the pod needs: `restricted`, else `baseline`, else `privileged` (which admits all).
 * Restricted is tried first: it does not always imply baseline. From v1.25 the restricted seccomp
 * and capabilities checks exempt Windows pods and override their baseline counterparts, so a
 * Windows pod with `seccompProfile: Unconfined` passes restricted and fails baseline, as in PSA.
 */
export function minimumPssLevel(pod: PodTemplate, version: string, opts?: PssEvaluateOptions): PssLevel {
  const minor = parseMinor(version);
  if (minor === undefined) throw new RangeError(`invalid Pod Security Standards version ${JSON.stringify(version)}: ${INVALID_VERSION_ERROR}`);
  const resolved = resolveMinor(minor);
  if (admits(pod, 'restricted', resolved, opts)) return 'restricted';
  return admits(pod, 'baseline', resolved, opts) ? 'baseline' : 'privileged';
}
