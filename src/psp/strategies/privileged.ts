/** privileged check (§5.2): the container-level field only; unset or false always passes. */
import { goValue } from '../../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../../k8s/types';
import { fieldError } from '../fields';
import type { PspStrategy, PspViolation } from '../types';

export function compilePrivilegedCheck(psp: PodSecurityPolicy): true | undefined {
  return psp.spec.privileged === true ? undefined : true;
}

export function validatePrivileged(_: true, _pod: PodTemplate, c: Container, path: string, errs: PspViolation[]): void {
  if (c.securityContext?.privileged === true) {
    errs.push(fieldError.invalid(`${path}.securityContext.privileged`, goValue.bool(true), 'Privileged containers are not allowed'));
  }
}

export const PRIVILEGED: PspStrategy<true> = {
  id: 'privileged',
  compile: compilePrivilegedCheck,
  validateContainer: validatePrivileged,
};
