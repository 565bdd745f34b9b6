/**
 * The PSP scenario corpus (test/fixtures/psp) run directly through the admission engine.
 * test/psp/corpus.test.ts runs the same fixtures through the HTTP API.
 */
import { describe, expect, it } from 'vitest';
import type { PodTemplate } from '../../src/k8s/types';
import { admitPod } from '../../src/psp';
import { PSP_FIXTURES as fixtures, resolvePointer, type PspFixture } from './corpus-fixtures';

/** {metadata, spec} of a Pod, or of the pod template of a workload. */
function podTemplateOf(obj: PspFixture['pod']): PodTemplate {
  if (obj.kind === 'Pod') return { metadata: obj.metadata, spec: obj.spec } as unknown as PodTemplate;
  const spec = obj.spec as { template?: PodTemplate; jobTemplate?: { spec: { template: PodTemplate } } };
  const template = obj.kind === 'CronJob' ? spec.jobTemplate!.spec.template : spec.template!;
  return { metadata: template.metadata ?? {}, spec: template.spec };
}

describe('PSP scenario corpus (engine)', () => {
  it('has at least 170 scenarios', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(170);
  });

  for (const [file, fx] of fixtures) {
    const group = file.split('/').slice(-2, -1)[0];
    it(`${fx.spec} [${group}/${fx.id}] ${fx.description}`, () => {
      const isPod = fx.pod.kind === 'Pod';
      const result = admitPod({
        pod: podTemplateOf(fx.pod),
        policies: fx.policies,
        operation: fx.operation,
        ...(fx.oldPod !== undefined ? { oldPod: podTemplateOf(fx.oldPod) } : {}),
        ...(fx.usablePolicies !== undefined ? { usablePolicies: fx.usablePolicies } : {}),
        ...(isPod ? {} : { podName: fx.pod.metadata.name! }),
      });
      expect(result.allowed).toBe(fx.expect.allowed);
      if ('policy' in fx.expect) expect(result.policy).toBe(fx.expect.policy);
      if (fx.expect.reason !== undefined) expect(result.reason).toBe(fx.expect.reason);
      for (const [pointer, value] of Object.entries(fx.expect.mutations ?? {})) {
        const actual = resolvePointer(result.pod, pointer);
        if (value === null) expect(actual, pointer).toBeUndefined();
        else expect(actual, pointer).toEqual(value);
      }
      for (const [policy, messages] of Object.entries(fx.expect.violations ?? {})) {
        const evaluation = result.evaluations.find((e) => e.policy === policy);
        expect(evaluation?.violations.map((v) => v.message), policy).toEqual(messages);
      }
    });
  }
});
