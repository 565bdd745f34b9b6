/**
 * runtimeClass (§4.1 step 5, §5.16): only when the policy has a runtimeClass block. An unset name
 * gets the default (a mutation, §10.2) and is always allowed; the error has no detail.
 */
import { goValue } from '../../k8s/field-error';
import type { PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError, PATH } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { PspStrategy, PspViolation } from '../types';

export interface RuntimeClassPolicy {
  allowAll: boolean;
  allowed: ReadonlySet<string>;
  defaultName: string | undefined;
}

export function compileRuntimeClassStrategy(psp: PodSecurityPolicy): RuntimeClassPolicy | undefined {
  const rc = psp.spec.runtimeClass;
  if (rc === undefined) return undefined;
  const allowed = new Set(rc.allowedRuntimeClassNames ?? []);
  return { allowAll: allowed.has('*'), allowed, defaultName: rc.defaultRuntimeClassName };
}

export function applyRuntimeClassStrategy(s: RuntimeClassPolicy, draft: PodDraft): void {
  if (draft.pod.spec.runtimeClassName === undefined && s.defaultName !== undefined) draft.setRuntimeClassName(s.defaultName);
}

export function validateRuntimeClass(s: RuntimeClassPolicy, pod: PodTemplate, errs: PspViolation[]): void {
  const name = pod.spec.runtimeClassName;
  if (name === undefined || s.allowAll || s.allowed.has(name)) return;
  errs.push(fieldError.invalid(PATH.runtimeClassName, goValue.string(name), ''));
}

export const RUNTIME_CLASS: PspStrategy<RuntimeClassPolicy> = {
  id: 'runtimeClass',
  compile: compileRuntimeClassStrategy,
  mutatePod: applyRuntimeClassStrategy,
  validatePod: validateRuntimeClass,
};
