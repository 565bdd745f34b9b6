import type { ObjectMeta, PodSpec } from '../k8s/types';

/** Pod Security Standards levels, least to most restrictive (api.Level in the library). */
export type PssLevel = 'privileged' | 'baseline' | 'restricted';

/** Levels a check can belong to: `privileged` has no checks. */
export type PssCheckLevel = Exclude<PssLevel, 'privileged'>;

/**
 * Result of one check on one pod (policy.CheckResult). A forbidden result carries the reason
 * (e.g. `host namespaces`) and the detail (e.g. `hostNetwork=true`).
 */
export type CheckResult =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string; readonly detail: string };

/** One versioned implementation of a check (policy.CheckPodFn). Pure; must not mutate its input. */
export type CheckPodFn = (meta: ObjectMeta, spec: PodSpec) => CheckResult;
