/**
 * runAsGroup strategy (§4.2 step 2, §5.6). Absent from the policy = RunAsAny. Validated per
 * container on the effective value, reported at `<c>.securityContext` (no `.runAsGroup` suffix).
 */
import type { Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import type { PodDraft } from '../pod-draft';
import { effectiveRunAsGroup } from '../pod-draft';
import type { ContainerKind, PspStrategy, PspViolation } from '../types';
import type { GroupRule } from './id-ranges';
import { compileGroupRule, validateGroups } from './id-ranges';

export function compileRunAsGroupStrategy(psp: PodSecurityPolicy): GroupRule | undefined {
  if (psp.spec.runAsGroup === undefined) return undefined;
  return compileGroupRule('runAsGroup', psp.spec.runAsGroup);
}

export function applyRunAsGroupStrategy(rule: GroupRule, draft: PodDraft, kind: ContainerKind, index: number): void {
  if (rule.rule !== 'MustRunAs') return;
  if (effectiveRunAsGroup(draft.pod, draft.container(kind, index)) !== undefined) return;
  draft.writableContainerSecurityContext(kind, index).runAsGroup = rule.ranges[0]!.min;
}

export function validateRunAsGroup(rule: GroupRule, pod: PodTemplate, c: Container, path: string, errs: PspViolation[]): void {
  const gid = effectiveRunAsGroup(pod, c);
  validateGroups(`${path}.securityContext`, rule, gid === undefined ? undefined : [gid], errs);
}

export const RUN_AS_GROUP: PspStrategy<GroupRule> = {
  id: 'runAsGroup',
  compile: compileRunAsGroupStrategy,
  mutateContainer: applyRunAsGroupStrategy,
  validateContainer: validateRunAsGroup,
};
