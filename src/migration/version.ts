/**
 * Policy versions for the migration engine, derived from the Pod Security Standards engine's
 * public registry (PSS_CHECKS): which checks apply at a level and version.
 */
import { PSS_CHECKS, resolvePssVersion } from '../pss';
import type { MigrationGapLevel } from './types';

/** `v1.N` → N. Only called on valid numbered versions. */
export function minorOf(version: string): number {
  return Number(version.slice('v1.'.length));
}

/**
 * The minor version a requested version is evaluated as (`latest`, `v1.50` → the PSS maximum).
 * Throws RangeError for an invalid version, like evaluatePss.
 */
export function resolveMinor(version: string): number {
  return minorOf(resolvePssVersion(version));
}

const CHECK_FIRST_MINOR: ReadonlyMap<string, number> = new Map(PSS_CHECKS.map((c) => [c.id, minorOf(c.versions[0]!)]));

/** The first minor version of a PSS check (undefined for an unknown ID). */
export function checkFirstMinor(check: string): number | undefined {
  return CHECK_FIRST_MINOR.get(check);
}

const CHECKS_AT_CACHE = new Map<string, ReadonlySet<string>>();

/**
 * IDs of the checks a level runs at a (resolved) minor version: every existing check of the level
 * and below, minus the baseline checks a restricted check overrides where the overriding check
 * exists (spec pod-security-standards.md §2). Cached per (level, minor); minors are bounded by
 * the PSS maximum version.
 */
export function checksAt(level: MigrationGapLevel, minor: number): ReadonlySet<string> {
  const key = `${level}:${minor}`;
  let set = CHECKS_AT_CACHE.get(key);
  if (set !== undefined) return set;
  const ids = new Set<string>();
  const overridden = new Set<string>();
  for (const c of PSS_CHECKS) {
    if (level === 'baseline' && c.level !== 'baseline') continue;
    if (CHECK_FIRST_MINOR.get(c.id)! > minor) continue;
    ids.add(c.id);
    for (const o of c.overrides) overridden.add(o);
  }
  for (const o of overridden) ids.delete(o);
  set = ids;
  CHECKS_AT_CACHE.set(key, set);
  return set;
}
