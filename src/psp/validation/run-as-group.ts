import { goValue } from '../../k8s/field-error';
import { goIDRangeSlice, validateIDRanges } from './id-ranges';
import { fieldError, type PspValidationRule } from './rule';
import { RUN_AS_GROUP_RULES } from './strategy-rules';

/**
 * validatePSPRunAsGroup (only when spec.runAsGroup is present): unlike the other group
 * strategies, ranges are required for MustRunAs/MayRunAs and forbidden for RunAsAny.
 */
export const validateRunAsGroup: PspValidationRule = (psp, errs) => {
  const runAsGroup = psp.spec.runAsGroup;
  if (runAsGroup === undefined) return;
  const rule = runAsGroup.rule ?? '';
  const ranges = runAsGroup.ranges;
  switch (rule) {
    case 'RunAsAny':
      if (ranges !== undefined && ranges.length > 0) {
        errs.push(fieldError.invalid('spec.runAsGroup.ranges', goIDRangeSlice(ranges), 'Ranges must be empty'));
      }
      return;
    case 'MustRunAs':
    case 'MayRunAs':
      if (ranges === undefined || ranges.length === 0) {
        errs.push(fieldError.invalid('spec.runAsGroup.ranges', goIDRangeSlice(ranges), 'must provide at least one range'));
      }
      validateIDRanges('spec.runAsGroup.ranges', ranges, errs);
      return;
    default:
      errs.push(fieldError.notSupported('spec.runAsGroup.rule', goValue.string(rule), RUN_AS_GROUP_RULES));
  }
};
