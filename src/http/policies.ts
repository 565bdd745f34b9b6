/**
 * PodSecurityPolicies of a request must be objects the apiserver would have stored: each is
 * validated as the apiserver validated it (src/psp/validation), and names must be unique (a
 * cluster cannot hold two policies of one name, so we refuse to invent a tie-break).
 * Any problem is one 422 listing every invalid field of every policy.
 */
import type { PolicyObject } from '../ingest';
import { formatFieldError } from '../k8s/field-error';
import { validatePodSecurityPolicy } from '../psp/validation';
import { makeProblem, ProblemError, type ProblemFieldError } from './problem';

export function requireValidPolicies(policies: readonly PolicyObject[]): void {
  const errors: ProblemFieldError[] = [];
  const seen = new Map<string, PolicyObject>();
  for (const p of policies) {
    const at = { object: `PodSecurityPolicy/${p.policy.metadata.name ?? ''}`, ...(p.ref.document !== undefined ? { document: p.ref.document } : {}), ...(p.ref.line !== undefined ? { line: p.ref.line } : {}) };
    for (const e of validatePodSecurityPolicy(p.policy)) {
      errors.push({ path: e.field, message: formatFieldError(e), ...at });
    }
    const name = p.policy.metadata.name;
    if (name !== undefined) {
      if (seen.has(name)) {
        errors.push({ path: 'metadata.name', message: `metadata.name: Duplicate value: "${name}": a cluster holds one PodSecurityPolicy per name`, ...at });
      } else {
        seen.set(name, p);
      }
    }
  }
  if (errors.length > 0) {
    const names = [...new Set(policies.map((p) => p.policy.metadata.name ?? '(unnamed)'))];
    throw new ProblemError(
      makeProblem('invalid-policy', `The apiserver would reject ${errors.length === 1 ? 'a field' : `${errors.length} fields`} of the PodSecurityPolicies in the request (${names.join(', ')}); invalid policies are never evaluated.`, { errors }),
    );
  }
}
