/**
 * src/k8s/content-shape.ts recognises a policy's content again in new objects (the content cache's
 * lookup): it must never call two contents the same unless JSON.stringify would print them alike,
 * and a content it cannot record faithfully must never be recognised.
 */
import { describe, expect, it } from 'vitest';
import { contentShape, isMatchable, sameContent } from '../../src/k8s/content-shape';

const sample = () => ({ name: 'p', annotations: { a: '1', b: '2' }, spec: { ranges: [{ min: 1, max: 2 }], flag: false, none: null } });

describe('content shape', () => {
  it('§1.4 the same content in new objects is recognised', () => {
    const shape = contentShape(sample());
    expect(isMatchable(shape)).toBe(true);
    expect(sameContent(shape, sample())).toBe(true);
  });

  it('§1.4 any changed value, added or missing key is not', () => {
    const shape = contentShape(sample());
    const changes: Array<(v: ReturnType<typeof sample>) => void> = [
      (v) => (v.annotations.b = '3'),
      (v) => ((v.annotations as Record<string, string>)['c'] = '3'),
      (v) => delete (v.annotations as Partial<typeof v.annotations>).a,
      (v) => (v.spec.ranges[0]!.max = 3),
      (v) => v.spec.ranges.push({ min: 5, max: 6 }),
      (v) => (v.spec.flag = true),
      (v) => ((v.spec as Record<string, unknown>)['none'] = 'null'),
      (v) => ((v.spec as Record<string, unknown>)['ranges'] = { 0: { min: 1, max: 2 }, length: 1 }),
      (v) => ((v.spec as Record<string, unknown>)['flag'] = 0),
    ];
    for (const change of changes) {
      const v = sample();
      change(v);
      expect(sameContent(shape, v)).toBe(false);
    }
  });

  it('§1.4 the same keys in another order are another content (JSON prints them differently)', () => {
    const shape = contentShape({ a: 1, b: 2 });
    expect(sameContent(shape, { b: 2, a: 1 })).toBe(false);
  });

  it('§1.4 what JSON would not carry unchanged is never recognised', () => {
    const holey: unknown[] = [1];
    holey[2] = 3;
    const odd: unknown[] = [{ a: undefined }, [1, undefined], holey, { n: -0 }, { n: NaN }, { n: Infinity }, { d: new Date(0) }, { f: () => 1 }, undefined];
    for (const v of odd) {
      const shape = contentShape(v);
      expect(isMatchable(shape)).toBe(false);
      expect(sameContent(shape, v)).toBe(false);
    }
  });
});
