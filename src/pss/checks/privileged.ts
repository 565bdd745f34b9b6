import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

/**
 * Baseline: privileged containers disable most security mechanisms.
 * Restricted field: securityContext.privileged of every container; allowed: false, unset.
 */
export function privilegedV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  visitContainers(spec, (c) => {
    if (c.securityContext?.privileged === true) bad.push(c.name);
  });
  if (bad.length === 0) return ALLOWED;
  return forbidden('privileged', `${containersPhrase(bad)} must not set securityContext.privileged=true`);
}
