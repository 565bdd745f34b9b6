/**
 * Selection and the whole admission answer (§3): order, create vs update, usability, provider
 * errors, rejection messages, the returned pod and its JSON Patch.
 */
import { describe, expect, it } from 'vitest';
import type { PodTemplate } from '../../src/k8s/types';
import { admitPod, defaultPodSecurityPolicy, rejectionText } from '../../src/psp';
import { admit, container, denied, deniedUpdate, pod, psp, strictPsp } from './helpers';

const fsGroupMustRunAs = { fsGroup: { rule: 'MustRunAs', ranges: [{ min: 1, max: 2 }] } };

describe('selection order (§3.2, §3.3)', () => {
  it('§10.2 a later non-mutating policy beats an earlier mutating one', () => {
    const r = admit(pod(), [psp('b-plain'), psp('a-mutating', fsGroupMustRunAs)]);
    expect(r.policy).toBe('b-plain');
    expect(r.evaluations.map((e) => [e.policy, e.allowed, e.mutating])).toEqual([
      ['a-mutating', true, true],
      ['b-plain', true, false],
    ]);
  });

  it('§10.2 adding a seccomp default annotation counts as mutating', () => {
    const r = admit(pod(), [psp('a', {}, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': '*', 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default' }), psp('b')]);
    expect(r.policy).toBe('b');
  });

  it('§3.3 among mutating policies the first by name wins', () => {
    const r = admit(pod(), [psp('z', fsGroupMustRunAs), psp('m', fsGroupMustRunAs)]);
    expect(r.policy).toBe('m');
    expect(r.pod?.spec.securityContext).toEqual({ fsGroup: 1 });
  });

  it('§10.6 names sort byte-wise ("10-x" < "9-x", "a-b" < "a.b" < "ab") and evaluation stops at the winner', () => {
    const r = admit(pod(), [psp('ab'), psp('9-x'), psp('a.b'), psp('10-x'), psp('a-b')]);
    expect(r.policy).toBe('10-x');
    expect(r.evaluations.map((e) => e.policy)).toEqual(['10-x']);
    const denyAll = { privileged: false };
    const rejected = admit(pod({ containers: [container('c', { securityContext: { privileged: true } })] }), ['ab', '9-x', 'a.b', '10-x', 'a-b'].map((n) => psp(n, denyAll)));
    expect(rejected.evaluations.map((e) => e.policy)).toEqual(['10-x', '9-x', 'a-b', 'a.b', 'ab']);
  });

  it('§10.6 the kubernetes.io/psp hint is ignored on create and overwritten', () => {
    const r = admit(pod({}, { name: 'p', annotations: { 'kubernetes.io/psp': 'b' } }), [psp('a'), psp('b')]);
    expect(r.policy).toBe('a');
    expect(r.pod?.metadata.annotations).toEqual({ 'kubernetes.io/psp': 'a' });
    expect(r.patch).toEqual([{ op: 'replace', path: '/metadata/annotations/kubernetes.io~1psp', value: 'a' }]);
  });
});

describe('usability and provider errors (§2.4, §3.2, §3.6)', () => {
  const privilegedPod = pod({ containers: [container('c', { securityContext: { privileged: true } })] });
  const msg = 'spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed';

  it('§10.4 unusable policies add no errors; no usable policy gives []', () => {
    const r = admit(privilegedPod, [strictPsp('a'), strictPsp('b')], { usablePolicies: ['b'] });
    expect(r.reason).toBe(denied([msg]));
    expect(admit(privilegedPod, [strictPsp('a')], { usablePolicies: [] }).reason).toBe(denied([]));
  });

  it('§3.6 rejectionText is the plugin text inside the reason, for named, quoted and unnamed pods', () => {
    for (const name of ['web', '', 'we"b', 'ünï']) {
      const r = admitPod({ pod: privilegedPod, policies: [strictPsp('a')], podName: name });
      expect(r.reason).toBe(`pods ${JSON.stringify(name)} is forbidden: PodSecurityPolicy: unable to admit pod: [${msg}]`);
      expect(rejectionText(r.reason!, name)).toBe(`PodSecurityPolicy: unable to admit pod: [${msg}]`);
    }
    expect(rejectionText('something else', 'web')).toBe('something else');
  });

  it('§2.4 an unusable admitting policy is skipped', () => {
    const r = admit(privilegedPod, [psp('a'), psp('b')], { usablePolicies: ['b'] });
    expect(r.policy).toBe('b');
    expect(r.evaluations[0]).toMatchObject({ policy: 'a', usable: false, allowed: true, skipped: 'not-usable' });
  });

  it('§3.6 errors of several usable policies are concatenated in evaluation order', () => {
    const r = admit(pod({ hostPID: true, containers: [container('c', { securityContext: { privileged: true } })] }), [strictPsp('b', { hostPID: true }), strictPsp('a', { privileged: true })]);
    expect(r.reason).toBe(denied(['spec.securityContext.hostPID: Invalid value: true: Host PID is not allowed to be used', msg]));
  });

  it('§10.5 a valid but unusable-strategy policy (MustRunAs without ranges) is silently ignored', () => {
    const r = admit(pod(), [psp('a', { runAsUser: { rule: 'MustRunAs' } }), psp('b', { seLinux: { rule: 'MustRunAs' } }), psp('c')]);
    expect(r.policy).toBe('c');
    expect(r.evaluations.map((e) => e.skipped)).toEqual(['provider-error', 'provider-error', undefined]);
    expect(r.evaluations[0]?.providerError).toBe('runAsUser: MustRunAs requires at least one range');
  });

  it('§3.2 no provider at all: "no providers available to validate pod request"', () => {
    const expected = 'pods "p" is forbidden: PodSecurityPolicy: no providers available to validate pod request';
    expect(admit(pod(), []).reason).toBe(expected);
    expect(admit(pod(), [psp('a', { fsGroup: { rule: 'MayRunAs' } })]).reason).toBe(expected);
  });

  it('§3.6 the pod name falls back to generateName, then Unknown', () => {
    const p = pod({ containers: [container('c', { securityContext: { privileged: true } })] }, { generateName: 'web-' });
    expect(admit(p, [strictPsp('a')]).reason).toBe(denied([msg], 'web-'));
    expect(admit({ ...p, metadata: {} }, [strictPsp('a')]).reason).toBe(denied([msg], 'Unknown'));
    expect(admit(p, [strictPsp('a')], { podName: 'given' }).reason).toBe(denied([msg], 'given'));
  });
});

describe('update (§3.1, §3.5)', () => {
  it('§10.3 a policy that would mutate is skipped without error on update: []', () => {
    const r = admit(pod(), [psp('a', fsGroupMustRunAs)], { operation: 'UPDATE' });
    expect(r.reason).toBe(deniedUpdate([]));
    expect(r.evaluations[0]).toMatchObject({ allowed: true, mutating: true, skipped: 'mutation-not-allowed' });
  });

  it('§3.5 update admits unchanged with a non-mutating policy; the hint goes first', () => {
    const p = pod({}, { name: 'p', annotations: { 'kubernetes.io/psp': 'b' } });
    const r = admit(p, [psp('a'), psp('b')], { operation: 'UPDATE' });
    expect(r).toMatchObject({ allowed: true, policy: 'b', patch: [], auditAnnotations: { 'podsecuritypolicy.policy.k8s.io/validate-policy': 'b' } });
    expect(r.pod).toBe(p);
  });

  it('§3.1 an update changing only GC fields (or nothing) is not evaluated', () => {
    const old = pod({}, { name: 'p', finalizers: ['x'] });
    const r = admit(pod({}, { name: 'p', ownerReferences: [{ name: 'o' }] }), [strictPsp('a', { privileged: false })], { operation: 'UPDATE', oldPod: old });
    expect(r).toEqual({ allowed: true, policy: null, pod: r.pod, patch: [], evaluations: [] });
    const changed = admit(pod({ hostPID: true }), [strictPsp('a')], { operation: 'UPDATE', oldPod: old });
    expect(changed.reason).toBe(deniedUpdate(['spec.securityContext.hostPID: Invalid value: true: Host PID is not allowed to be used']));
  });
});

describe('returned pod and JSON Patch (§3.5, RFC 6902)', () => {
  it('§2.1 API defaults are evaluated but not written back; the patch holds only PSP changes', () => {
    const submitted: PodTemplate = {
      metadata: { name: 'p' },
      spec: { hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }], securityContext: { runAsUser: 5 } }] },
    };
    const before = JSON.stringify(submitted);
    const r = admit(submitted, [psp('a', { ...fsGroupMustRunAs, readOnlyRootFilesystem: true })]);
    expect(JSON.stringify(submitted)).toBe(before);
    expect(r.pod).toEqual({
      metadata: { name: 'p', annotations: { 'kubernetes.io/psp': 'a' } },
      spec: { hostNetwork: true, securityContext: { fsGroup: 1 }, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }], securityContext: { runAsUser: 5, readOnlyRootFilesystem: true } }] },
    });
    expect(r.patch).toEqual([
      { op: 'add', path: '/metadata/annotations', value: { 'kubernetes.io/psp': 'a' } },
      { op: 'add', path: '/spec/containers/0/securityContext/readOnlyRootFilesystem', value: true },
      { op: 'add', path: '/spec/securityContext', value: { fsGroup: 1 } },
    ]);
    expect(r.auditAnnotations).toEqual({ 'podsecuritypolicy.policy.k8s.io/admit-policy': 'a' });
  });

  it('§3.3 a denied pod has no pod and an empty patch', () => {
    const r = admit(pod({ hostIPC: true }), [strictPsp('a')]);
    expect(r).toMatchObject({ allowed: false, policy: null, patch: [] });
    expect(r.pod).toBeUndefined();
  });

  it('§1.3 defaultPodSecurityPolicy sets allowPrivilegeEscalation true without touching its input', () => {
    const input = strictPsp('a');
    const out = defaultPodSecurityPolicy(input);
    expect(out.spec.allowPrivilegeEscalation).toBe(true);
    expect(input.spec.allowPrivilegeEscalation).toBeUndefined();
    const explicit = strictPsp('b', { allowPrivilegeEscalation: false });
    expect(defaultPodSecurityPolicy(explicit)).toBe(explicit);
  });

  it('admitPod never mutates the policies', () => {
    const policies = [psp('a', fsGroupMustRunAs)];
    const before = JSON.stringify(policies);
    admitPod({ pod: pod(), policies });
    expect(JSON.stringify(policies)).toBe(before);
  });
});
