/**
 * PodSecurityPolicy object validation: policy/validation ValidatePodSecurityPolicy (1.21–1.24),
 * spec §1.4. Rules run in the apiserver's order (verified against
 * pkg/apis/policy/validation/validation.go): ObjectMeta, PSP annotations (AppArmor then seccomp),
 * then the spec checks in ValidatePodSecurityPolicySpec order. The policy is validated as
 * defaulted (allowPrivilegeEscalation omitted = true); the input is never modified.
 */
import type { FieldError } from '../../k8s/field-error';
import type { PodSecurityPolicy } from '../../k8s/types';
import { freshPolicyEntry, ownContent } from '../content-cache';
import { validateAppArmorAnnotations } from './apparmor-annotations';
import { validateCapabilities } from './capabilities';
import { validateAllowedCSIDrivers } from './csi-drivers';
import { validateAllowedFlexVolumes } from './flex-volumes';
import { validateFSGroup, validateSupplementalGroups } from './group-strategies';
import { validateAllowedHostPaths } from './host-paths';
import { validateMetadata } from './metadata';
import { validateDefaultAllowPrivilegeEscalation } from './privilege-escalation';
import { validateAllowedProcMountTypes } from './proc-mount';
import type { PspValidationRule } from './rule';
import { validateRunAsGroup } from './run-as-group';
import { validateRunAsUser } from './run-as-user';
import { validateRuntimeClass } from './runtime-class';
import { validateSeccompAnnotations } from './seccomp-annotations';
import { validateSELinux } from './selinux';
import { validateAllowedUnsafeSysctls, validateForbiddenSysctls, validateSysctlListsDoNotOverlap } from './sysctls';
import { validateVolumes } from './volumes';

export type { PspValidationRule } from './rule';
export { PSP_VOLUME_TYPES } from './volumes';

/** Every rule with a stable ID, in apiserver order. Adding a rule = one file + one row. */
export const PSP_VALIDATION_RULES: ReadonlyArray<{ readonly id: string; readonly validate: PspValidationRule }> = [
  { id: 'metadata', validate: validateMetadata },
  { id: 'annotations.apparmor', validate: validateAppArmorAnnotations },
  { id: 'annotations.seccomp', validate: validateSeccompAnnotations },
  { id: 'runAsUser', validate: validateRunAsUser },
  { id: 'runAsGroup', validate: validateRunAsGroup },
  { id: 'seLinux', validate: validateSELinux },
  { id: 'supplementalGroups', validate: validateSupplementalGroups },
  { id: 'fsGroup', validate: validateFSGroup },
  { id: 'volumes', validate: validateVolumes },
  { id: 'capabilities', validate: validateCapabilities },
  { id: 'defaultAllowPrivilegeEscalation', validate: validateDefaultAllowPrivilegeEscalation },
  { id: 'allowedProcMountTypes', validate: validateAllowedProcMountTypes },
  { id: 'allowedHostPaths', validate: validateAllowedHostPaths },
  { id: 'allowedFlexVolumes', validate: validateAllowedFlexVolumes },
  { id: 'allowedCSIDrivers', validate: validateAllowedCSIDrivers },
  { id: 'allowedUnsafeSysctls', validate: validateAllowedUnsafeSysctls },
  { id: 'forbiddenSysctls', validate: validateForbiddenSysctls },
  { id: 'sysctlOverlap', validate: validateSysctlListsDoNotOverlap },
  { id: 'runtimeClass', validate: validateRuntimeClass },
];

/**
 * All field errors of ValidatePodSecurityPolicy, in apiserver order; empty when the policy is
 * valid. Computed once per policy content (content-cache.ts: validation is a pure function of the
 * policy's metadata and spec, and the same policies come back request after request); the cached
 * errors are never handed out, each call gets fresh error objects.
 */
export function validatePodSecurityPolicy(psp: PodSecurityPolicy): FieldError[] {
  // Looked up afresh, not by object: callers may validate an object, change it and validate again.
  const entry = freshPolicyEntry(psp);
  // From the entry's own copy of the content, so the errors it keeps hold none of the request's strings.
  const errs = (entry.errors ??= runValidationRules(ownContent(entry)));
  return errs.length === 0 ? [] : errs.map(copyFieldError);
}

function runValidationRules(psp: PodSecurityPolicy): FieldError[] {
  const errs: FieldError[] = [];
  for (const rule of PSP_VALIDATION_RULES) rule.validate(psp, errs);
  return errs;
}

function copyFieldError(e: FieldError): FieldError {
  return { ...e };
}
