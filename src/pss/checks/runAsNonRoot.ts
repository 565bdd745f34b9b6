import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, usesUserNamespace, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

const REASON = 'runAsNonRoot != true';

/**
 * Restricted: containers must run as non-root users.
 * Restricted fields: spec.securityContext.runAsNonRoot and each container's; the pod value true
 * covers containers that leave it unset. A non-zero runAsUser does not satisfy this check.
 * Explicit `false` setters are reported in preference to containers that merely leave it unset.
 */
export function runAsNonRootV1Dot0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const badSetters: string[] = [];
  let podRunAsNonRoot = false;
  const podValue = spec.securityContext?.runAsNonRoot;
  if (podValue === false) badSetters.push('pod');
  else if (podValue === true) podRunAsNonRoot = true;

  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  visitContainers(spec, (c) => {
    const v = c.securityContext?.runAsNonRoot;
    if (v !== undefined) {
      if (!v) explicitlyBad.push(c.name);
    } else if (!podRunAsNonRoot) {
      implicitlyBad.push(c.name);
    }
  });
  if (explicitlyBad.length > 0) badSetters.push(containersPhrase(explicitlyBad));
  if (badSetters.length > 0) {
    return forbidden(REASON, `${badSetters.join(' and ')} must not set securityContext.runAsNonRoot=false`);
  }
  if (implicitlyBad.length > 0) {
    return forbidden(REASON, `pod or ${containersPhrase(implicitlyBad)} must set securityContext.runAsNonRoot=true`);
  }
  return ALLOWED;
}

/** v1.35+: pods in a user namespace (`hostUsers: false`) are exempt; root there is not host root. */
export function runAsNonRootV1Dot35(meta: ObjectMeta, spec: PodSpec): CheckResult {
  return usesUserNamespace(spec) ? ALLOWED : runAsNonRootV1Dot0(meta, spec);
}
