/**
 * Notes over a PSP set (src/cis/evaluate.ts NoteSet): each decision note once, other notes once
 * per code, message and path, in first-seen order, with few notes and with many (past the short
 * list it scans before it keeps a Set).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePolicySet } from '../../src/cis';
import { psp } from './helpers';

const hostPathNotes = (n: number, distinctNames: number) =>
  evaluatePolicySet(
    Array.from({ length: n }, (_, i) => psp(`p${i % distinctNames}`, { volumes: ['hostPath'], allowedHostPaths: [{ pathPrefix: '/var/log', readOnly: true }] })),
    { benchmark: 'cis-1.24' },
  ).find((c) => c.key === 'hostpath-volumes')!.notes;

describe('§5 PSP-set notes are de-duplicated', () => {
  for (const [n, distinct] of [
    [1, 1],
    [3, 1],
    [5, 5],
    [20, 20],
    [40, 13],
  ] as const) {
    it(`${n} policies, ${distinct} distinct names: one note per name, then each decision once`, () => {
      const notes = hostPathNotes(n, distinct);
      const expected = Array.from({ length: distinct }, (_, i) => `PodSecurityPolicy "p${i}" limits hostPath volumes to spec.allowedHostPaths, which narrows the paths but still admits hostPath volumes`);
      expect(notes.filter((x) => x.code === 'allowed-host-paths-narrow-only').map((x) => x.message)).toEqual(expected);
      // In first-seen order: the first policy's note and decision, then the other names' notes.
      expect(notes.map((x) => x.code)).toEqual([
        'allowed-host-paths-narrow-only',
        'decision-allowed-host-paths',
        ...Array.from({ length: distinct - 1 }, () => 'allowed-host-paths-narrow-only'),
        'decision-quantifier',
      ]);
    });
  }
});
