/**
 * supplementalGroups strategy (§4.1 step 1, §5.6). Only an absent list is defaulted: an explicit
 * `[]` is kept and then fails MustRunAs (§10.12).
 */
import type { PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { PATH } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { PspStrategy, PspViolation } from '../types';
import type { GroupRule } from './id-ranges';
import { compileGroupRule, validateGroups } from './id-ranges';

export function compileSupplementalGroupsStrategy(psp: PodSecurityPolicy): GroupRule | undefined {
  return compileGroupRule('supplementalGroups', psp.spec.supplementalGroups);
}

export function applySupplementalGroupsStrategy(rule: GroupRule, draft: PodDraft): void {
  if (rule.rule !== 'MustRunAs' || draft.podSecurityContext()?.supplementalGroups !== undefined) return;
  draft.writablePodSecurityContext().supplementalGroups = [rule.ranges[0]!.min];
}

export function validateSupplementalGroups(rule: GroupRule, pod: PodTemplate, errs: PspViolation[]): void {
  validateGroups(PATH.supplementalGroups, rule, pod.spec.securityContext?.supplementalGroups, errs);
}

export const SUPPLEMENTAL_GROUPS: PspStrategy<GroupRule> = {
  id: 'supplementalGroups',
  compile: compileSupplementalGroupsStrategy,
  mutatePod: applySupplementalGroupsStrategy,
  validatePod: validateSupplementalGroups,
};
