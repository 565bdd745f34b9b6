import { goQuote, goValue } from '../../k8s/field-error';
import { annotationPath, PSP_ANNOTATION } from './annotation-keys';
import { fieldError, type PspValidationRule } from './rule';

const APPARMOR_RUNTIME_DEFAULT = 'runtime/default';
const APPARMOR_UNCONFINED = 'unconfined';
const APPARMOR_LOCALHOST_PREFIX = 'localhost/';

/** apparmor.ValidateProfileFormat: the error text, or undefined when the profile is acceptable. */
function appArmorProfileFormatError(profile: string): string | undefined {
  if (profile === '' || profile === APPARMOR_RUNTIME_DEFAULT || profile === APPARMOR_UNCONFINED) return undefined;
  if (!profile.startsWith(APPARMOR_LOCALHOST_PREFIX)) return `invalid AppArmor profile name: ${goQuote(profile)}`;
  return undefined;
}

/**
 * AppArmor default profile and allow-list (ValidatePodSecurityPolicySpecificAnnotations). The
 * allow-list error reports the whole list as the value, once per bad entry; entries are not trimmed.
 */
export const validateAppArmorAnnotations: PspValidationRule = (psp, errs) => {
  const annotations = psp.metadata?.annotations;
  if (annotations === undefined) return;
  const defaultProfile = annotations[PSP_ANNOTATION.appArmorDefault] ?? '';
  if (defaultProfile !== '') {
    const msg = appArmorProfileFormatError(defaultProfile);
    if (msg !== undefined) {
      errs.push(fieldError.invalid(annotationPath(PSP_ANNOTATION.appArmorDefault), goValue.string(defaultProfile), msg));
    }
  }
  const allowed = annotations[PSP_ANNOTATION.appArmorAllowed] ?? '';
  if (allowed !== '') {
    for (const profile of allowed.split(',')) {
      const msg = appArmorProfileFormatError(profile);
      if (msg !== undefined) {
        errs.push(fieldError.invalid(annotationPath(PSP_ANNOTATION.appArmorAllowed), goValue.string(allowed), msg));
      }
    }
  }
};
