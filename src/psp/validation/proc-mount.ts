import { goValue } from '../../k8s/field-error';
import { fieldError, type PspValidationRule } from './rule';

const PROC_MOUNT_TYPES = ['Default', 'Unmasked'] as const;

/** validatePSPAllowedProcMountTypes via ValidateProcMountType. */
export const validateAllowedProcMountTypes: PspValidationRule = (psp, errs) => {
  const types = psp.spec.allowedProcMountTypes;
  if (types === undefined) return;
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    if (!(PROC_MOUNT_TYPES as readonly string[]).includes(t)) {
      errs.push(fieldError.notSupported(`spec.allowedProcMountTypes[${i}]`, goValue.string(t), PROC_MOUNT_TYPES));
    }
  }
};
