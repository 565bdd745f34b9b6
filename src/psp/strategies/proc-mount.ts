/** procMount check (§5.11): effective value (unset = Default) must be allowed; none listed = {Default}. */
import { goValue } from '../../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError } from '../fields';
import type { PspStrategy, PspViolation } from '../types';

const DEFAULT_PROC_MOUNT = 'Default';
const DEFAULT_ALLOWED: ReadonlySet<string> = new Set([DEFAULT_PROC_MOUNT]);

export function compileProcMountCheck(psp: PodSecurityPolicy): ReadonlySet<string> {
  const allowed = psp.spec.allowedProcMountTypes ?? [];
  return allowed.length === 0 ? DEFAULT_ALLOWED : new Set(allowed);
}

export function validateProcMount(allowed: ReadonlySet<string>, _pod: PodTemplate, c: Container, path: string, errs: PspViolation[]): void {
  const procMount = c.securityContext?.procMount ?? DEFAULT_PROC_MOUNT;
  if (!allowed.has(procMount)) {
    errs.push(fieldError.invalid(`${path}.securityContext.procMount`, goValue.string(procMount), 'ProcMountType is not allowed'));
  }
}

export const PROC_MOUNT: PspStrategy<ReadonlySet<string>> = {
  id: 'procMount',
  compile: compileProcMountCheck,
  validateContainer: validateProcMount,
};
