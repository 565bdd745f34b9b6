import { goQuote } from '../../k8s/field-error';
import type { AppArmorProfile, ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, compareGoStrings, containersPhrase, forbidden, joinQuote, pluralize, sortedSet, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const APPARMOR_RUNTIME_DEFAULT = 'runtime/default';
const APPARMOR_LOCALHOST_PREFIX = 'localhost/';

/** A set appArmorProfile must have type RuntimeDefault or Localhost (Unconfined and "" are not). */
function isValidProfile(p: AppArmorProfile): boolean {
  return p.type === 'RuntimeDefault' || p.type === 'Localhost';
}

function isAllowedAnnotationValue(v: string): boolean {
  return v.length === 0 || v === APPARMOR_RUNTIME_DEFAULT || v.startsWith(APPARMOR_LOCALHOST_PREFIX);
}

/**
 * Baseline: overriding or disabling the default AppArmor profile is forbidden.
 * Restricted fields: appArmorProfile.type of the pod and every container, and every annotation
 * `container.apparmor.security.beta.kubernetes.io/*` (whatever the suffix). Since Kubernetes 1.30
 * the library applies the field rules to v1.0 too (no new policy version).
 * Values: sorted bad field types, then the sorted bad annotations as `<key>="<value>"`.
 */
export function appArmorProfileV1Dot0(meta: ObjectMeta, spec: PodSpec): CheckResult {
  const badSetters: string[] = [];
  const badTypes: string[] = [];
  const podProfile = spec.securityContext?.appArmorProfile;
  if (podProfile !== undefined && !isValidProfile(podProfile)) {
    badSetters.push('pod');
    badTypes.push(podProfile.type ?? '');
  }
  const bad: string[] = [];
  visitContainers(spec, (c) => {
    const p = c.securityContext?.appArmorProfile;
    if (p !== undefined && !isValidProfile(p)) {
      bad.push(c.name);
      badTypes.push(p.type ?? '');
    }
  });
  if (bad.length > 0) badSetters.push(containersPhrase(bad));

  const badAnnotations: string[] = [];
  const annotations = meta.annotations;
  if (annotations !== undefined) {
    for (const key of Object.keys(annotations)) {
      if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
      const value = annotations[key]!;
      if (!isAllowedAnnotationValue(value)) badAnnotations.push(`${key}=${goQuote(value)}`);
    }
  }
  const values = sortedSet(badTypes);
  if (badAnnotations.length > 0) {
    badAnnotations.sort(compareGoStrings);
    values.push(...badAnnotations);
    badSetters.push(pluralize('annotation', 'annotations', badAnnotations.length));
  }
  if (badSetters.length === 0) return ALLOWED;
  return forbidden(
    pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    `${badSetters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
  );
}
