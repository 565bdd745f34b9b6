/**
 * The PSP scenario corpus (test/fixtures/psp, format in its README), shared by the engine run
 * (corpus-engine.test.ts) and the HTTP run (corpus.test.ts).
 */
import type { PodSecurityPolicy } from '../../src/k8s/types';

export interface PspFixture {
  id: string;
  description: string;
  spec: string;
  operation: 'CREATE' | 'UPDATE';
  pod: { kind: string; metadata: { name?: string; [k: string]: unknown }; spec: Record<string, unknown> };
  policies: PodSecurityPolicy[];
  oldPod?: PspFixture['pod'];
  usablePolicies?: string[];
  expect: {
    allowed: boolean;
    policy?: string | null;
    mutations?: Record<string, unknown>;
    reason?: string;
    violations?: Record<string, string[]>;
  };
}

/** Every scenario, sorted by file path so test order is stable. */
export const PSP_FIXTURES: ReadonlyArray<readonly [string, PspFixture]> = Object.entries(
  import.meta.glob<PspFixture>('../fixtures/psp/**/*.json', { eager: true, import: 'default' }),
).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** RFC 6901 lookup; undefined when any segment is missing. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
