/**
 * Engine-level properties (issue 7), each at fuzzRuns() runs (10,000 in CI). Objects go through
 * the manifest reader first, exactly as the HTTP layer hands them to the engines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePodControls, evaluatePolicySet, DEFAULT_BENCHMARK } from '../../src/cis';
import { readObject, type PodBearingObject } from '../../src/ingest';
import type { PodSecurityPolicy, PodTemplate } from '../../src/k8s/types';
import { admitPod } from '../../src/psp';
import { clearContentCaches } from '../../src/psp/content-cache';
import { validatePodSecurityPolicy } from '../../src/psp/validation';
import { evaluatePss, minimumPssLevel } from '../../src/pss';
import { PSS_MAX_MINOR } from '../../src/pss/version';
import { ADMITS_NOTHING_POLICY, fuzzRuns, nearlyRestrictedPodArb, podArb, podBearingArb, policyArb, policyArbNamed, policySetArb } from './arbitraries';
import { ENGINE_REGRESSIONS } from './regressions';

/** Baseline checks overridden by a restricted check that exempts Windows pods from v1.25 (pod-security-standards.md §2). */
const WINDOWS_OVERRIDDEN_BASELINE_CHECKS = ['seccompProfile_baseline', 'capabilities_baseline'];

const RUNS = fuzzRuns();
const params = (extra: { numRuns?: number } = {}) => ({ numRuns: RUNS, ...extra });

function readPod(value: unknown): PodBearingObject {
  const r = readObject(JSON.parse(JSON.stringify(value)), '', { defaultKind: 'Pod', expect: 'pod' });
  if (r.category !== 'pod') throw new Error('not a pod');
  return r.pod;
}

function readPolicy(value: unknown): PodSecurityPolicy {
  const r = readObject(JSON.parse(JSON.stringify(value)), '', { defaultKind: 'PodSecurityPolicy', expect: 'policy' });
  if (r.category !== 'policy') throw new Error('not a policy');
  const errors = validatePodSecurityPolicy(r.policy.policy);
  // The generator promises §1.4-valid policies; a slip shows here, not as a vacuous pass.
  if (errors.length > 0) throw new Error(`generated policy is invalid: ${JSON.stringify(errors)} in ${JSON.stringify(value)}`);
  return r.policy.policy;
}

const EMPTY_POD: PodTemplate = Object.freeze({ metadata: {}, spec: { containers: [] } }) as PodTemplate;

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const child of Object.values(v)) deepFreeze(child);
  }
  return v;
}

const versionArb = fc.oneof(fc.integer({ min: 0, max: PSS_MAX_MINOR + 2 }).map((m) => `v1.${m}`), fc.constant('latest'));

describe('engine properties', () => {
  it('§ingest: every generated policy is valid per psp-admission.md §1.4 (generator check)', () => {
    fc.assert(fc.property(policyArb, (p) => void readPolicy(p)), params());
  });

  it('evaluation never changes the submitted objects (PSP admission CREATE/UPDATE, CIS pod and policy set, PSS)', () => {
    // Deep-frozen input: any write by an engine throws (ES modules are strict), naming the field.
    fc.assert(
      fc.property(podBearingArb, policySetArb, fc.constantFrom('CREATE', 'UPDATE') as fc.Arbitrary<'CREATE' | 'UPDATE'>, (obj, rawPolicies, operation) => {
        const pod = readPod(obj);
        const policies = rawPolicies.map(readPolicy);
        const podText = JSON.stringify(pod.object);
        deepFreeze(pod.object);
        deepFreeze(policies);
        admitPod({ pod: pod.template, policies, operation, ...(operation === 'UPDATE' ? { oldPod: EMPTY_POD } : {}) });
        evaluatePodControls(pod.template, { benchmark: DEFAULT_BENCHMARK, isPod: pod.isPod });
        evaluatePolicySet(policies, { benchmark: DEFAULT_BENCHMARK });
        minimumPssLevel(pod.template, 'latest', { isPod: pod.isPod });
        expect(JSON.stringify(pod.object)).toBe(podText);
      }),
      params(),
    );
  });

  it('§3.5 the applied PSP admits the mutated pod when re-evaluated with operation UPDATE', () => {
    let admitted = 0;
    fc.assert(
      fc.property(fc.oneof(podArb, nearlyRestrictedPodArb), policySetArb, (obj, rawPolicies) => {
        const pod = readPod(obj).template;
        const policies = rawPolicies.map(readPolicy);
        const created = admitPod({ pod, policies });
        if (!created.allowed) return;
        admitted++;
        const applied = policies.find((p) => p.metadata.name === created.policy)!;
        const mutated = created.pod!;
        // Alone, then among all the policies (the pod's kubernetes.io/psp annotation is the hint).
        for (const set of [[applied], policies]) {
          const updated = admitPod({ pod: mutated, policies: set, operation: 'UPDATE', oldPod: pod });
          expect({ allowed: updated.allowed, reason: updated.reason }).toEqual({ allowed: true, reason: undefined });
          expect(updated.patch).toEqual([]);
        }
        expect(admitPod({ pod: mutated, policies: [applied], operation: 'UPDATE', oldPod: pod }).policy).toBe(created.policy);
      }),
      params(),
    );
    // Not vacuous: a fair share of generated pods is admitted (and mutated) at CREATE.
    expect(admitted).toBeGreaterThan(RUNS / 20);
  });

  it('§3.3 a pod admitted by a PSP set stays admitted, by the same policy with the same patch, when a policy that admits nothing is added', () => {
    const other = policyArbNamed(fc.constantFrom('q-extra', 'a-first', 'zzz-last'));
    fc.assert(
      fc.property(fc.oneof(podArb, nearlyRestrictedPodArb), policySetArb, other, (obj, rawPolicies, rawExtra) => {
        const pod = readPod(obj).template;
        const policies = rawPolicies.map(readPolicy);
        const before = admitPod({ pod, policies });
        // The fixed policy admits nothing at all; a generated one is used only when it admits nothing for this pod.
        const extras = [readPolicy(ADMITS_NOTHING_POLICY)];
        const extra = readPolicy(rawExtra);
        if (!admitPod({ pod, policies: [extra] }).allowed) extras.push(extra);
        for (const added of extras) {
          const after = admitPod({ pod, policies: [...policies, added] });
          expect({ allowed: after.allowed, policy: after.policy, patch: after.patch, pod: after.pod }).toEqual({
            allowed: before.allowed,
            policy: before.policy,
            patch: before.patch,
            pod: before.pod,
          });
        }
      }),
      params(),
    );
  });

  it('PSS: a pod that passes restricted passes baseline, except where a Windows exemption overrides a baseline check (§1.1, §2.1 v1.25); minimumPssLevel agrees', () => {
    let restrictedPods = 0;
    fc.assert(
      fc.property(fc.oneof(nearlyRestrictedPodArb, podBearingArb), versionArb, (obj, version) => {
        const pod = readPod(obj);
        const opts = { isPod: pod.isPod };
        const restricted = evaluatePss(pod.template, 'restricted', version, opts);
        const baseline = evaluatePss(pod.template, 'baseline', version, opts);
        expect(evaluatePss(pod.template, 'privileged', version, opts).allowed).toBe(true);
        if (restricted.allowed) {
          restrictedPods++;
          if (!baseline.allowed) {
            // Only the baseline checks that a Windows-exempt restricted check replaces can fail.
            expect(pod.template.spec.os?.name).toBe('windows');
            expect(Number(restricted.resolvedVersion.replace('v1.', ''))).toBeGreaterThanOrEqual(25);
            for (const f of baseline.forbidden) expect(WINDOWS_OVERRIDDEN_BASELINE_CHECKS).toContain(f.check);
          }
        }
        const min = minimumPssLevel(pod.template, version, opts);
        expect(min).toBe(restricted.allowed ? 'restricted' : baseline.allowed ? 'baseline' : 'privileged');
      }),
      params(),
    );
    expect(restrictedPods).toBeGreaterThan(RUNS / 50);
  });

  it('the engines are deterministic: the same input twice gives the same answer', () => {
    fc.assert(
      fc.property(podBearingArb, policySetArb, (obj, rawPolicies) => {
        const once = () => {
          const pod = readPod(obj);
          const policies = rawPolicies.map(readPolicy);
          return JSON.stringify([
            admitPod({ pod: pod.template, policies }),
            evaluatePodControls(pod.template, { benchmark: DEFAULT_BENCHMARK, isPod: pod.isPod }),
            evaluatePss(pod.template, 'restricted', 'latest', { isPod: pod.isPod }),
          ]);
        };
        expect(once()).toBe(once());
      }),
      params(),
    );
  });

  it('the cross-request content cache never changes an answer: warm (policies of earlier runs cached under the same names) equals cold', () => {
    // policyArb reuses six names with ever-changing content, so across runs the cache holds other
    // contents under the same names, second and third sightings, and evictions.
    fc.assert(
      fc.property(podBearingArb, policySetArb, fc.constantFrom('CREATE', 'UPDATE') as fc.Arbitrary<'CREATE' | 'UPDATE'>, (obj, rawPolicies, operation) => {
        const answer = () => {
          const pod = readPod(obj);
          const policies = rawPolicies.map(readPolicy);
          const errors = policies.map((p) => validatePodSecurityPolicy(p));
          return JSON.stringify([errors, admitPod({ pod: pod.template, policies, operation })]);
        };
        const warm = [answer(), answer(), answer()];
        clearContentCaches();
        const cold = answer();
        expect(warm).toEqual([cold, cold, cold]);
      }),
      params(),
    );
  });
});

describe('engine regressions (counterexamples fast-check found, kept)', () => {
  it('the regression list is well-formed', () => expect(ENGINE_REGRESSIONS.every((r) => r.name.length > 0)).toBe(true));
  for (const r of ENGINE_REGRESSIONS) {
    (r.skip ? it.skip : it)(r.name, () => r.check());
  }
});


