/** migrateWorkloads: today's admitting PSP, the minimum PSS level, and namespace labels. */
import { describe, expect, it } from 'vitest';
import { migrateWorkloads } from '../../src/migration';
import { EXAMPLE_POLICIES } from '../../src/psp';
import { container, pod } from './helpers';

const policies = [EXAMPLE_POLICIES.privileged, EXAMPLE_POLICIES.restricted];
const restrictedPod = pod({
  securityContext: { seccompProfile: { type: 'RuntimeDefault' }, runAsNonRoot: true },
  containers: [container('app', { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } })],
});
const hostNetworkPod = pod({ hostNetwork: true });

describe('migrateWorkloads', () => {
  it('reports the admitting PSP, its changes, the minimum level and the next level violation', () => {
    const r = migrateWorkloads(
      [
        { namespace: 'web', name: 'p', template: restrictedPod, isPod: true },
        { namespace: 'web', name: 'h', template: hostNetworkPod, isPod: true },
        { namespace: null, name: 'd', template: pod(), isPod: false },
      ],
      policies,
      'v1.33',
    );
    // PSP §10.18: a field-only seccomp profile gets the annotation under every policy, so both
    // policies mutate and the first in name order (privileged) wins (§0).
    expect(r.workloads[0]).toEqual({
      admittedBy: 'privileged',
      admissionReason: null,
      mutations: [{ op: 'add', path: '/metadata/annotations', value: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } }],
      minimumLevel: 'restricted',
      nextLevelViolation: null,
    });
    expect(r.workloads[1]).toMatchObject({
      admittedBy: 'privileged',
      admissionReason: null,
      mutations: [],
      minimumLevel: 'privileged',
      nextLevelViolation: 'violates PodSecurity "baseline:v1.33": host namespaces (hostNetwork=true)',
    });
    expect(r.workloads[2]).toMatchObject({ admittedBy: 'privileged', minimumLevel: 'baseline' });
    expect(r.namespaces).toEqual([
      { namespace: 'default', labels: { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.33' }, workloads: 1, minimumLevel: 'baseline' },
      { namespace: 'web', labels: { 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/enforce-version': 'v1.33' }, workloads: 2, minimumLevel: 'privileged' },
    ]);
  });

  it('lists the changes of a mutating admitting PSP, without the kubernetes.io/psp annotation', () => {
    const r = migrateWorkloads([{ namespace: 'web', name: 'p', template: restrictedPod, isPod: true }], [EXAMPLE_POLICIES.restricted], 'v1.33');
    expect(r.workloads[0]).toEqual({
      admittedBy: 'restricted',
      admissionReason: null,
      mutations: [
        { op: 'add', path: '/metadata/annotations', value: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default', 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' } },
        { op: 'add', path: '/spec/securityContext/supplementalGroups', value: [1] },
        { op: 'add', path: '/spec/securityContext/fsGroup', value: 1 },
      ],
      minimumLevel: 'restricted',
      nextLevelViolation: null,
    });
  });

  it('a workload no PSP admits carries the PSP rejection; latest pins enforce-version to the resolved version', () => {
    const r = migrateWorkloads(
      [{ namespace: 'web', name: 'h', template: pod({ containers: [container('app', { securityContext: { privileged: true } })] }), isPod: true }],
      [EXAMPLE_POLICIES.restricted],
      'latest',
    );
    expect(r.workloads[0]!.admittedBy).toBeNull();
    expect(r.workloads[0]!.admissionReason).toBe(
      'pods "h" is forbidden: PodSecurityPolicy: unable to admit pod: [pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden:  is not an allowed seccomp profile. Valid values are docker/default,runtime/default pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]: Forbidden:  is not an allowed seccomp profile. Valid values are docker/default,runtime/default spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]',
    );
    expect(r.namespaces[0]!.labels).toEqual({ 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/enforce-version': 'v1.37' });
  });
});
