/**
 * What a PodSecurityPolicy guarantees in Pod Security Standards terms.
 *
 * Model: the pods a PSP admits are the API-valid pods of the Kubernetes releases that served PSP
 * (≤ 1.24), after the PSP's own mutation and the API server's seccomp annotation → field sync
 * (what a later Pod Security Admission sees on the stored pod). Fields added after PSP was
 * removed (appArmorProfile, hostUsers, image volumes) are outside that set.
 *
 * - guaranteedLevel: restricted if no rule of a check restricted runs at the version is open,
 *   else baseline if no rule of a check baseline runs is open, else privileged.
 * - gaps: every open rule of a check that baseline or restricted runs at the version (so a PSP
 *   that guarantees nothing still learns what keeps it from baseline), in table order; `level`
 *   is the check's level, i.e. the lowest level the gap blocks.
 * - closestLevel: the most restrictive level L such that, for L and every level below it that has
 *   checks, the PSP closes at least half of the rules of that level's own checks applying at the
 *   version (ties go to the more restrictive level). It is never below guaranteedLevel.
 *   ("Fewest gaps" would always pick privileged, which has none.)
 */
import type { PodSecurityPolicy } from '../k8s/types';
import type { PssLevel } from '../pss';
import { listMutations } from './mutations';
import { viewPolicy } from './policy-view';
import { MIGRATION_RULES } from './rules';
import type { MigrationGap, MigrationGapLevel, MigrationRule, PolicyMigration } from './types';
import { checksAt, minorOf, resolveMinor } from './version';

const GAP_LEVELS: readonly MigrationGapLevel[] = ['baseline', 'restricted'];

/** Whether a rule applies at a level and (resolved) minor version. */
export function ruleApplies(rule: MigrationRule, level: MigrationGapLevel, minor: number): boolean {
  return minorOf(rule.since) <= minor && checksAt(level, minor).has(rule.check);
}

export function migratePolicy(psp: PodSecurityPolicy, version: string): PolicyMigration {
  const minor = resolveMinor(version);
  const view = viewPolicy(psp);
  const gaps: MigrationGap[] = [];
  // Own-level rule tallies for closestLevel.
  const total = { baseline: 0, restricted: 0 };
  const closed = { baseline: 0, restricted: 0 };
  const blocked = { baseline: false, restricted: false };

  for (const rule of MIGRATION_RULES) {
    const atBaseline = ruleApplies(rule, 'baseline', minor);
    const atRestricted = ruleApplies(rule, 'restricted', minor);
    if (!atBaseline && !atRestricted) continue;
    const isClosed = rule.closes(view, minor);
    // A rule of the check's own level that exists at the version counts for closestLevel, even
    // when restricted overrides the check (hostPathVolumes): baseline still runs it.
    total[rule.level]++;
    if (isClosed) {
      closed[rule.level]++;
      continue;
    }
    if (atBaseline) blocked.baseline = true;
    if (atRestricted) blocked.restricted = true;
    gaps.push({ field: rule.field, check: rule.check, level: rule.level, message: rule.gap(view, minor) });
  }

  const guaranteedLevel: PssLevel = blocked.baseline ? 'privileged' : blocked.restricted ? 'baseline' : 'restricted';
  let closestLevel: PssLevel = 'privileged';
  for (const level of GAP_LEVELS) {
    if (2 * closed[level] < total[level]) break;
    closestLevel = level;
  }
  return { policy: view.name, guaranteedLevel, closestLevel, gaps, mutations: listMutations(view) };
}
