import { fieldError, type PspValidationRule } from './rule';

/** validatePSPAllowedFlexVolumes; the doubled `allowedFlexVolumes` segment is Kubernetes' own path. */
export const validateAllowedFlexVolumes: PspValidationRule = (psp, errs) => {
  const drivers = psp.spec.allowedFlexVolumes;
  if (drivers === undefined) return;
  for (let i = 0; i < drivers.length; i++) {
    if ((drivers[i]!.driver ?? '') === '') {
      errs.push(fieldError.required(`spec.allowedFlexVolumes.allowedFlexVolumes[${i}].driver`, 'must specify a driver'));
    }
  }
};
