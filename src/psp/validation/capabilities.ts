import type { FieldError } from '../../k8s/field-error';
import { goValue } from '../../k8s/field-error';
import { fieldError, type PspValidationRule } from './rule';

const ALLOW_ALL_CAPABILITIES = '*';

/**
 * `*` in allowedCapabilities with requiredDropCapabilities, then defaultAdd/allowed entries that are
 * also required drops. These paths have no `spec.` prefix in Kubernetes (field.NewPath(...) at the
 * root), reproduced verbatim.
 */
export const validateCapabilities: PspValidationRule = (psp, errs) => {
  const requiredDrops = psp.spec.requiredDropCapabilities;
  const allowed = psp.spec.allowedCapabilities;
  if (requiredDrops !== undefined && requiredDrops.length > 0 && allowed !== undefined && allowed.includes(ALLOW_ALL_CAPABILITIES)) {
    errs.push(
      fieldError.invalid(
        'requiredDropCapabilities',
        goValue.stringSlice('core.Capability', requiredDrops),
        'must be empty when all capabilities are allowed by a wildcard',
      ),
    );
  }
  validateCapsAgainstDrops(requiredDrops, psp.spec.defaultAddCapabilities, 'defaultAddCapabilities', errs);
  validateCapsAgainstDrops(requiredDrops, allowed, 'allowedCapabilities', errs);
};

/** validatePSPCapsAgainstDrops. */
function validateCapsAgainstDrops(
  requiredDrops: readonly string[] | undefined,
  caps: readonly string[] | undefined,
  field: string,
  errs: FieldError[],
): void {
  if (requiredDrops === undefined || caps === undefined) return;
  for (const cap of caps) {
    if (requiredDrops.includes(cap)) {
      errs.push(fieldError.invalid(field, goValue.string(cap), `capability is listed in ${field} and requiredDropCapabilities`));
    }
  }
}
