import { goValue } from '../../k8s/field-error';
import { fieldError, type PspValidationRule } from './rule';
import { isOneOf, SELINUX_RULES } from './strategy-rules';

/** validatePSPSELinux: only the rule is checked; seLinuxOptions are not required for MustRunAs. */
export const validateSELinux: PspValidationRule = (psp, errs) => {
  const rule = psp.spec.seLinux?.rule ?? '';
  if (!isOneOf(SELINUX_RULES, rule)) {
    errs.push(fieldError.notSupported('spec.seLinux.rule', goValue.string(rule), SELINUX_RULES));
  }
};
