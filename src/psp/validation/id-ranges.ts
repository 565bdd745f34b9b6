import type { FieldError } from '../../k8s/field-error';
import { goValue } from '../../k8s/field-error';
import type { IDRange } from '../../k8s/types';
import { fieldError } from './rule';

/** validateIDRanges: min/max non-negative, min <= max (all three can fire). */
export function validateIDRange(field: string, range: IDRange, errs: FieldError[]): void {
  if (range.min < 0) errs.push(fieldError.invalid(`${field}.min`, goValue.int(range.min), 'min cannot be negative'));
  if (range.max < 0) errs.push(fieldError.invalid(`${field}.max`, goValue.int(range.max), 'max cannot be negative'));
  if (range.min > range.max) errs.push(fieldError.invalid(`${field}.min`, goValue.int(range.min), 'min cannot be greater than max'));
}

export function validateIDRanges(field: string, ranges: readonly IDRange[] | undefined, errs: FieldError[]): void {
  if (ranges === undefined) return;
  for (let i = 0; i < ranges.length; i++) validateIDRange(`${field}[${i}]`, ranges[i]!, errs);
}

/** `%#v` of a []policy.IDRange: `[]policy.IDRange{policy.IDRange{Min:1, Max:2}}`, `(nil)` when absent. */
export function goIDRangeSlice(ranges: readonly IDRange[] | undefined): string {
  if (ranges === undefined) return '[]policy.IDRange(nil)';
  return `[]policy.IDRange{${ranges.map((r) => `policy.IDRange{Min:${r.min}, Max:${r.max}}`).join(', ')}}`;
}
