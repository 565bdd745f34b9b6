/** PSP object defaulting (§1.3): the only default is `allowPrivilegeEscalation: true`. */
import type { PodSecurityPolicy } from '../k8s/types';

/** Returns the defaulted policy; the input is never mutated (returned as is when nothing changes). */
export function defaultPodSecurityPolicy(psp: PodSecurityPolicy): PodSecurityPolicy {
  if (psp.spec.allowPrivilegeEscalation !== undefined) return psp;
  return { ...psp, spec: { ...psp.spec, allowPrivilegeEscalation: true } };
}
