/**
 * Strings the PSP engine remembers or builds in a cheaper way (performance, issue 6): container
 * annotation keys (src/psp/container-annotation-keys.ts, on src/k8s/string-memo.ts), container field paths
 * (src/k8s/container-path.ts), refused capability additions (src/psp/fields.ts ViolationMemo), the
 * capability lists' sort and the volume type lookup. Each must
 * give exactly what the plain construction gives, for any input, however often it is asked.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { containerPath } from '../../src/k8s/container-path';
import { ownString } from '../../src/k8s/string-memo';
import { clearContentCaches } from '../../src/psp/content-cache';
import {
  appArmorContainerKey,
  CONTAINER_KEY_MEMO_SIZE,
  seccompContainerKey,
} from '../../src/psp/container-annotation-keys';
import { fieldError, ViolationMemo } from '../../src/psp/fields';
import { VOLUME_SOURCE_TYPES, volumeType } from '../../src/psp/strategies/volumes';
import type { Volume } from '../../src/k8s/types';
import { admit, container, pod, strictPsp } from './helpers';

const SECCOMP = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR = 'container.apparmor.security.beta.kubernetes.io/';

describe('container annotation keys', () => {
  beforeEach(() => clearContentCaches());

  it('§5.13/§5.14 the key is the prefix and the name, the same when asked again', () => {
    expect(seccompContainerKey('web')).toBe(`${SECCOMP}web`);
    expect(seccompContainerKey('web')).toBe(`${SECCOMP}web`);
    expect(appArmorContainerKey('web')).toBe(`${APPARMOR}web`);
    expect(appArmorContainerKey('')).toBe(APPARMOR);
  });

  it('more names than the memo holds all get their own key, before and after emptying it', () => {
    const names = Array.from({ length: CONTAINER_KEY_MEMO_SIZE * 2 + 3 }, (_, i) => `c-${i}`);
    for (let round = 0; round < 2; round++) {
      for (const n of names) expect(seccompContainerKey(n)).toBe(SECCOMP + n);
      for (const n of names) expect(appArmorContainerKey(n)).toBe(APPARMOR + n);
      clearContentCaches();
    }
  });

  it('a name that is not a string is concatenated as before (nothing remembered)', () => {
    expect(seccompContainerKey(undefined as unknown as string)).toBe(`${SECCOMP}undefined`);
  });

  it('§4.2 admission writes and checks each container under its own key, renamed containers included', () => {
    const policy = strictPsp(
      'aa',
      {},
      {
        'apparmor.security.beta.kubernetes.io/allowedProfileNames': 'runtime/default',
        'apparmor.security.beta.kubernetes.io/defaultProfileName': 'runtime/default',
      },
    );
    const first = admit(pod({ containers: [container('a'), container('b')] }), [policy]);
    expect(first.pod?.metadata.annotations).toEqual({ [`${APPARMOR}a`]: 'runtime/default', [`${APPARMOR}b`]: 'runtime/default', 'kubernetes.io/psp': 'aa' });
    const renamed = admit(pod({ containers: [container('b'), container('c')] }, { name: 'p', annotations: { [`${APPARMOR}c`]: 'localhost/x' } }), [policy]);
    expect(renamed.allowed).toBe(false);
    expect(renamed.evaluations[0]!.violations.map((v) => v.message)).toEqual([
      `pod.metadata.annotations[${APPARMOR}c]: Forbidden: localhost/x is not an allowed profile. Allowed values: "runtime/default"`,
    ]);
  });
});

describe('container field paths', () => {
  it('are spec.<list>[<index>] below and above the kept range', () => {
    for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
      for (const i of [0, 1, 9, 10, 127, 128, 129, 1000]) {
        expect(containerPath(list, i)).toBe(`spec.${list}[${i}]`);
        expect(containerPath(list, i)).toBe(`spec.${list}[${i}]`);
      }
    }
  });
});

describe('capability lists written by admission (§4.2.6)', () => {
  it('§10.16 are sorted in code-unit order and de-duplicated, like sets.String.List()', () => {
    const policy = strictPsp('caps', {
      allowedCapabilities: ['*'],
      defaultAddCapabilities: ['SYS_TIME', 'CHOWN', 'SYS_TIME', 'net_admin'],
      requiredDropCapabilities: ['NET_RAW', 'ALL', 'NET_RAW'],
    });
    const add = ['NET_ADMIN', 'AUDIT_WRITE', 'CHOWN', 'Zed', 'abc'];
    const drop = ['SETUID', 'ALL', 'CAP_KILL'];
    const r = admit(pod({ containers: [container('c', { securityContext: { capabilities: { add, drop } } })] }), [policy]);
    const sortedSet = (xs: string[]) => [...new Set(xs)].sort();
    expect(r.pod?.spec.containers[0]?.securityContext?.capabilities).toEqual({
      add: sortedSet([...add, 'SYS_TIME', 'CHOWN', 'SYS_TIME', 'net_admin']),
      drop: sortedSet([...drop, 'NET_RAW', 'ALL', 'NET_RAW']),
    });
    expect(r.pod?.spec.containers[0]?.securityContext?.capabilities?.add).toEqual(['AUDIT_WRITE', 'CHOWN', 'NET_ADMIN', 'SYS_TIME', 'Zed', 'abc', 'net_admin']);
    // The submitted lists are never reordered in place.
    expect(add).toEqual(['NET_ADMIN', 'AUDIT_WRITE', 'CHOWN', 'Zed', 'abc']);
  });

  it('§10.16 long lists (past the short-list sort) come out the same way', () => {
    const many = Array.from({ length: 40 }, (_, i) => `CAP_${(i * 17) % 23}`);
    const policy = strictPsp('caps', { allowedCapabilities: ['*'], defaultAddCapabilities: ['ZZZ', ...many.slice(0, 5)], requiredDropCapabilities: ['NET_RAW'] });
    const r = admit(pod({ containers: [container('c', { securityContext: { capabilities: { add: many, drop: [...many].reverse() } } })] }), [policy]);
    expect(r.pod?.spec.containers[0]?.securityContext?.capabilities).toEqual({
      add: [...new Set([...many, 'ZZZ'])].sort(),
      drop: [...new Set([...many, 'NET_RAW'])].sort(),
    });
  });
});

describe('volume types (§5.7)', () => {
  const byTable = (v: Volume) => VOLUME_SOURCE_TYPES.find(([key]) => v[key] !== undefined)?.[1];

  it('each source key gives its FSType; none gives undefined', () => {
    for (const [key, type] of VOLUME_SOURCE_TYPES) expect(volumeType({ name: 'v', [key]: {} } as Volume)).toBe(type);
    expect(volumeType({ name: 'v' } as Volume)).toBeUndefined();
    expect(volumeType({ name: 'v', unknownSource: {} } as Volume)).toBeUndefined();
  });

  it('several sources: the first in GetVolumeFSType order wins, whatever the key order; undefined values are absent', () => {
    const cases: Volume[] = [
      { name: 'v', secret: {}, hostPath: { path: '/' } } as Volume,
      { name: 'v', csi: { driver: 'd' }, cephfs: {} } as Volume,
      { name: 'v', ephemeral: {}, projected: {}, configMap: {} } as Volume,
      { name: 'v', hostPath: undefined, nfs: {} } as unknown as Volume,
    ];
    for (const v of cases) expect(volumeType(v)).toBe(byTable(v));
    expect(cases.map(volumeType)).toEqual(['hostPath', 'cephFS', 'configMap', 'nfs']);
  });
});

describe('violations remembered by place and subject (ViolationMemo)', () => {
  beforeEach(() => clearContentCaches());

  const make = (at: string, about: string) => fieldError.invalid(`${at}.x`, `"${about}"`, 'may not be added');

  it('gives what the plain construction gives, a fresh object every time, in the same key order', () => {
    const memo = new ViolationMemo(8, make);
    const first = memo.get('spec.containers[0]', 'NET_ADMIN');
    const again = memo.get('spec.containers[0]', 'NET_ADMIN');
    expect(first).toEqual(make('spec.containers[0]', 'NET_ADMIN'));
    expect(Object.keys(first)).toEqual(Object.keys(make('spec.containers[0]', 'NET_ADMIN')));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    again.message = 'changed';
    expect(memo.get('spec.containers[0]', 'NET_ADMIN').message).toBe('spec.containers[0].x: Invalid value: "NET_ADMIN": may not be added');
  });

  it('a violation without a value is copied without one', () => {
    const memo = new ViolationMemo(8, (at) => fieldError.required(at));
    const v = memo.get('spec.containers[0].securityContext.runAsUser', 'a');
    expect(v).toEqual({ field: 'spec.containers[0].securityContext.runAsUser', type: 'Required value', detail: '', message: 'spec.containers[0].securityContext.runAsUser: Required value' });
    expect('value' in v).toBe(false);
  });

  it('more subjects than it holds all get their own words, before and after it starts over', () => {
    const memo = new ViolationMemo(5, make);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 12; i++) {
        const at = `spec.containers[${i % 3}]`;
        expect(memo.get(at, `CAP_${i}`)).toEqual(make(at, `CAP_${i}`));
      }
    }
  });

  it('§5.8 every policy refuses each added capability of each container in the apiserver\'s words', () => {
    const c = (name: string, add: string[]) => container(name, { securityContext: { capabilities: { add } } });
    const p = pod({ containers: [c('a', ['NET_ADMIN', 'SYS_TIME']), c('b', ['NET_ADMIN'])] });
    for (let round = 0; round < 2; round++) {
      const r = admit(p, [strictPsp('one'), strictPsp('two', { allowedCapabilities: ['SYS_TIME'] })]);
      expect(r.evaluations.map((e) => e.violations.map((v) => v.message))).toEqual([
        [
          'spec.containers[0].securityContext.capabilities.add: Invalid value: "NET_ADMIN": capability may not be added',
          'spec.containers[0].securityContext.capabilities.add: Invalid value: "SYS_TIME": capability may not be added',
          'spec.containers[1].securityContext.capabilities.add: Invalid value: "NET_ADMIN": capability may not be added',
        ],
        [
          'spec.containers[0].securityContext.capabilities.add: Invalid value: "NET_ADMIN": capability may not be added',
          'spec.containers[1].securityContext.capabilities.add: Invalid value: "NET_ADMIN": capability may not be added',
        ],
      ]);
      expect(r.evaluations[0]!.violations[0]).not.toBe(r.evaluations[1]!.violations[0]);
    }
  });
});

describe('own copies of strings (ownString, for what memos keep across requests)', () => {
  it('equal to the string, whatever it holds', () => {
    const text = 'metadata:\n  name: a-rather-long-policy-name-with-\u00e9-and-\ud83d\ude00\n';
    for (const s of ['', 'a', 'NET_BIND_SERVICE', text, text.slice(16, 60), 'lone \ud800 surrogate', '\u0000\u001f"\\']) {
      expect(ownString(s)).toBe(s);
    }
  });
});
