import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, usesUserNamespace, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

/**
 * Restricted: containers must not set runAsUser to 0.
 * Restricted fields: spec.securityContext.runAsUser and each container's; allowed: non-zero, unset.
 */
export function runAsUserV1Dot23(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const badSetters: string[] = [];
  if (spec.securityContext?.runAsUser === 0) badSetters.push('pod');
  const bad: string[] = [];
  visitContainers(spec, (c) => {
    if (c.securityContext?.runAsUser === 0) bad.push(c.name);
  });
  if (bad.length > 0) badSetters.push(containersPhrase(bad));
  if (badSetters.length === 0) return ALLOWED;
  return forbidden('runAsUser=0', `${badSetters.join(' and ')} must not set runAsUser=0`);
}

/** v1.35+: pods in a user namespace (`hostUsers: false`) are exempt. */
export function runAsUserV1Dot35(meta: ObjectMeta, spec: PodSpec): CheckResult {
  return usesUserNamespace(spec) ? ALLOWED : runAsUserV1Dot23(meta, spec);
}
