/**
 * allowPrivilegeEscalation (§4.2 step 8, §5.9). The policy is already defaulted (§1.3:
 * absent allowPrivilegeEscalation = true).
 */
import { goValue } from '../../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { ContainerKind, PspStrategy, PspViolation } from '../types';

export interface PrivilegeEscalationPolicy {
  allowed: boolean;
  defaultValue: boolean | undefined;
}

export function compileAllowPrivilegeEscalation(psp: PodSecurityPolicy): PrivilegeEscalationPolicy | undefined {
  const allowed = psp.spec.allowPrivilegeEscalation !== false;
  const defaultValue = psp.spec.defaultAllowPrivilegeEscalation;
  return allowed && defaultValue === undefined ? undefined : { allowed, defaultValue };
}

export function applyAllowPrivilegeEscalation(s: PrivilegeEscalationPolicy, draft: PodDraft, kind: ContainerKind, index: number): void {
  if (draft.container(kind, index).securityContext?.allowPrivilegeEscalation !== undefined) return;
  const value = s.defaultValue ?? (s.allowed ? undefined : false);
  if (value !== undefined) draft.writableContainerSecurityContext(kind, index).allowPrivilegeEscalation = value;
}

export function validateAllowPrivilegeEscalation(
  s: PrivilegeEscalationPolicy,
  _pod: PodTemplate,
  c: Container,
  path: string,
  errs: PspViolation[],
): void {
  if (s.allowed) return;
  const v = c.securityContext?.allowPrivilegeEscalation;
  if (v === false) return;
  errs.push(
    fieldError.invalid(
      `${path}.securityContext.allowPrivilegeEscalation`,
      v === undefined ? goValue.nil() : goValue.bool(v),
      'Allowing privilege escalation for containers is not allowed',
    ),
  );
}

export const ALLOW_PRIVILEGE_ESCALATION: PspStrategy<PrivilegeEscalationPolicy> = {
  id: 'allowPrivilegeEscalation',
  compile: compileAllowPrivilegeEscalation,
  mutateContainer: applyAllowPrivilegeEscalation,
  validateContainer: validateAllowPrivilegeEscalation,
};
