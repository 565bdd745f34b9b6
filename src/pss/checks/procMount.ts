import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, joinQuote, sortedSet, usesUserNamespace, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

const DEFAULT_PROC_MOUNT = 'Default';

/**
 * The procMount rule shared by `procMount` and `procMount_restricted`: securityContext.procMount,
 * where set on a container, must be `Default` (the masked /proc).
 */
export function checkProcMount(spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  visitContainers(spec, (c) => {
    const pm = c.securityContext?.procMount;
    if (pm !== undefined && pm !== DEFAULT_PROC_MOUNT) {
      bad.push(c.name);
      types.push(pm);
    }
  });
  if (bad.length === 0) return ALLOWED;
  return forbidden(
    'procMount',
    `${containersPhrase(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`,
  );
}

/** Baseline: the default /proc masks must be kept. */
export function procMountV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  return checkProcMount(spec);
}

/**
 * v1.35+: pods in a user namespace (`hostUsers: false`) may unmask /proc at baseline. (Pods with
 * Unmasked and host users also fail API validation; we still report the policy violation.)
 */
export function procMountV1Dot35(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  return usesUserNamespace(spec) ? ALLOWED : checkProcMount(spec);
}
