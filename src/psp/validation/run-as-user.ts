import { goValue } from '../../k8s/field-error';
import { validateIDRanges } from './id-ranges';
import { fieldError, type PspValidationRule } from './rule';
import { isOneOf, RUN_AS_USER_RULES } from './strategy-rules';

/** validatePSPRunAsUser: rule must be known; ranges are range-checked but not required (§1.4). */
export const validateRunAsUser: PspValidationRule = (psp, errs) => {
  const rule = psp.spec.runAsUser?.rule ?? '';
  if (!isOneOf(RUN_AS_USER_RULES, rule)) {
    errs.push(fieldError.notSupported('spec.runAsUser.rule', goValue.string(rule), RUN_AS_USER_RULES));
  }
  validateIDRanges('spec.runAsUser.ranges', psp.spec.runAsUser?.ranges, errs);
};
