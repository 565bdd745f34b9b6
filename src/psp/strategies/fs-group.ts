/** fsGroup strategy (§4.1 step 2, §5.6). Checked at pod level only. */
import type { PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { PATH } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { PspStrategy, PspViolation } from '../types';
import type { GroupRule } from './id-ranges';
import { compileGroupRule, validateGroups } from './id-ranges';

export function compileFsGroupStrategy(psp: PodSecurityPolicy): GroupRule | undefined {
  return compileGroupRule('fsGroup', psp.spec.fsGroup);
}

export function applyFsGroupStrategy(rule: GroupRule, draft: PodDraft): void {
  if (rule.rule !== 'MustRunAs' || draft.podSecurityContext()?.fsGroup !== undefined) return;
  draft.writablePodSecurityContext().fsGroup = rule.ranges[0]!.min;
}

export function validateFsGroup(rule: GroupRule, pod: PodTemplate, errs: PspViolation[]): void {
  const fsGroup = pod.spec.securityContext?.fsGroup;
  validateGroups(PATH.fsGroup, rule, fsGroup === undefined ? undefined : [fsGroup], errs);
}

export const FS_GROUP: PspStrategy<GroupRule> = {
  id: 'fsGroup',
  compile: compileFsGroupStrategy,
  mutatePod: applyFsGroupStrategy,
  validatePod: validateFsGroup,
};
