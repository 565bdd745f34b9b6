import type { FieldError } from '../../k8s/field-error';
import { goValue } from '../../k8s/field-error';
import { byteLength } from './names';
import { fieldError, type PspValidationRule } from './rule';

/** core validation SysctlSegmentFmt and policy validation SysctlPatternFmt (no `/` separators). */
const SYSCTL_SEGMENT_FMT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_PATTERN_FMT = `(${SYSCTL_SEGMENT_FMT}\\.)*([a-z0-9][-_a-z0-9]*)?[a-z0-9*]`;
const SYSCTL_PATTERN_RE = new RegExp(`^${SYSCTL_PATTERN_FMT}$`);
const SYSCTL_MAX_LENGTH = 253;
const SYSCTL_PATTERN_DETAIL = `must have at most ${SYSCTL_MAX_LENGTH} characters and match regex ${SYSCTL_PATTERN_FMT}`;

function isValidSysctlPattern(name: string): boolean {
  return byteLength(name) <= SYSCTL_MAX_LENGTH && SYSCTL_PATTERN_RE.test(name);
}

/** validatePodSecurityPolicySysctls for one list. */
function validateSysctlList(field: string, sysctls: readonly string[] | undefined, errs: FieldError[]): void {
  if (sysctls === undefined || sysctls.length === 0) return;
  let coversAll = false;
  for (let i = 0; i < sysctls.length; i++) {
    const s = sysctls[i]!;
    if (s.length === 0) errs.push(fieldError.invalid(`${field}[${i}]`, goValue.string(s), 'empty sysctl not allowed'));
    else if (!isValidSysctlPattern(s)) errs.push(fieldError.invalid(`${field}[${i}]`, goValue.string(s), SYSCTL_PATTERN_DETAIL));
    else if (s[0] === '*') coversAll = true;
  }
  if (coversAll && sysctls.length > 1) {
    errs.push(fieldError.forbidden(`${field}.items`, "if '*' is present, must not specify other sysctls"));
  }
}

export const validateAllowedUnsafeSysctls: PspValidationRule = (psp, errs) =>
  validateSysctlList('spec.allowedUnsafeSysctls', psp.spec.allowedUnsafeSysctls, errs);

export const validateForbiddenSysctls: PspValidationRule = (psp, errs) =>
  validateSysctlList('spec.forbiddenSysctls', psp.spec.forbiddenSysctls, errs);

/**
 * validatePodSecurityPolicySysctlListsDoNotOverlap: for every (allowed, forbidden) pair, the entry
 * covered by the other one's `*` pattern is reported; exact duplicates on the allowed entry.
 */
export const validateSysctlListsDoNotOverlap: PspValidationRule = (psp, errs) => {
  const allowed = psp.spec.allowedUnsafeSysctls;
  const forbidden = psp.spec.forbiddenSysctls;
  if (allowed === undefined || forbidden === undefined) return;
  for (let i = 0; i < allowed.length; i++) {
    const a = allowed[i]!;
    const aIsPattern = a.endsWith('*');
    const aPrefix = aIsPattern ? a.slice(0, -1) : '';
    for (let j = 0; j < forbidden.length; j++) {
      const f = forbidden[j]!;
      const fIsPattern = f.endsWith('*');
      const fPrefix = fIsPattern ? f.slice(0, -1) : '';
      const onAllowed = () => errs.push(fieldError.invalid(`spec.allowedUnsafeSysctls[${i}]`, goValue.string(a), `sysctl overlaps with ${f}`));
      const onForbidden = () => errs.push(fieldError.invalid(`spec.forbiddenSysctls[${j}]`, goValue.string(f), `sysctl overlaps with ${a}`));
      if (aIsPattern && fIsPattern) {
        if (aPrefix.startsWith(fPrefix)) onAllowed();
        else if (fPrefix.startsWith(aPrefix)) onForbidden();
      } else if (aIsPattern) {
        if (f.startsWith(aPrefix)) onForbidden();
      } else if (fIsPattern) {
        if (a.startsWith(fPrefix)) onAllowed();
      } else if (a === f) {
        onAllowed();
      }
    }
  }
};
