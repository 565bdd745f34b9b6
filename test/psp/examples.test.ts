/**
 * The Kubernetes documentation's PSP examples, the remaining §10 behaviours, and one large request.
 */
import { describe, expect, it } from 'vitest';
import type { PodSecurityPolicy } from '../../src/k8s/types';
import { EXAMPLE_POLICIES } from '../../src/psp';
import { admit, container, denied, pod, psp, strictPsp } from './helpers';

/**
 * kubernetes/website content/en/examples/policy/example-psp.yaml (CC BY 4.0, see README.md here),
 * used by the documentation's walk-through ("Don't allow privileged pods!").
 */
const DOCS_EXAMPLE_PSP: PodSecurityPolicy = {
  apiVersion: 'policy/v1beta1',
  kind: 'PodSecurityPolicy',
  metadata: { name: 'example' },
  spec: {
    privileged: false,
    seLinux: { rule: 'RunAsAny' },
    supplementalGroups: { rule: 'RunAsAny' },
    runAsUser: { rule: 'RunAsAny' },
    fsGroup: { rule: 'RunAsAny' },
    volumes: ['*'],
  },
};

describe('Kubernetes documentation examples', () => {
  it('docs walk-through: example-psp admits the pause pod and rejects the privileged one', () => {
    const pause = pod({ containers: [container('pause', { image: 'k8s.gcr.io/pause' })] }, { name: 'pause' });
    expect(admit(pause, [DOCS_EXAMPLE_PSP])).toMatchObject({ allowed: true, policy: 'example' });
    const privileged = pod({ containers: [container('pause', { image: 'k8s.gcr.io/pause', securityContext: { privileged: true } })] }, { name: 'privileged' });
    expect(admit(privileged, [DOCS_EXAMPLE_PSP]).reason).toBe(
      'pods "privileged" is forbidden: PodSecurityPolicy: unable to admit pod: [spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]',
    );
  });

  const { privileged, restricted } = EXAMPLE_POLICIES;

  it('restricted + privileged: a plain pod is admitted unchanged by "privileged" (non-mutating, first by name)', () => {
    const r = admit(pod(), [restricted, privileged]);
    expect(r.policy).toBe('privileged');
    expect(r.patch).toEqual([{ op: 'add', path: '/metadata/annotations', value: { 'kubernetes.io/psp': 'privileged' } }]);
  });

  it('§5.13 restricted alone rejects a plain pod: its allow-list has no default profile (empty profile, double space)', () => {
    const r = admit(pod(), [restricted, privileged], { usablePolicies: ['restricted'] });
    expect(r.reason).toBe(
      denied([
        'pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden:  is not an allowed seccomp profile. Valid values are docker/default,runtime/default',
        'pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/c]: Forbidden:  is not an allowed seccomp profile. Valid values are docker/default,runtime/default',
      ]),
    );
  });

  it('restricted admits a RuntimeDefault pod and fills in its defaults', () => {
    const r = admit(pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }), [restricted, privileged], { usablePolicies: ['restricted'] });
    expect(r.policy).toBe('restricted');
    expect(r.pod).toEqual({
      metadata: {
        name: 'p',
        annotations: {
          'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
          'container.apparmor.security.beta.kubernetes.io/c': 'runtime/default',
          'kubernetes.io/psp': 'restricted',
        },
      },
      spec: {
        containers: [{ name: 'c', image: 'nginx', securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false } }],
        securityContext: { seccompProfile: { type: 'RuntimeDefault' }, supplementalGroups: [1], fsGroup: 1 },
      },
    });
  });

  it('restricted + privileged: a privileged pod is rejected by restricted and admitted by privileged', () => {
    const p = pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [container('c', { securityContext: { privileged: true } })] });
    const r = admit(p, [restricted, privileged]);
    expect(r.policy).toBe('privileged');
    expect(r.evaluations.map((e) => [e.policy, e.allowed, e.mutating])).toEqual([
      ['privileged', true, true],
      ['restricted', false, true],
    ]);
    expect(r.evaluations[1]?.violations.map((v) => v.message)).toEqual(['spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed']);
    expect(admit(p, [restricted, privileged], { usablePolicies: ['restricted'] }).reason).toBe(
      denied(['spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed']),
    );
  });

  it('EXAMPLE_POLICIES are the documentation files', () => {
    expect(Object.keys(EXAMPLE_POLICIES)).toEqual(['privileged', 'baseline', 'restricted']);
    expect(EXAMPLE_POLICIES.baseline.metadata.annotations?.['seccomp.security.alpha.kubernetes.io/defaultProfileName']).toBe('unconfined');
    expect(restricted.spec.requiredDropCapabilities).toEqual(['ALL']);
    expect(privileged.spec.hostPorts).toEqual([{ min: 0, max: 65535 }]);
  });
});

describe('§10 surprising behaviours not covered elsewhere', () => {
  it('§10.1 a policy admits the pod after its own defaults (mutate, then validate)', () => {
    const r = admit(pod(), [strictPsp('a', { runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1, max: 1 }] }, readOnlyRootFilesystem: true })]);
    expect(r.allowed).toBe(true);
    expect(r.pod?.spec.containers[0]?.securityContext).toEqual({ runAsUser: 1, readOnlyRootFilesystem: true });
  });

  it('§10.17 seccomp entries are not trimmed (" unconfined" ≠ "unconfined"); the raw list is printed', () => {
    const list = 'runtime/default, unconfined';
    const p = pod({ containers: [container('c', { securityContext: { seccompProfile: { type: 'Unconfined' } } })] });
    expect(admit(p, [strictPsp('s', {}, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': list })]).reason).toBe(
      denied([
        `pod.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: Forbidden:  is not an allowed seccomp profile. Valid values are ${list}`,
        `pod.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/c]: Forbidden: unconfined is not an allowed seccomp profile. Valid values are ${list}`,
      ]),
    );
  });

  it('§10.18 a pod using only the seccompProfile field gets the annotation under every policy', () => {
    const r = admit(pod({ securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'prof.json' } } }), [psp('a', {}, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': '*' })]);
    expect(r.evaluations[0]?.mutating).toBe(true);
    expect(r.pod?.metadata.annotations?.['seccomp.security.alpha.kubernetes.io/pod']).toBe('localhost/prof.json');
  });

  it('§10.20 ephemeral containers in the submitted spec are mutated like others', () => {
    const r = admit(pod({ ephemeralContainers: [container('e')] }), [psp('a', { runAsUser: { rule: 'MustRunAsNonRoot' } })]);
    expect(r.pod?.spec.ephemeralContainers?.[0]?.securityContext).toEqual({ runAsNonRoot: true });
  });

  it('§10.21 windowsOptions (hostProcess) is not a PSP rule', () => {
    const r = admit(pod({ containers: [container('c', { securityContext: { windowsOptions: { hostProcess: true } } })] }), [strictPsp('a')]);
    expect(r.allowed).toBe(true);
  });
});

describe('scale', () => {
  it('100 PSPs × a pod with 10 containers: the one policy allowing host port 5050 wins', () => {
    const policies = Array.from({ length: 100 }, (_, i) => {
      const name = `psp-${String(i).padStart(3, '0')}`;
      const port = i === 73 ? 5050 : 6000 + i;
      return strictPsp(name, { hostPorts: [{ min: port, max: port }], fsGroup: { rule: 'MustRunAs', ranges: [{ min: 1, max: 9 }] } });
    }).reverse();
    const containers = Array.from({ length: 10 }, (_, i) => container(`c${i}`, { ports: [{ containerPort: 80, hostPort: 5050 }] }));
    const p = pod({ containers, securityContext: { fsGroup: 3 } });
    const r = admit(p, policies);
    expect(r.policy).toBe('psp-073');
    expect(r.evaluations).toHaveLength(74);
    expect(r.evaluations[0]?.violations).toHaveLength(10);
    const two = admit(p, policies, { usablePolicies: ['psp-001', 'psp-002'] });
    const errors = [1, 2].flatMap((n) =>
      containers.map((_, i) => `spec.containers[${i}].hostPort: Invalid value: 5050: Host port 5050 is not allowed to be used. Allowed ports: [${6000 + n}]`),
    );
    expect(two.reason).toBe(denied(errors));
  });
});
