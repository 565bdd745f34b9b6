import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, isWindowsPod, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

/**
 * Restricted: privilege escalation (e.g. via set-user-ID file mode) must be disallowed.
 * Restricted field: securityContext.allowPrivilegeEscalation of every container; allowed: false only
 * (unset counts as not false).
 */
export function allowPrivilegeEscalationV1Dot8(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  visitContainers(spec, (c) => {
    if (c.securityContext?.allowPrivilegeEscalation !== false) bad.push(c.name);
  });
  if (bad.length === 0) return ALLOWED;
  return forbidden(
    'allowPrivilegeEscalation != false',
    `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`,
  );
}

/** v1.25+: Windows pods are exempt. */
export function allowPrivilegeEscalationV1Dot25(meta: ObjectMeta, spec: PodSpec): CheckResult {
  return isWindowsPod(spec) ? ALLOWED : allowPrivilegeEscalationV1Dot8(meta, spec);
}
