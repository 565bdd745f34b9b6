/**
 * runAsUser strategy (§4.2 steps 1 and 5, §5.5; pkg/security/podsecuritypolicy/user/*.go).
 * Checked per container only, on effective values; the pod-level value alone is never checked.
 */
import { goValue } from '../../k8s/field-error';
import type { Container, IDRange, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError, formatRanges } from '../fields';
import type { PodDraft } from '../pod-draft';
import { effectiveRunAsNonRoot, effectiveRunAsUser } from '../pod-draft';
import type { ContainerKind, PspStrategy, PspViolation } from '../types';
import { ProviderError } from '../types';
import { copyRanges, inRanges } from './id-ranges';

export type RunAsUserRule =
  | { rule: 'MustRunAs'; ranges: readonly IDRange[]; rangesText: string }
  | { rule: 'MustRunAsNonRoot' };

export function compileRunAsUserStrategy(psp: PodSecurityPolicy): RunAsUserRule | undefined {
  const opts = psp.spec.runAsUser;
  switch (opts?.rule) {
    case 'RunAsAny':
      return undefined;
    case 'MustRunAsNonRoot':
      return { rule: 'MustRunAsNonRoot' };
    case 'MustRunAs': {
      const ranges = opts.ranges ?? [];
      if (ranges.length === 0) throw new ProviderError('runAsUser: MustRunAs requires at least one range');
      return { rule: 'MustRunAs', ranges: copyRanges(ranges), rangesText: formatRanges(ranges) };
    }
    default:
      throw new ProviderError(`runAsUser: Unrecognized RunAsUser strategy type ${opts?.rule ?? ''}`);
  }
}

/** §4.2 step 1: MustRunAs gives an unset (effective) runAsUser the first range's min. */
export function applyRunAsUserStrategy(rule: RunAsUserRule, draft: PodDraft, kind: ContainerKind, index: number): void {
  if (rule.rule !== 'MustRunAs') return;
  if (effectiveRunAsUser(draft.pod, draft.container(kind, index)) !== undefined) return;
  draft.writableContainerSecurityContext(kind, index).runAsUser = rule.ranges[0]!.min;
}

/**
 * §4.2 step 5: MustRunAsNonRoot marks a container that sets neither runAsNonRoot nor runAsUser
 * (effectively) with runAsNonRoot: true; the kubelet then checks the image user.
 */
export function applyRunAsNonRootMarker(rule: RunAsUserRule, draft: PodDraft, kind: ContainerKind, index: number): void {
  if (rule.rule !== 'MustRunAsNonRoot') return;
  const c = draft.container(kind, index);
  if (effectiveRunAsNonRoot(draft.pod, c) !== undefined || effectiveRunAsUser(draft.pod, c) !== undefined) return;
  draft.writableContainerSecurityContext(kind, index).runAsNonRoot = true;
}

export function validateRunAsUser(rule: RunAsUserRule, pod: PodTemplate, c: Container, path: string, errs: PspViolation[]): void {
  const scPath = `${path}.securityContext`;
  const uid = effectiveRunAsUser(pod, c);
  if (rule.rule === 'MustRunAs') {
    if (uid === undefined) errs.push(fieldError.required(`${scPath}.runAsUser`));
    else if (!inRanges(uid, rule.ranges)) {
      errs.push(fieldError.invalid(`${scPath}.runAsUser`, goValue.int(uid), `must be in the ranges: ${rule.rangesText}`));
    }
    return;
  }
  // MustRunAsNonRoot: only the first failing rule is reported (user/nonroot.go).
  const nonRoot = effectiveRunAsNonRoot(pod, c);
  if (nonRoot === undefined && uid === undefined) {
    errs.push(fieldError.required(`${scPath}.runAsNonRoot`, 'must be true'));
  } else if (nonRoot === false) {
    errs.push(fieldError.invalid(`${scPath}.runAsNonRoot`, goValue.bool(false), 'must be true'));
  } else if (uid === 0) {
    errs.push(fieldError.invalid(`${scPath}.runAsUser`, goValue.int(0), 'running with the root UID is forbidden'));
  }
}

export const RUN_AS_USER: PspStrategy<RunAsUserRule> = {
  id: 'runAsUser',
  compile: compileRunAsUserStrategy,
  mutateContainer: applyRunAsUserStrategy,
  validateContainer: validateRunAsUser,
};

/** The MustRunAsNonRoot marker runs later in the container mutation order (§4.2 step 5). */
export const RUN_AS_NON_ROOT_MARKER: PspStrategy<RunAsUserRule> = {
  id: 'runAsNonRoot',
  compile: compileRunAsUserStrategy,
  mutateContainer: applyRunAsNonRootMarker,
};
