/**
 * PodSecurityPolicy admission of one pod (§3), statelessly.
 *
 * Decisions (see also the report in the project docs):
 * - CREATE returns the result of the plugin's mutating phase (Admit); the later validating pass is
 *   not re-run (it only disagrees in the 1.19.0–1.19.3 seccomp sync case, §3.5).
 * - The §2.1 API defaults are applied for evaluation but NOT written back: the returned `pod` is the
 *   submitted pod plus exactly the policy's mutations and the `kubernetes.io/psp` annotation, and
 *   `patch` turns the submitted pod into it.
 * - UPDATE never changes the pod (the plugin's validating phase only); hint = the pod's own
 *   `kubernetes.io/psp` annotation; audit key `…/validate-policy`; denial prefix `unable to validate pod`.
 * - Evaluations stop at a non-mutating winner, like the plugin's loop.
 */
import { goQuote } from '../k8s/field-error';
import type { ObjectMeta, PodTemplate } from '../k8s/types';
import { ANNOTATION, AUDIT_ANNOTATION, REJECTION } from './fields';
import { carryChanges, diffJson } from './json-patch';
import { applyPodDefaults } from './pod-defaults';
import { providerFor } from './provider';
import { orderPolicies, selectPolicy } from './select-policy';
import { semanticEqual } from './semantic-equal';
import type { AdmissionInput, AdmissionResult } from './types';

/**
 * The name in `pods "<name>" is forbidden` (admission.NewForbidden / extractResourceName): the
 * name if non-empty, else generateName if non-empty, else `Unknown`.
 */
export function forbiddenPodName(input: AdmissionInput): string {
  return input.podName ?? podNameFromMetadata(input.pod.metadata);
}

/** extractResourceName on the object itself: name, else generateName, else `Unknown`. */
export function podNameFromMetadata(meta: ObjectMeta): string {
  if (meta.name !== undefined && meta.name !== '') return meta.name;
  if (meta.generateName !== undefined && meta.generateName !== '') return meta.generateName;
  return 'Unknown';
}

function forbidden(name: string, text: string): string {
  return `pods ${goQuote(name)} is forbidden: ${text}`;
}

/**
 * The plugin's own text of a rejection `reason` (`PodSecurityPolicy: unable to admit pod: [...]`),
 * without the `pods "<name>" is forbidden: ` that admission.NewForbidden put around it: callers
 * that word the denial themselves (the webhook's warnings on workloads) take it from here.
 */
export function rejectionText(reason: string, podName: string): string {
  const head = forbidden(podName, '');
  return reason.startsWith(head) ? reason.slice(head.length) : reason;
}

/**
 * rbac IsOnlyMutatingGCFields (§3.1): the update changes nothing but ownerReferences, finalizers
 * and selfLink (or nothing at all), compared semantically.
 */
export function isOnlyGcFieldUpdate(pod: PodTemplate, oldPod: PodTemplate): boolean {
  const meta: ObjectMeta = { ...pod.metadata };
  for (const key of ['ownerReferences', 'finalizers', 'selfLink'] as const) {
    if (oldPod.metadata[key] === undefined) delete meta[key];
    else meta[key] = oldPod.metadata[key];
  }
  return semanticEqual({ ...pod, metadata: meta }, oldPod);
}

export function admitPod(input: AdmissionInput): AdmissionResult {
  const operation = input.operation ?? 'CREATE';
  const mutationAllowed = operation === 'CREATE';
  const pod = applyPodDefaults(input.pod);

  if (!mutationAllowed && input.oldPod !== undefined && isOnlyGcFieldUpdate(pod, applyPodDefaults(input.oldPod))) {
    return { allowed: true, policy: null, pod: input.pod, patch: [], evaluations: [] };
  }

  const hint = mutationAllowed ? undefined : pod.metadata.annotations?.[ANNOTATION.validatedPsp];
  const providers = orderPolicies(input.policies, hint).map(providerFor);
  const usable = input.usablePolicies === undefined ? undefined : new Set(input.usablePolicies);
  const selection = selectPolicy(providers, pod, {
    mutationAllowed,
    isUsable: (name) => usable === undefined || usable.has(name),
  });

  if (selection.noProviders) {
    return {
      allowed: false,
      policy: null,
      patch: [],
      reason: forbidden(forbiddenPodName(input), REJECTION.noProviders),
      evaluations: selection.evaluations,
    };
  }

  const winner = selection.winner;
  if (winner === undefined) {
    const prefix = mutationAllowed ? REJECTION.admit : REJECTION.validate;
    const list = `[${joinAsRope(selection.errorMessages, ' ')}]`;
    return {
      allowed: false,
      policy: null,
      patch: [],
      reason: forbidden(forbiddenPodName(input), prefix + list),
      evaluations: selection.evaluations,
    };
  }

  if (!mutationAllowed) {
    return {
      allowed: true,
      policy: winner.name,
      pod: input.pod,
      patch: [],
      evaluations: selection.evaluations,
      auditAnnotations: { [AUDIT_ANNOTATION.validatePolicy]: winner.name },
    };
  }

  const mutated = carryChanges(input.pod, pod, winner.pod) as PodTemplate;
  const admitted: PodTemplate = {
    ...mutated,
    metadata: { ...mutated.metadata, annotations: { ...mutated.metadata.annotations, [ANNOTATION.validatedPsp]: winner.name } },
  };
  return {
    allowed: true,
    policy: winner.name,
    pod: admitted,
    patch: diffJson(input.pod, admitted),
    evaluations: selection.evaluations,
    auditAnnotations: { [AUDIT_ANNOTATION.admitPolicy]: winner.name },
  };
}

/**
 * `parts.join(sep)` as a rope: each `+` makes a cons string that points at its two halves, so
 * nothing is copied until the string is read or written out. V8 puts a flat string past 128 KiB
 * in its large-object space, one fresh memory mapping per string (~0.7 ms in Node on these
 * machines for the 139 KB reason of the bench's 100 PSP × 10 container pod: page faults). A
 * joined list was made flat twice: by the join, then again by JSON.stringify, once wrapped in its
 * prefix and brackets. A rope is made flat once, when it is written out (docs/performance.md,
 * round 10). Flattening recurses only into the shorter half, so a long left-deep rope is safe.
 */
export function joinAsRope(parts: readonly string[], sep: string): string {
  let out = parts.length === 0 ? '' : parts[0]!;
  for (let i = 1; i < parts.length; i++) out = out + sep + parts[i]!;
  return out;
}
