import type { FieldError } from '../../k8s/field-error';
import { supportedValuesDetail } from '../../k8s/field-error';
import type { PodSecurityPolicy } from '../../k8s/types';

/**
 * One validation rule of ValidatePodSecurityPolicy. Rules append to `errs` (no per-rule arrays) and
 * see the defaulted policy (allowPrivilegeEscalation omitted = true, §1.3).
 */
export type PspValidationRule = (psp: PodSecurityPolicy, errs: FieldError[]) => void;

/** Constructors mirroring field.Invalid / Required / ...; `value` is already Go-rendered (goValue). */
export const fieldError = {
  invalid: (field: string, value: string, detail: string): FieldError => ({ field, type: 'Invalid value', value, detail }),
  required: (field: string, detail = ''): FieldError => ({ field, type: 'Required value', detail }),
  forbidden: (field: string, detail: string): FieldError => ({ field, type: 'Forbidden', detail }),
  duplicate: (field: string, value: string): FieldError => ({ field, type: 'Duplicate value', value, detail: '' }),
  notSupported: (field: string, value: string, supported: readonly string[]): FieldError => ({
    field,
    type: 'Unsupported value',
    value,
    detail: supportedValuesDetail(supported),
  }),
  /** field.TooLong as of 1.21–1.24: "must have at most N bytes" (value never printed). */
  tooLong: (field: string, max: number): FieldError => ({ field, type: 'Too long', detail: `must have at most ${max} bytes` }),
};
