import { goQuote, goValue } from '../../k8s/field-error';
import { nameIsDNSSubdomain } from './names';
import { fieldError, type PspValidationRule } from './rule';

const ALLOW_ALL_RUNTIME_CLASS_NAMES = '*';
const ALLOWED_FIELD = 'spec.runtimeClass.allowedRuntimeClassNames';
const DEFAULT_FIELD = 'spec.runtimeClass.defaultRuntimeClassName';

/** validateRuntimeClassStrategy (only when spec.runtimeClass is present). */
export const validateRuntimeClass: PspValidationRule = (psp, errs) => {
  const rc = psp.spec.runtimeClass;
  if (rc === undefined) return;
  const names = rc.allowedRuntimeClassNames ?? [];
  const seen = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name !== ALLOW_ALL_RUNTIME_CLASS_NAMES) {
      for (const msg of nameIsDNSSubdomain(name, false)) errs.push(fieldError.invalid(`${ALLOWED_FIELD}[${i}]`, goValue.string(name), msg));
    }
    if (seen.has(name)) errs.push(fieldError.duplicate(`${ALLOWED_FIELD}[${i}]`, goValue.string(name)));
    seen.add(name);
  }
  const defaultName = rc.defaultRuntimeClassName;
  if (defaultName !== undefined) {
    for (const msg of nameIsDNSSubdomain(defaultName, false)) errs.push(fieldError.invalid(DEFAULT_FIELD, goValue.string(defaultName), msg));
    if (!seen.has(defaultName) && !seen.has(ALLOW_ALL_RUNTIME_CLASS_NAMES)) {
      errs.push(fieldError.required(ALLOWED_FIELD, `default ${goQuote(defaultName)} must be allowed`));
    }
  }
  if (seen.has(ALLOW_ALL_RUNTIME_CLASS_NAMES) && names.length > 1) {
    errs.push(
      fieldError.invalid(ALLOWED_FIELD, goValue.stringSlice('string', names), "if '*' is present, must not specify other RuntimeClass names"),
    );
  }
};
