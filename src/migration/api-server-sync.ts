/**
 * The seccomp annotation ↔ field synchronisation the API server applies to a created pod after
 * admission (pkg/registry/core/pod/strategy.go applySeccompVersionSkew, 1.19+; verified in the
 * kubernetes/kubernetes source). A PSP writes its default seccomp profile as the pod annotation;
 * the stored pod, which is what a later Pod Security Admission sees, also carries the field.
 */
import type { PodTemplate, SeccompProfile } from '../k8s/types';
import { ANNOTATION } from '../psp/fields';

const RUNTIME_DEFAULT = 'runtime/default';
const DOCKER_DEFAULT = 'docker/default';
const UNCONFINED = 'unconfined';
const LOCALHOST_PREFIX = 'localhost/';

/** podutil.SeccompFieldForAnnotation: the field an annotation value stands for, if any. */
export function seccompFieldForAnnotation(value: string): SeccompProfile | undefined {
  if (value === UNCONFINED) return { type: 'Unconfined' };
  if (value === RUNTIME_DEFAULT || value === DOCKER_DEFAULT) return { type: 'RuntimeDefault' };
  if (value.startsWith(LOCALHOST_PREFIX) && value.length > LOCALHOST_PREFIX.length) {
    return { type: 'Localhost', localhostProfile: value.slice(LOCALHOST_PREFIX.length) };
  }
  return undefined;
}

/**
 * Copies seccomp annotations into unset fields, pod and containers (the direction that matters
 * for Pod Security Admission v1.19+, which reads fields only). Copy-on-write; the input is not
 * modified.
 */
export function syncSeccompAnnotationsToFields(pod: PodTemplate): PodTemplate {
  const annotations = pod.metadata.annotations;
  if (annotations === undefined) return pod;
  let spec = pod.spec;
  const podValue = annotations[ANNOTATION.seccompPod];
  if (podValue !== undefined && spec.securityContext?.seccompProfile === undefined) {
    const field = seccompFieldForAnnotation(podValue);
    if (field !== undefined) spec = { ...spec, securityContext: { ...spec.securityContext, seccompProfile: field } };
  }
  for (const kind of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const list = spec[kind];
    if (list === undefined) continue;
    let out: typeof list | undefined;
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      const value = annotations[ANNOTATION.seccompContainerPrefix + c.name];
      if (value === undefined || c.securityContext?.seccompProfile !== undefined) continue;
      const field = seccompFieldForAnnotation(value);
      if (field === undefined) continue;
      out ??= list.slice();
      out[i] = { ...c, securityContext: { ...c.securityContext, seccompProfile: field } };
    }
    if (out !== undefined) spec = { ...spec, [kind]: out };
  }
  return spec === pod.spec ? pod : { ...pod, spec };
}
