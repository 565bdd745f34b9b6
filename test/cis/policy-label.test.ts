/**
 * How CIS messages name a policy (src/cis/reasons.ts policyLabel), remembered per name: the same
 * text as building it afresh, for any name, however many names and after the caches are emptied.
 */
import { describe, expect, it } from 'vitest';
import { goQuote } from '../../src/k8s/field-error';
import { POLICY_LABELS_KEPT, policyLabel } from '../../src/cis/reasons';
import { clearContentCaches } from '../../src/psp/content-cache';

const named = (name: string) => ({ metadata: { name } });

describe('policy labels', () => {
  it('§4 a name is quoted as Go %q prints it, the same when asked again', () => {
    for (const name of ['restricted', '', 'with "quotes"', 'back\\slash', 'ünï', 'tab\there', '\u{1F600}']) {
      expect(policyLabel(named(name))).toBe(`PodSecurityPolicy ${goQuote(name)}`);
      expect(policyLabel(named(name))).toBe(`PodSecurityPolicy ${goQuote(name)}`);
    }
    expect(policyLabel({ metadata: {} })).toBe('PodSecurityPolicy ""');
  });

  it('more names than it remembers, before and after the caches are emptied', () => {
    const names = Array.from({ length: POLICY_LABELS_KEPT * 2 + 5 }, (_, i) => `p-${i}`);
    for (let round = 0; round < 2; round++) {
      for (const n of names) expect(policyLabel(named(n))).toBe(`PodSecurityPolicy "${n}"`);
      clearContentCaches();
    }
  });

  it('a renamed policy object gets its new name', () => {
    const p = named('before');
    expect(policyLabel(p)).toBe('PodSecurityPolicy "before"');
    p.metadata.name = 'after';
    expect(policyLabel(p)).toBe('PodSecurityPolicy "after"');
  });
});
