/**
 * The PSP scenario corpus (test/fixtures/psp) run through the HTTP API: POST /v1/admission with
 * { pod, policies, operation, oldPod, usablePolicies }; the response is the engine's AdmissionResult.
 * Workloads are posted whole; their mutation pointers are into the returned pod template.
 */
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/http';
import { PSP_FIXTURES as fixtures, resolvePointer } from './corpus-fixtures';

interface AdmissionBody {
  allowed: boolean;
  policy: string | null;
  pod?: unknown;
  reason?: string;
  evaluations: Array<{ policy: string; violations: Array<{ message: string }> }>;
}

describe('PSP scenario corpus (HTTP POST /v1/admission)', () => {
  for (const [file, fx] of fixtures) {
    const group = file.split('/').slice(-2, -1)[0];
    it(`${fx.spec} [${group}/${fx.id}] ${fx.description}`, async () => {
      const res = await api('/v1/admission', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          pod: fx.pod,
          policies: fx.policies,
          operation: fx.operation,
          oldPod: fx.oldPod,
          usablePolicies: fx.usablePolicies,
        }),
      });
      const text = await res.text();
      expect(res.status, text).toBe(200);
      const body = JSON.parse(text) as AdmissionBody;
      expect(body.allowed).toBe(fx.expect.allowed);
      if ('policy' in fx.expect) expect(body.policy).toBe(fx.expect.policy);
      if (fx.expect.reason !== undefined) expect(body.reason).toBe(fx.expect.reason);
      for (const [pointer, value] of Object.entries(fx.expect.mutations ?? {})) {
        const actual = resolvePointer(body.pod, pointer);
        if (value === null) expect(actual, pointer).toBeUndefined();
        else expect(actual, pointer).toEqual(value);
      }
      for (const [policy, messages] of Object.entries(fx.expect.violations ?? {})) {
        const evaluation = body.evaluations.find((e) => e.policy === policy);
        expect(evaluation?.violations.map((v) => v.message), policy).toEqual(messages);
      }
    });
  }
});
