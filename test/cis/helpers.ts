/** Builders for CIS tests: a hardened pod / PSP that passes every control, and small variants. */

import type { Container, PodSecurityPolicy, PodSecurityPolicySpec, PodSpec, PodTemplate } from '../../src/k8s/types';

export function pod(spec: Partial<PodSpec> & { containers?: Container[] }): PodTemplate {
  return { metadata: { name: 'p' }, spec: { containers: [], ...spec } as PodSpec };
}

export function container(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'registry.example/app:1', ...extra };
}

/** A container that passes every pod control. */
export function hardenedContainer(name = 'app', extra: Partial<Container> = {}): Container {
  return container(name, {
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 1000,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    ...extra,
  });
}

/** A pod that passes every pod control. */
export function hardenedPod(spec: Partial<PodSpec> = {}): PodTemplate {
  return pod({ containers: [hardenedContainer()], ...spec });
}

export function psp(name: string, spec: PodSecurityPolicySpec): PodSecurityPolicy {
  return { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name }, spec };
}

/** The PSP spec that satisfies every PSP-expressible control. */
export const RESTRICTIVE_PSP_SPEC: PodSecurityPolicySpec = {
  privileged: false,
  allowPrivilegeEscalation: false,
  requiredDropCapabilities: ['ALL'],
  volumes: ['configMap', 'emptyDir', 'secret'],
  hostNetwork: false,
  hostIPC: false,
  hostPID: false,
  runAsUser: { rule: 'MustRunAsNonRoot' },
  seLinux: { rule: 'RunAsAny' },
  supplementalGroups: { rule: 'RunAsAny' },
  fsGroup: { rule: 'RunAsAny' },
};

export function restrictivePsp(name = 'restricted', overrides: PodSecurityPolicySpec = {}): PodSecurityPolicy {
  return psp(name, { ...RESTRICTIVE_PSP_SPEC, ...overrides });
}
