/**
 * The policy content cache (src/psp/content-cache.ts) keeps, across requests, what the engines
 * derive from one policy alone: its validation errors and its compiled provider. A hit must answer
 * exactly like a fresh computation, changed content must never get the old answer, and no two
 * answers may share an object.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { formatFieldError } from '../../src/k8s/field-error';
import type { PodSecurityPolicy } from '../../src/k8s/types';
import { clearContentCaches, POLICY_CACHE_SIZE } from '../../src/psp/content-cache';
import { validatePodSecurityPolicy } from '../../src/psp/validation';
import { admit, container, pod, psp } from './helpers';

const fresh = (p: PodSecurityPolicy): PodSecurityPolicy => JSON.parse(JSON.stringify(p)) as PodSecurityPolicy;
const messages = (p: PodSecurityPolicy): string[] => validatePodSecurityPolicy(p).map(formatFieldError);

/** Two errors: a forbidden namespace and an unsupported volume type. */
const invalid = (name = 'bad') => {
  const p = psp(name, { volumes: ['configMap', 'nope'] });
  p.metadata.namespace = 'ns';
  return p;
};
const INVALID_MESSAGES = [
  'metadata.namespace: Forbidden: not allowed on this type',
  expect.stringMatching(/^spec\.volumes: Unsupported value: "nope": supported values: "\*", /),
];

describe('policy content cache: validation errors', () => {
  beforeEach(() => clearContentCaches());

  it('§1.4 the same content sent again (new objects) gives identical errors', () => {
    const first = validatePodSecurityPolicy(fresh(invalid()));
    const second = validatePodSecurityPolicy(fresh(invalid()));
    expect(second).toEqual(first);
    expect(second.map(formatFieldError)).toEqual(INVALID_MESSAGES);
  });

  it('§1.4 an answer owns its errors: changing one leaves the next intact', () => {
    const first = validatePodSecurityPolicy(invalid());
    first[0]!.detail = 'changed';
    first.push(first[0]!);
    expect(messages(invalid())).toEqual(INVALID_MESSAGES);
    expect(validatePodSecurityPolicy(invalid())[0]).not.toBe(validatePodSecurityPolicy(invalid())[0]);
  });

  it('§1.4 a valid policy gets a fresh empty array each time', () => {
    const a = validatePodSecurityPolicy(psp('ok'));
    a.push({ field: 'x', type: 'Forbidden', detail: 'y' });
    expect(validatePodSecurityPolicy(psp('ok'))).toEqual([]);
  });

  it('§1.4 the same object changed between calls is validated as it is now', () => {
    const p = psp('ok');
    expect(messages(p)).toEqual([]);
    p.metadata.namespace = 'ns';
    expect(messages(p)).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
    delete p.metadata.namespace;
    expect(messages(p)).toEqual([]);
  });

  it('§1.4 content that differs only in metadata (labels) is a different entry', () => {
    expect(messages(psp('lbl'))).toEqual([]);
    const labelled = psp('lbl');
    labelled.metadata.labels = { 'bad key!': 'v' };
    expect(messages(labelled)).toEqual([expect.stringMatching(/^metadata\.labels: Invalid value: "bad key!": name part must consist of/)]);
  });

  it('§1.4 more distinct policies than the cache holds: every answer is still right', () => {
    for (let i = 0; i < POLICY_CACHE_SIZE + 20; i++) {
      const p = i % 2 === 0 ? psp(`p-${i}`) : invalid(`p-${i}`);
      expect(messages(p)).toEqual(i % 2 === 0 ? [] : INVALID_MESSAGES);
    }
    expect(messages(invalid('p-1'))).toEqual(INVALID_MESSAGES);
    expect(messages(psp('p-0'))).toEqual([]);
  });
});

describe('policy content cache: validation and admission share one entry', () => {
  beforeEach(() => clearContentCaches());

  const privilegedPod = () => pod({ containers: [container('c', { securityContext: { privileged: true } })] });

  it('§3.2 a policy validated first, then admitted, admits like one never validated', () => {
    const policies = [psp('a-deny', { privileged: false }), psp('b-allow', { privileged: true })];
    const plain = admit(privilegedPod(), policies.map(fresh));
    clearContentCaches();
    const validated = policies.map(fresh);
    for (const p of validated) expect(validatePodSecurityPolicy(p)).toEqual([]);
    expect(admit(privilegedPod(), validated)).toEqual(plain);
    expect(plain.policy).toBe('b-allow');
  });

  it('§3.2 an emptied cache (the bench cold figure) gives the same answer as a warm one', () => {
    const policies = [psp('caps', { defaultAddCapabilities: ['NET_ADMIN'], requiredDropCapabilities: ['NET_RAW'] })];
    const warm1 = admit(pod(), policies.map(fresh));
    const warm2 = admit(pod(), policies.map(fresh));
    clearContentCaches();
    const cold = admit(pod(), policies.map(fresh));
    expect(warm2).toEqual(warm1);
    expect(cold).toEqual(warm1);
  });

  /** Every strategy that keeps a list, ranges or options of the policy, and mutates the pod with them. */
  const keeping = () =>
    psp('keeps', {
      defaultAddCapabilities: ['NET_ADMIN'],
      requiredDropCapabilities: ['NET_RAW'],
      allowedCapabilities: ['SYS_TIME'],
      runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
      runAsGroup: { rule: 'MustRunAs', ranges: [{ min: 3000, max: 4000 }] },
      fsGroup: { rule: 'MustRunAs', ranges: [{ min: 5000, max: 6000 }] },
      supplementalGroups: { rule: 'MustRunAs', ranges: [{ min: 7000, max: 8000 }] },
      seLinux: { rule: 'MustRunAs', seLinuxOptions: { level: 's0:c1,c2', type: 'container_t' } },
      hostPorts: [{ min: 8000, max: 8100 }],
    });
  const portPod = () => pod({ containers: [container('c', { ports: [{ containerPort: 80, hostPort: 9000 }] })] });

  it('§3.2 a cached provider keeps no object of the policy it was compiled from: changing that policy in place changes no later answer', () => {
    const p = keeping();
    const first = admit(pod(), [p]);
    const denied1 = admit(portPod(), [p]);
    p.spec.defaultAddCapabilities!.push('SYS_ADMIN');
    p.spec.requiredDropCapabilities![0] = 'ALL';
    p.spec.runAsUser!.ranges![0]!.min = 0;
    p.spec.runAsGroup!.ranges![0]!.min = 0;
    p.spec.fsGroup!.ranges![0]!.min = 0;
    p.spec.supplementalGroups!.ranges![0]!.min = 0;
    p.spec.seLinux!.seLinuxOptions!.level = 's0';
    p.spec.hostPorts![0]!.max = 9999;
    expect(admit(pod(), [keeping()])).toEqual(first);
    expect(admit(portPod(), [keeping()])).toEqual(denied1);
    expect(first.allowed).toBe(true);
    expect(denied1.allowed).toBe(false);
  });

  it('§3.2 an answer holds no object of the cached provider: changing one answer in place leaves the next intact', () => {
    const first = admit(pod(), [keeping()]);
    const sc = first.pod!.spec.containers[0]!.securityContext!;
    sc.capabilities!.add!.push('SYS_ADMIN');
    sc.capabilities!.drop!.length = 0;
    first.pod!.spec.securityContext!.seLinuxOptions!.level = 's0';
    first.pod!.spec.securityContext!.supplementalGroups!.push(0);
    clearContentCaches();
    const cold = admit(pod(), [keeping()]);
    expect(admit(pod(), [keeping()])).toEqual(cold);
    expect(cold.pod!.spec.containers[0]!.securityContext!.capabilities).toEqual({ add: ['NET_ADMIN'], drop: ['NET_RAW'] });
  });
});

describe('policy content cache: lookup by name, then by content', () => {
  beforeEach(() => clearContentCaches());

  it('§1.4 the same policy with its keys in another order gives the same answer', () => {
    const a = invalid('order');
    const reordered: PodSecurityPolicy = { ...a, metadata: { namespace: 'ns', name: 'order' }, spec: Object.fromEntries(Object.entries(a.spec).reverse()) as PodSecurityPolicy['spec'] };
    expect(messages(a)).toEqual(INVALID_MESSAGES);
    expect(messages(reordered)).toEqual(INVALID_MESSAGES);
    expect(messages(fresh(a))).toEqual(INVALID_MESSAGES);
  });

  it('§1.4 more contents under one name than are kept per name, alternating: every answer is right', () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 7; i++) {
        const p = i % 2 === 0 ? psp('same', { volumes: ['configMap'], hostPorts: [{ min: i, max: i }] }) : invalid('same');
        if (i % 2 !== 0) p.spec.hostPorts = [{ min: i, max: i }];
        expect(messages(p)).toEqual(i % 2 === 0 ? [] : INVALID_MESSAGES);
      }
    }
  });

  it('§1.4 content a shape cannot record (an undefined field) is still recognised by its JSON, with the right answer', () => {
    const withUndefined = () => ({ ...invalid('undef'), spec: { ...invalid('undef').spec, hostPorts: undefined } });
    expect(messages(withUndefined())).toEqual(INVALID_MESSAGES);
    expect(messages(withUndefined())).toEqual(INVALID_MESSAGES);
    const p = psp('undef-admit', { privileged: false, hostPorts: undefined });
    const denyPrivileged = () => admit(pod({ containers: [container('c', { securityContext: { privileged: true } })] }), [p]);
    expect(denyPrivileged().allowed).toBe(false);
    expect(denyPrivileged()).toEqual(denyPrivileged());
  });

  it('§3.2 a policy object changed after admission is admitted as it is now', () => {
    const privilegedPod = () => pod({ containers: [container('c', { securityContext: { privileged: true } })] });
    expect(admit(privilegedPod(), [psp('flip', { privileged: true })]).allowed).toBe(true);
    const p = psp('flip', { privileged: true });
    expect(validatePodSecurityPolicy(p)).toEqual([]);
    expect(admit(privilegedPod(), [fresh({ ...p, spec: { ...p.spec, privileged: false } })]).allowed).toBe(false);
    expect(admit(privilegedPod(), [fresh(p)]).allowed).toBe(true);
  });

  it('§1.4 policies seen again often survive a stream of one-off policies (second chance)', () => {
    const hot = invalid('hot');
    for (let i = 0; i < POLICY_CACHE_SIZE * 3; i++) {
      expect(messages(fresh(hot))).toEqual(INVALID_MESSAGES);
      expect(messages(psp(`once-${i}`))).toEqual([]);
    }
  });
});

