/**
 * The compiled-provider cache (src/psp/provider.ts) is keyed by policy content and shared between
 * requests: a hit must answer exactly like a fresh compile, and a policy whose content changed
 * under the same name must not get the old provider.
 */
import { describe, expect, it } from 'vitest';
import type { PodSecurityPolicy } from '../../src/k8s/types';
import { PROVIDER_CACHE_SIZE } from '../../src/psp/provider';
import { admit, container, denied, pod, psp } from './helpers';

const fresh = (p: PodSecurityPolicy): PodSecurityPolicy => JSON.parse(JSON.stringify(p)) as PodSecurityPolicy;
const privilegedPod = () => pod({ containers: [container('c', { securityContext: { privileged: true } })] });
const PRIVILEGED_ERROR = 'spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed';

describe('provider cache across requests (§3.2 compile once, same answer)', () => {
  it('§3.3 the same policy content sent again (new objects) gives an identical answer', () => {
    const policies = [psp('a-fsgroup', { fsGroup: { rule: 'MustRunAs', ranges: [{ min: 5, max: 9 }] } }), psp('b-deny', { privileged: false })];
    const first = admit(privilegedPod(), policies.map(fresh));
    const second = admit(privilegedPod(), policies.map(fresh));
    expect(second).toEqual(first);
    expect(second.policy).toBe('a-fsgroup');
    expect(second.pod?.spec.securityContext).toEqual({ fsGroup: 5 });
  });

  it('§5.4 the same name with a changed spec is compiled anew (no stale provider)', () => {
    expect(admit(privilegedPod(), [psp('same-name')]).allowed).toBe(true);
    const r = admit(privilegedPod(), [psp('same-name', { privileged: false })]);
    expect(r.allowed).toBe(false);
    expect(r.reason).toBe(denied([PRIVILEGED_ERROR]));
    expect(admit(privilegedPod(), [psp('same-name')]).allowed).toBe(true);
  });

  it('§4.1 changed annotations (seccomp default) are compiled anew', () => {
    const plain = admit(pod(), [psp('ann')]);
    expect(plain.pod?.metadata.annotations).toEqual({ 'kubernetes.io/psp': 'ann' });
    const seccomp = admit(pod(), [
      psp('ann', {}, { 'seccomp.security.alpha.kubernetes.io/allowedProfileNames': '*', 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default' }),
    ]);
    expect(seccomp.pod?.metadata.annotations).toEqual({ 'kubernetes.io/psp': 'ann', 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' });
  });

  it('§3.2 more distinct policies than the cache holds: every answer is still right', () => {
    for (let i = 0; i < PROVIDER_CACHE_SIZE + 20; i++) {
      const r = admit(privilegedPod(), [psp(`p-${i}`, { privileged: i % 2 === 0 })]);
      expect(r.allowed).toBe(i % 2 === 0);
    }
    expect(admit(privilegedPod(), [psp('p-1', { privileged: false })]).reason).toBe(denied([PRIVILEGED_ERROR]));
  });

  it('§4.2 a cached provider hands out no shared objects: mutating one answer leaves the next intact', () => {
    const policy = psp('caps', { defaultAddCapabilities: ['NET_ADMIN'], requiredDropCapabilities: ['NET_RAW'] });
    const first = admit(pod(), [fresh(policy)]);
    first.pod!.spec.containers[0]!.securityContext!.capabilities!.add!.push('SYS_ADMIN');
    const second = admit(pod(), [fresh(policy)]);
    expect(second.pod?.spec.containers[0]?.securityContext?.capabilities).toEqual({ add: ['NET_ADMIN'], drop: ['NET_RAW'] });
  });
});
