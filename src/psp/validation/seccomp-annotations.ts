import type { FieldError } from '../../k8s/field-error';
import { goValue } from '../../k8s/field-error';
import { annotationPath, PSP_ANNOTATION } from './annotation-keys';
import { fieldError, type PspValidationRule } from './rule';

/** Profiles ValidateSeccompProfile accepts as-is (1.19+: runtime/default next to docker/default). */
const SECCOMP_FIXED_PROFILES: ReadonlySet<string> = new Set(['runtime/default', 'docker/default', 'unconfined']);
const SECCOMP_LOCALHOST_PREFIX = 'localhost/';
const SECCOMP_ALLOW_ANY = '*';

/**
 * apivalidation.ValidateSeccompProfile. For `localhost/<path>` the reported value is the path
 * without the prefix (validateLocalDescendingPath), and both errors can occur.
 */
function validateSeccompProfile(profile: string, field: string, errs: FieldError[]): void {
  if (SECCOMP_FIXED_PROFILES.has(profile)) return;
  if (profile.startsWith(SECCOMP_LOCALHOST_PREFIX)) {
    const target = profile.slice(SECCOMP_LOCALHOST_PREFIX.length);
    if (target.startsWith('/')) errs.push(fieldError.invalid(field, goValue.string(target), 'must be a relative path'));
    if (target.split('/').includes('..')) errs.push(fieldError.invalid(field, goValue.string(target), "must not contain '..'"));
    return;
  }
  errs.push(fieldError.invalid(field, goValue.string(profile), 'must be a valid seccomp profile'));
}

/** Seccomp default profile and allow-list; allow-list entries are split on ',' without trimming. */
export const validateSeccompAnnotations: PspValidationRule = (psp, errs) => {
  const annotations = psp.metadata?.annotations;
  if (annotations === undefined) return;
  const defaultProfile = annotations[PSP_ANNOTATION.seccompDefault] ?? '';
  if (defaultProfile !== '') validateSeccompProfile(defaultProfile, annotationPath(PSP_ANNOTATION.seccompDefault), errs);
  const allowed = annotations[PSP_ANNOTATION.seccompAllowed] ?? '';
  if (allowed !== '') {
    const field = annotationPath(PSP_ANNOTATION.seccompAllowed);
    for (const profile of allowed.split(',')) {
      if (profile !== SECCOMP_ALLOW_ANY) validateSeccompProfile(profile, field, errs);
    }
  }
};
