/** Builders shared by the migration tests. */
import type { Container, PodSecurityPolicy, PodSecurityPolicySpec, PodSpec, PodTemplate } from '../../src/k8s/types';
import { syncSeccompAnnotationsToFields } from '../../src/migration';
import { admitPod } from '../../src/psp';
import { evaluatePss, type PssLevel } from '../../src/pss';

export const SECCOMP_ALLOWED = 'seccomp.security.alpha.kubernetes.io/allowedProfileNames';
export const SECCOMP_DEFAULT = 'seccomp.security.alpha.kubernetes.io/defaultProfileName';
export const APPARMOR_ALLOWED = 'apparmor.security.beta.kubernetes.io/allowedProfileNames';
export const APPARMOR_DEFAULT = 'apparmor.security.beta.kubernetes.io/defaultProfileName';

const BEST_ANNOTATIONS: Record<string, string> = {
  [SECCOMP_ALLOWED]: 'runtime/default,docker/default',
  [SECCOMP_DEFAULT]: 'runtime/default',
  [APPARMOR_ALLOWED]: 'runtime/default',
  [APPARMOR_DEFAULT]: 'runtime/default',
};

/**
 * A PSP that closes every rule a PSP can close (restricted example + SELinux MustRunAs container_t
 * + default seccomp profile). `annotations` entries set to undefined are removed.
 */
export function bestPsp(spec: Partial<PodSecurityPolicySpec> = {}, annotations: Record<string, string | undefined> = {}): PodSecurityPolicy {
  const merged: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...BEST_ANNOTATIONS, ...annotations })) if (v !== undefined) merged[k] = v;
  return {
    apiVersion: 'policy/v1beta1',
    kind: 'PodSecurityPolicy',
    metadata: { name: 'best', annotations: merged },
    spec: {
      privileged: false,
      allowPrivilegeEscalation: false,
      requiredDropCapabilities: ['ALL'],
      volumes: ['configMap', 'emptyDir', 'projected', 'secret', 'downwardAPI', 'csi', 'persistentVolumeClaim', 'ephemeral'],
      hostNetwork: false,
      hostIPC: false,
      hostPID: false,
      runAsUser: { rule: 'MustRunAsNonRoot' },
      seLinux: { rule: 'MustRunAs', seLinuxOptions: { type: 'container_t' } },
      supplementalGroups: { rule: 'RunAsAny' },
      fsGroup: { rule: 'RunAsAny' },
      ...spec,
    },
  };
}

export function container(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'registry.k8s.io/pause', ...extra };
}

export function pod(spec: Partial<PodSpec> = {}, annotations?: Record<string, string>): PodTemplate {
  return {
    metadata: annotations === undefined ? { name: 'p' } : { name: 'p', annotations },
    spec: { containers: [container('app')], ...spec },
  };
}

/**
 * The pod as stored after admission by this one policy (its mutation, then the API server's seccomp
 * annotation → field sync), or the rejection message.
 */
export function admitAndStore(psp: PodSecurityPolicy, p: PodTemplate): { stored: PodTemplate } | { rejected: string } {
  const r = admitPod({ pod: p, policies: [psp] });
  if (!r.allowed) return { rejected: r.reason ?? '' };
  return { stored: syncSeccompAnnotationsToFields(r.pod!) };
}

/** The PSS check IDs a pod fails at a level and version. */
export function failedChecks(p: PodTemplate, level: PssLevel, version: string): string[] {
  return evaluatePss(p, level, version, { isPod: true }).forbidden.map((f) => f.check);
}
