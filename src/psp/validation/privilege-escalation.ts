import { goValue } from '../../k8s/field-error';
import { fieldError, type PspValidationRule } from './rule';

/** validatePSPDefaultAllowPrivilegeEscalation; allowPrivilegeEscalation defaults to true (§1.3). */
export const validateDefaultAllowPrivilegeEscalation: PspValidationRule = (psp, errs) => {
  const allow = psp.spec.allowPrivilegeEscalation ?? true;
  if (psp.spec.defaultAllowPrivilegeEscalation === true && !allow) {
    errs.push(
      fieldError.invalid(
        'spec.defaultAllowPrivilegeEscalation',
        goValue.bool(true),
        'Cannot set DefaultAllowPrivilegeEscalation to true without also setting AllowPrivilegeEscalation to true',
      ),
    );
  }
};
