/**
 * Every counterexample fast-check found, kept as a regression case (issue 7). Each entry names
 * the property it broke, the minimal input, and what was fixed (or, with `skip`, whose fix it is).
 */
import { expect } from 'vitest';
import type { PodTemplate } from '../../src/k8s/types';
import { evaluatePss, minimumPssLevel } from '../../src/pss';

export interface EngineRegression {
  name: string;
  skip?: string;
  check(): void;
}

export const ENGINE_REGRESSIONS: EngineRegression[] = [
  {
    // Found in CI (seed -1953772718): a Windows pod with seccompProfile Unconfined at v1.25.
    // PSA's restricted seccomp check exempts Windows pods from v1.25 and overrides the baseline
    // one, so the pod passes restricted and fails baseline (pod-security-standards.md §1.1, §2.1).
    // minimumPssLevel used to try baseline first and answered `privileged`; fixed to try
    // restricted first, as its definition says (the most restrictive level that admits the pod).
    name: 'PSS: a Windows pod with seccomp Unconfined passes restricted (v1.25+) but not baseline; its minimum level is restricted',
    check() {
      const pod: PodTemplate = {
        metadata: { name: 'a' },
        spec: { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Unconfined' } }, os: { name: 'windows' }, containers: [{ name: 'c0', image: 'x' }] },
      };
      for (const version of ['v1.25', 'latest']) {
        expect(evaluatePss(pod, 'restricted', version).allowed).toBe(true);
        expect(evaluatePss(pod, 'baseline', version).forbidden.map((f) => f.check)).toEqual(['seccompProfile_baseline']);
        expect(minimumPssLevel(pod, version)).toBe('restricted');
      }
      expect(evaluatePss(pod, 'restricted', 'v1.24').allowed).toBe(false);
      expect(minimumPssLevel(pod, 'v1.24')).toBe('privileged');
      const linux: PodTemplate = { ...pod, spec: { ...pod.spec, os: { name: 'linux' } } };
      expect(minimumPssLevel(linux, 'latest')).toBe('privileged');
    },
  },
];
