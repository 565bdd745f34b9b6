/** Builders shared by the PSP tests. */
import type { Container, PodSecurityPolicy, PodSecurityPolicySpec, PodSpec, PodTemplate } from '../../src/k8s/types';
import type { AdmissionInput, AdmissionResult } from '../../src/psp';
import { admitPod } from '../../src/psp';

/** A policy that allows everything unless overridden (RunAsAny everywhere, every volume). */
export function psp(name: string, spec: Partial<PodSecurityPolicySpec> = {}, annotations?: Record<string, string>): PodSecurityPolicy {
  return {
    apiVersion: 'policy/v1beta1',
    kind: 'PodSecurityPolicy',
    metadata: annotations === undefined ? { name } : { name, annotations },
    spec: {
      privileged: true,
      allowedCapabilities: ['*'],
      volumes: ['*'],
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      hostPorts: [{ min: 0, max: 65535 }],
      allowedProcMountTypes: ['Default', 'Unmasked'],
      allowedUnsafeSysctls: ['*'],
      runAsUser: { rule: 'RunAsAny' },
      seLinux: { rule: 'RunAsAny' },
      supplementalGroups: { rule: 'RunAsAny' },
      fsGroup: { rule: 'RunAsAny' },
      ...spec,
    },
  };
}

/** A policy that allows almost nothing: the bare required fields. */
export function strictPsp(name: string, spec: Partial<PodSecurityPolicySpec> = {}, annotations?: Record<string, string>): PodSecurityPolicy {
  return {
    apiVersion: 'policy/v1beta1',
    kind: 'PodSecurityPolicy',
    metadata: annotations === undefined ? { name } : { name, annotations },
    spec: {
      runAsUser: { rule: 'RunAsAny' },
      seLinux: { rule: 'RunAsAny' },
      supplementalGroups: { rule: 'RunAsAny' },
      fsGroup: { rule: 'RunAsAny' },
      ...spec,
    },
  };
}

export function container(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'nginx', ...extra };
}

export function pod(spec: Partial<PodSpec> = {}, metadata: PodTemplate['metadata'] = { name: 'p' }): PodTemplate {
  return { metadata, spec: { containers: [container('c')], ...spec } };
}

export function admit(p: PodTemplate, policies: PodSecurityPolicy[], extra: Partial<AdmissionInput> = {}): AdmissionResult {
  return admitPod({ pod: p, policies, ...extra });
}

/** The whole rejection message Kubernetes prints for a create. */
export function denied(errors: string[], name = 'p'): string {
  return `pods "${name}" is forbidden: PodSecurityPolicy: unable to admit pod: [${errors.join(' ')}]`;
}

export function deniedUpdate(errors: string[], name = 'p'): string {
  return `pods "${name}" is forbidden: PodSecurityPolicy: unable to validate pod: [${errors.join(' ')}]`;
}
