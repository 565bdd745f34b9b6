import { goValue } from '../../k8s/field-error';
import { fieldError, type PspValidationRule } from './rule';

/**
 * validatePSPAllowedHostPaths: an empty prefix is Required and stops the whole check (Go `break`);
 * a `..` segment is rejected once per entry. Relative prefixes are accepted.
 */
export const validateAllowedHostPaths: PspValidationRule = (psp, errs) => {
  const paths = psp.spec.allowedHostPaths;
  if (paths === undefined) return;
  for (let i = 0; i < paths.length; i++) {
    const prefix = paths[i]!.pathPrefix ?? '';
    if (prefix === '') {
      errs.push(fieldError.required(`spec.allowedHostPaths[${i}]`, 'is required'));
      break;
    }
    if (prefix.split('/').includes('..')) {
      errs.push(fieldError.invalid(`spec.allowedHostPaths[${i}]`, goValue.string(prefix), "must not contain '..'"));
    }
  }
};
