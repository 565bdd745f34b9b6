import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, isWindowsPod, joinQuote, sortedSet, visitContainers } from '../helpers';
import type { CheckResult } from '../types';
import { isValidSeccompType } from './seccompProfile_baseline';

/**
 * Restricted v1.19+: seccompProfile.type must be RuntimeDefault or Localhost for every container,
 * set on the container or inherited from a valid pod-level profile. Overrides seccompProfile_baseline.
 * Explicit bad setters are reported in preference to containers that leave it unset.
 */
export function seccompProfileRestrictedV1Dot19(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  let podSeccompSet = false;
  const podProfile = spec.securityContext?.seccompProfile;
  if (podProfile !== undefined) {
    if (!isValidSeccompType(podProfile.type)) {
      badSetters.push('pod');
      badValues.push(podProfile.type ?? '');
    } else {
      podSeccompSet = true;
    }
  }
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  visitContainers(spec, (c) => {
    const profile = c.securityContext?.seccompProfile;
    if (profile !== undefined) {
      if (!isValidSeccompType(profile.type)) {
        explicitlyBad.push(c.name);
        badValues.push(profile.type ?? '');
      }
    } else if (!podSeccompSet) {
      implicitlyBad.push(c.name);
    }
  });
  if (explicitlyBad.length > 0) badSetters.push(containersPhrase(explicitlyBad));
  if (badSetters.length > 0) {
    return forbidden(
      'seccompProfile',
      `${badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
    );
  }
  if (implicitlyBad.length > 0) {
    return forbidden(
      'seccompProfile',
      `pod or ${containersPhrase(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    );
  }
  return ALLOWED;
}

/** v1.25+: Windows pods are exempt (seccomp is Linux-only). */
export function seccompProfileRestrictedV1Dot25(meta: ObjectMeta, spec: PodSpec): CheckResult {
  return isWindowsPod(spec) ? ALLOWED : seccompProfileRestrictedV1Dot19(meta, spec);
}
