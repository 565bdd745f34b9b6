import { goValue } from '../../k8s/field-error';
import { byteLength, isDNS1123Subdomain } from './names';
import { fieldError, type PspValidationRule } from './rule';

const CSI_DRIVER_NAME_MAX = 63;

/**
 * validatePSPAllowedCSIDrivers via ValidateCSIDriverName (1.18+): Required when empty, Too long over
 * 63 bytes, and DNS-1123 subdomain errors on the lower-cased name; these are not exclusive, so an
 * empty name yields both Required and Invalid. Path segment `allowedCSIDriver` (singular) is verbatim.
 */
export const validateAllowedCSIDrivers: PspValidationRule = (psp, errs) => {
  const drivers = psp.spec.allowedCSIDrivers;
  if (drivers === undefined) return;
  for (let i = 0; i < drivers.length; i++) {
    const field = `spec.allowedCSIDrivers.allowedCSIDriver[${i}].name`;
    const name = drivers[i]!.name ?? '';
    if (name.length === 0) errs.push(fieldError.required(field));
    if (byteLength(name) > CSI_DRIVER_NAME_MAX) errs.push(fieldError.tooLong(field, CSI_DRIVER_NAME_MAX));
    for (const msg of isDNS1123Subdomain(name.toLowerCase())) errs.push(fieldError.invalid(field, goValue.string(name), msg));
  }
};
