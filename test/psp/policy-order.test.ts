/**
 * §3.2 step 2, policy order (src/psp/select-policy.ts orderPolicies): requests with up to 32
 * policies are ordered by insertion (performance, issue 6), larger ones by the built-in sort. Both
 * must give exactly the stable sort by name, with the hinted policy first on the validation pass.
 */
import { describe, expect, it } from 'vitest';
import type { PodSecurityPolicy } from '../../src/k8s/types';
import { compareNames, orderPolicies } from '../../src/psp/select-policy';

function psp(name: string | undefined, tag: number): PodSecurityPolicy {
  return { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: name === undefined ? {} : { name, uid: String(tag) }, spec: {} };
}

/** The plain construction: Array.prototype.sort (stable) with the §3.2 comparator. */
function reference(policies: readonly PodSecurityPolicy[], hint: string | undefined): PodSecurityPolicy[] {
  const name = (p: PodSecurityPolicy) => p.metadata.name ?? '';
  return policies.slice().sort((a, b) => {
    if (hint !== undefined) {
      if (name(a) === hint && name(b) !== hint) return -1;
      if (name(b) === hint && name(a) !== hint) return 1;
    }
    return compareNames(name(a), name(b));
  });
}

/** Deterministic pseudo-random lists with repeated names, unnamed policies and upper/lower case. */
function lists(): PodSecurityPolicy[][] {
  const names = ['b', 'a', 'restricted', 'B', 'zz', 'a-1', 'a', '', 'restricted', 'm'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const out: PodSecurityPolicy[][] = [[]];
  for (const n of [1, 2, 3, 10, 31, 32, 33, 100]) {
    for (let k = 0; k < 4; k++) {
      const list: PodSecurityPolicy[] = [];
      for (let i = 0; i < n; i++) {
        const r = next() % (names.length + 1);
        list.push(psp(r === names.length ? undefined : names[r], i));
      }
      out.push(list);
    }
  }
  return out;
}

describe('orderPolicies', () => {
  it('§3.2 gives the stable sort by name, equal names in request order', () => {
    for (const list of lists()) {
      const got = orderPolicies(list, undefined);
      expect(got).toEqual(reference(list, undefined));
      // Same objects, same order: equal names keep their request order (uid says which is which).
      got.forEach((p, i) => expect(p).toBe(reference(list, undefined)[i]));
    }
  });

  it('§3.2 on the validation pass the hinted policy goes first, the rest by name', () => {
    for (const hint of ['restricted', 'a', '', 'absent']) {
      for (const list of lists()) {
        const want = reference(list, hint);
        orderPolicies(list, hint).forEach((p, i) => expect(p).toBe(want[i]));
      }
    }
  });

  it('never reorders the submitted list', () => {
    const list = [psp('b', 0), psp('a', 1)];
    orderPolicies(list, undefined);
    expect(list.map((p) => p.metadata.name)).toEqual(['b', 'a']);
  });
});
