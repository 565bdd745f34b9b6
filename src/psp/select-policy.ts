/**
 * Policy selection (§3.2–§3.6; admission.go computeSecurityContext): every provider, in order,
 * mutates a copy of the pod and validates it. The first usable policy that admits the pod without
 * changing it wins; otherwise (create only) the first usable policy that admits it after mutating.
 */
import type { PodSecurityPolicy, PodTemplate } from '../k8s/types';
import type { Provider } from './provider';
import { semanticEqual } from './semantic-equal';
import type { PolicyEvaluation } from './types';

/** Byte-wise order (policy names are DNS subdomains, i.e. ASCII, so UTF-16 order is byte order). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * §3.2 step 2: stable sort by name; on the validation pass (no mutation) the policy named by the
 * pod's `kubernetes.io/psp` annotation goes first.
 */
export function orderPolicies(policies: readonly PodSecurityPolicy[], hint: string | undefined): PodSecurityPolicy[] {
  const out = policies.slice();
  if (out.length > INSERTION_SORT_MAX) return out.sort((a, b) => comparePolicies(a, b, hint));
  // Insertion sort moving only past strictly greater elements: stable, so the same order as the
  // built-in (stable) sort with this comparator, without its temporary copy and closure per call.
  for (let i = 1; i < out.length; i++) {
    const p = out[i]!;
    let j = i - 1;
    while (j >= 0 && comparePolicies(out[j]!, p, hint) > 0) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = p;
  }
  return out;
}

/** Requests with up to this many policies are ordered by insertion (quadratic past that). */
const INSERTION_SORT_MAX = 32;

/** The hinted policy first, then byte-wise by name. */
function comparePolicies(a: PodSecurityPolicy, b: PodSecurityPolicy, hint: string | undefined): number {
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  if (hint !== undefined) {
    if (na === hint && nb !== hint) return -1;
    if (nb === hint && na !== hint) return 1;
  }
  return compareNames(na, nb);
}

export interface SelectionOptions {
  /** CREATE (mutating phase): true. UPDATE / validation pass: false. */
  mutationAllowed: boolean;
  isUsable(name: string): boolean;
}

export interface Selection {
  /** The admitting policy and its (possibly mutated) copy of the pod. */
  winner?: { name: string; pod: PodTemplate; mutating: boolean };
  /** In the order the plugin considered the policies (evaluation stops at a non-mutating winner). */
  evaluations: PolicyEvaluation[];
  /**
   * Errors of the usable policies that rejected the pod, rendered (formatFieldError, the same
   * strings as the violations' `message`), concatenated in evaluation order.
   * Kubernetes concatenates them in Go map order, i.e. randomly across policies (§3.6, §10.7);
   * within one policy the order is §5.1's.
   */
  errorMessages: string[];
  /** No provider could be built (§3.2 step 4). */
  noProviders: boolean;
}

export function selectPolicy(providers: readonly Provider[], pod: PodTemplate, opts: SelectionOptions): Selection {
  const evaluations: PolicyEvaluation[] = [];
  const errorMessages: string[] = [];
  if (!providers.some((p) => p.error === undefined)) {
    for (const p of providers) evaluations.push(providerErrorEvaluation(p, opts));
    return { evaluations, errorMessages, noProviders: true };
  }
  let mutatingWinner: Selection['winner'];
  for (const provider of providers) {
    if (provider.error !== undefined) {
      evaluations.push(providerErrorEvaluation(provider, opts));
      continue;
    }
    const copy = provider.mutate(pod);
    const errs = provider.validate(copy);
    const mutating = copy !== pod && !semanticEqual(pod, copy);
    const usable = opts.isUsable(provider.name);
    // Strategies build the violations themselves (fields.ts), fresh per validate call.
    const violations = errs;
    const evaluation: PolicyEvaluation = {
      policy: provider.name,
      usable,
      allowed: errs.length === 0,
      mutating,
      violations,
    };
    evaluations.push(evaluation);
    if (errs.length > 0) {
      // Recorded now, reported only if the policy is usable (§3.6).
      if (usable) for (let i = 0; i < violations.length; i++) errorMessages.push(violations[i]!.message);
      else evaluation.skipped = 'not-usable';
      continue;
    }
    if (mutating && !opts.mutationAllowed) {
      // Skipped without any error (§10.3).
      evaluation.skipped = 'mutation-not-allowed';
      continue;
    }
    if (!usable) {
      evaluation.skipped = 'not-usable';
      continue;
    }
    if (!mutating) return { winner: { name: provider.name, pod: copy, mutating: false }, evaluations, errorMessages: [], noProviders: false };
    mutatingWinner ??= { name: provider.name, pod: copy, mutating: true };
  }
  if (mutatingWinner !== undefined) return { winner: mutatingWinner, evaluations, errorMessages: [], noProviders: false };
  return { evaluations, errorMessages, noProviders: false };
}

function providerErrorEvaluation(p: Provider, opts: SelectionOptions): PolicyEvaluation {
  return {
    policy: p.name,
    usable: opts.isUsable(p.name),
    allowed: false,
    mutating: false,
    violations: [],
    providerError: p.error!,
    skipped: 'provider-error',
  };
}
