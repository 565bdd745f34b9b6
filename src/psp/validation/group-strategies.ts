import { goValue } from '../../k8s/field-error';
import type { GroupStrategyOptions } from '../../k8s/types';
import type { FieldError } from '../../k8s/field-error';
import { validateIDRanges } from './id-ranges';
import { fieldError, type PspValidationRule } from './rule';
import { GROUP_RULES, isOneOf } from './strategy-rules';

/** validatePSPSupplementalGroup / validatePSPFSGroup: same shape, ranges not required. */
function validateGroupStrategy(field: string, options: GroupStrategyOptions | undefined, errs: FieldError[]): void {
  const rule = options?.rule ?? '';
  if (!isOneOf(GROUP_RULES, rule)) errs.push(fieldError.notSupported(`${field}.rule`, goValue.string(rule), GROUP_RULES));
  validateIDRanges(`${field}.ranges`, options?.ranges, errs);
}

export const validateSupplementalGroups: PspValidationRule = (psp, errs) =>
  validateGroupStrategy('spec.supplementalGroups', psp.spec.supplementalGroups, errs);

export const validateFSGroup: PspValidationRule = (psp, errs) => validateGroupStrategy('spec.fsGroup', psp.spec.fsGroup, errs);
