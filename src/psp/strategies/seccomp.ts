/**
 * seccomp strategy (§4.1 step 4, §5.13; seccomp/strategy.go, 1.19+ field handling). Always active:
 * a pod that only sets the `seccompProfile` field gets the pod annotation under every policy
 * (§10.18), and a policy without an allow-list forbids any profile.
 */
import type { Container, PodSecurityPolicy, PodTemplate, SeccompProfile } from '../../k8s/types';
import { seccompContainerKey } from '../container-annotation-keys';
import { ANNOTATION, annotationPath, fieldError } from '../fields';
import type { PodDraft } from '../pod-draft';
import type { PspStrategy, PspViolation } from '../types';

export interface SeccompPolicy {
  defaultProfile: string;
  allowAny: boolean;
  /** Named entries (not `*`), split on `,` without trimming. */
  allowed: ReadonlySet<string>;
  /** The raw allow-list annotation, printed in errors. */
  allowedText: string;
}

const RUNTIME_DEFAULT = 'runtime/default';
const DOCKER_DEFAULT = 'docker/default';

export function compileSeccompStrategy(psp: PodSecurityPolicy): SeccompPolicy {
  const annotations = psp.metadata.annotations;
  const allowedText = annotations?.[ANNOTATION.seccompAllowed];
  const allowed = new Set<string>();
  let allowAny = false;
  if (allowedText !== undefined) {
    for (const p of allowedText.split(',')) {
      if (p === '*') allowAny = true;
      else allowed.add(p);
    }
    // 1.19.4+/1.20+: docker/default and runtime/default allow each other (PR 95985, spec §5.13 [M]).
    if (allowed.has(RUNTIME_DEFAULT) || allowed.has(DOCKER_DEFAULT)) {
      allowed.add(RUNTIME_DEFAULT);
      allowed.add(DOCKER_DEFAULT);
    }
  }
  return { defaultProfile: annotations?.[ANNOTATION.seccompDefault] ?? '', allowAny, allowed, allowedText: allowedText ?? '' };
}

/** The annotation value a 1.19+ `seccompProfile` field stands for ('' when it has none). */
export function seccompAnnotationForField(p: SeccompProfile): string {
  switch (p.type) {
    case 'RuntimeDefault':
      return RUNTIME_DEFAULT;
    case 'Unconfined':
      return 'unconfined';
    case 'Localhost':
      return p.localhostProfile !== undefined && p.localhostProfile !== '' ? `localhost/${p.localhostProfile}` : '';
    default:
      return '';
  }
}

/** Pod profile: annotation if non-empty, else the pod field, else ''. */
function podProfile(pod: PodTemplate): string {
  const a = pod.metadata.annotations?.[ANNOTATION.seccompPod];
  if (a !== undefined && a !== '') return a;
  const field = pod.spec.securityContext?.seccompProfile;
  return field === undefined ? '' : seccompAnnotationForField(field);
}

/** Container profile: container field, else container annotation (even empty), else pod field, else pod annotation. */
function containerProfile(pod: PodTemplate, c: Container): string {
  const field = c.securityContext?.seccompProfile;
  if (field !== undefined) return seccompAnnotationForField(field);
  const annotation = pod.metadata.annotations?.[seccompContainerKey(c.name)];
  if (annotation !== undefined) return annotation;
  const podField = pod.spec.securityContext?.seccompProfile;
  if (podField !== undefined) return seccompAnnotationForField(podField);
  return pod.metadata.annotations?.[ANNOTATION.seccompPod] ?? '';
}

export function applySeccompStrategy(s: SeccompPolicy, draft: PodDraft): void {
  let profile = podProfile(draft.pod);
  if (profile === '') profile = s.defaultProfile;
  if (profile !== '' && draft.annotation(ANNOTATION.seccompPod) !== profile) draft.setAnnotation(ANNOTATION.seccompPod, profile);
}

function check(s: SeccompPolicy, profile: string, key: string, errs: PspViolation[]): void {
  // Without any entry (typically: no allow-list annotation) no profile may be set. An empty
  // annotation value still holds one (empty) entry, as Go's strings.Split gives [""].
  if (!s.allowAny && s.allowed.size === 0 && profile !== '') {
    errs.push(fieldError.forbidden(annotationPath(key), 'seccomp may not be set'));
    return;
  }
  const allowedProfile = (s.allowed.size === 0 && profile === '') || s.allowAny || s.allowed.has(profile);
  if (!allowedProfile) {
    errs.push(fieldError.forbidden(annotationPath(key), `${profile} is not an allowed seccomp profile. Valid values are ${s.allowedText}`));
  }
}

export function validateSeccompPod(s: SeccompPolicy, pod: PodTemplate, errs: PspViolation[]): void {
  check(s, podProfile(pod), ANNOTATION.seccompPod, errs);
}

export function validateSeccompContainer(s: SeccompPolicy, pod: PodTemplate, c: Container, _path: string, errs: PspViolation[]): void {
  check(s, containerProfile(pod, c), seccompContainerKey(c.name), errs);
}

export const SECCOMP: PspStrategy<SeccompPolicy> = {
  id: 'seccomp',
  compile: compileSeccompStrategy,
  mutatePod: applySeccompStrategy,
  validatePod: validateSeccompPod,
  validateContainer: validateSeccompContainer,
};
