/**
 * Shared pieces of the ID-range strategies (runAsUser, runAsGroup, supplementalGroups, fsGroup):
 * rule compilation (§3.2 build failures) and group validation (§5.6,
 * pkg/security/podsecuritypolicy/group/{mustrunas,mayrunas,helpers}.go).
 */
import { goValue } from '../../k8s/field-error';
import type { GroupStrategyOptions, IDRange } from '../../k8s/types';
import { fieldError, formatRanges } from '../fields';
import { ProviderError } from '../types';
import type { PspViolation } from '../types';

export interface GroupRule {
  rule: 'MustRunAs' | 'MayRunAs';
  ranges: readonly IDRange[];
  /** Go `%v` of the ranges, rendered once. */
  rangesText: string;
}

/** The provider's own copy of a policy's ranges: a cached provider holds no object of the request it was compiled from. */
export function copyRanges(ranges: readonly IDRange[]): IDRange[] {
  return ranges.map((r) => ({ min: r.min, max: r.max }));
}

export function inRanges(id: number, ranges: readonly IDRange[]): boolean {
  for (const r of ranges) if (id >= r.min && id <= r.max) return true;
  return false;
}

/**
 * Compiles a group strategy. `undefined` = RunAsAny (nothing to do). MustRunAs/MayRunAs without
 * ranges and unknown rules fail provider construction (§3.2).
 */
export function compileGroupRule(field: string, opts: GroupStrategyOptions | undefined): GroupRule | undefined {
  const rule = opts?.rule;
  if (rule === 'RunAsAny') return undefined;
  if (rule === 'MustRunAs' || rule === 'MayRunAs') {
    const ranges = opts?.ranges ?? [];
    if (ranges.length === 0) throw new ProviderError(`${field}: ranges must be supplied for ${rule}`);
    return { rule, ranges: copyRanges(ranges), rangesText: formatRanges(ranges) };
  }
  throw new ProviderError(`${field}: Unrecognized ${field} strategy type ${rule ?? ''}`);
}

/**
 * group.Validate: MustRunAs rejects an empty list, then (both rules) one error per group outside
 * every range. The value is the whole list, Go-rendered (`[]int64{1}`, `[]int64{}`, `[]int64(nil)`).
 */
export function validateGroups(
  path: string,
  rule: GroupRule,
  groups: readonly number[] | undefined,
  errs: PspViolation[],
): void {
  if (rule.rule === 'MustRunAs' && (groups === undefined || groups.length === 0)) {
    errs.push(fieldError.invalid(path, goValue.int64Slice(groups), 'unable to validate empty groups against required ranges'));
  }
  if (groups === undefined) return;
  for (const g of groups) {
    if (!inRanges(g, rule.ranges)) {
      errs.push(fieldError.invalid(path, goValue.int64Slice(groups), `group ${g} must be in the ranges: ${rule.rangesText}`));
    }
  }
}
