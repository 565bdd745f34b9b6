/**
 * `failOn` conditions: when a report "crosses" one, the answer is 422 with the whole report, so
 * a CI step fails with `curl --fail-with-body`. One row per condition.
 */
import { atOrAbove, type Severity } from './severity';
import type { EvaluateReport } from './types';

type Crossed = (r: Pick<EvaluateReport, 'objects' | 'policySet' | 'findings'>) => boolean;

const atSeverity =
  (threshold: Severity): Crossed =>
  (r) =>
    r.findings.some((f) => atOrAbove(f.severity, threshold));

export const FAIL_ON = {
  fail: { description: 'any CIS control fails, for an object or for the PodSecurityPolicy set', crossed: ((r) => r.objects.some((o) => o.cis.some((c) => c.status === 'fail')) || (r.policySet?.controls.some((c) => c.status === 'fail') ?? false)) as Crossed },
  high: { description: 'any finding of high severity', crossed: atSeverity('high') },
  medium: { description: 'any finding of medium severity or higher', crossed: atSeverity('medium') },
  low: { description: 'any finding at all (every finding is low or higher)', crossed: atSeverity('low') },
  deny: { description: 'any object the PodSecurityPolicies of the body would not admit', crossed: ((r) => r.objects.some((o) => o.admission !== null && !o.admission.allowed)) as Crossed },
  pss: { description: 'any object not allowed at the requested Pod Security Standards level', crossed: ((r) => r.objects.some((o) => !o.pss.allowed)) as Crossed },
} as const;

export type FailOnCondition = keyof typeof FAIL_ON;

export const FAIL_ON_CONDITIONS = Object.keys(FAIL_ON) as FailOnCondition[];

/** `high,deny` → ['high', 'deny'] (deduplicated, table order); undefined → []. Invalid names throw. */
export function parseFailOn(value: string | undefined): FailOnCondition[] {
  if (value === undefined || value === '') return [];
  const wanted = new Set(value.split(',').map((s) => s.trim()));
  for (const w of wanted) if (!(w in FAIL_ON)) throw new RangeError(`unknown failOn condition ${JSON.stringify(w)}; valid: ${FAIL_ON_CONDITIONS.join(', ')}`);
  return FAIL_ON_CONDITIONS.filter((c) => wanted.has(c));
}

export function crossedConditions(conditions: readonly FailOnCondition[], r: Pick<EvaluateReport, 'objects' | 'policySet' | 'findings'>): FailOnCondition[] {
  return conditions.filter((c) => FAIL_ON[c].crossed(r));
}
