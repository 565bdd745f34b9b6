import { goQuote } from '../../k8s/field-error';
import type { ObjectMeta, PodSpec } from '../../k8s/types';
import { ALLOWED, containersPhrase, forbidden, joinQuote, pluralize, sortedSet, visitContainers } from '../helpers';
import type { CheckResult } from '../types';

export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const LOCALHOST_ANNOTATION_PREFIX = 'localhost/';
const ALLOWED_ANNOTATION_VALUES: ReadonlySet<string> = new Set(['runtime/default', 'docker/default']);

/** Valid seccompProfile.type values (exact); an unset type inside a set profile is invalid (""). */
export function isValidSeccompType(type: string | undefined): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function isValidSeccompAnnotation(value: string): boolean {
  return ALLOWED_ANNOTATION_VALUES.has(value) || value.startsWith(LOCALHOST_ANNOTATION_PREFIX);
}

/**
 * Baseline v1.0–v1.18: the seccomp alpha annotations must not select an unconfined profile.
 * Restricted: the pod annotation and `container.seccomp…/<name>` for each container of the pod
 * (annotations for other names are ignored); allowed: runtime/default, docker/default, localhost/*.
 * An empty value is forbidden. Fields are not inspected at these versions.
 */
export function seccompProfileBaselineV1Dot0(meta: ObjectMeta, spec: PodSpec): CheckResult {
  const annotations = meta.annotations;
  if (annotations === undefined) return ALLOWED;
  const bad: string[] = [];
  const podValue = annotations[SECCOMP_POD_ANNOTATION];
  if (podValue !== undefined && !isValidSeccompAnnotation(podValue)) {
    bad.push(`${SECCOMP_POD_ANNOTATION}=${goQuote(podValue)}`);
  }
  visitContainers(spec, (c) => {
    const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name;
    const value = annotations[key];
    if (value !== undefined && !isValidSeccompAnnotation(value)) bad.push(`${key}=${goQuote(value)}`);
  });
  if (bad.length === 0) return ALLOWED;
  const list = sortedSet(bad);
  return forbidden('seccompProfile', `forbidden ${pluralize('annotation', 'annotations', list.length)} ${list.join(', ')}`);
}

/**
 * Baseline v1.19+: seccompProfile.type, where set on the pod or a container, must be
 * RuntimeDefault or Localhost. Unset is fine at baseline. Annotations are no longer inspected.
 */
export function seccompProfileBaselineV1Dot19(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  const podProfile = spec.securityContext?.seccompProfile;
  if (podProfile !== undefined && !isValidSeccompType(podProfile.type)) {
    badSetters.push('pod');
    badValues.push(podProfile.type ?? '');
  }
  const bad: string[] = [];
  visitContainers(spec, (c) => {
    const profile = c.securityContext?.seccompProfile;
    if (profile !== undefined && !isValidSeccompType(profile.type)) {
      bad.push(c.name);
      badValues.push(profile.type ?? '');
    }
  });
  if (bad.length > 0) badSetters.push(containersPhrase(bad));
  if (badSetters.length === 0) return ALLOWED;
  return forbidden(
    'seccompProfile',
    `${badSetters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
  );
}
