/**
 * Which objects the engines evaluate (spec cis-5.2 §4.1, psp-admission §1). Adding a pod-bearing
 * kind = adding one row.
 */

export interface PodBearingKind {
  kind: string;
  /** API groups it is served from, any version ('' = core `v1`), incl. legacy extensions/apps/batch betas. */
  groups: readonly string[];
  /** Where the pod template ({metadata, spec}) sits; [] = the object itself is the pod. */
  templatePath: readonly string[];
}

export const POD_BEARING_KINDS: ReadonlyMap<string, PodBearingKind> = new Map(
  (
    [
      { kind: 'Pod', groups: [''], templatePath: [] },
      { kind: 'PodTemplate', groups: [''], templatePath: ['template'] },
      { kind: 'ReplicationController', groups: [''], templatePath: ['spec', 'template'] },
      { kind: 'ReplicaSet', groups: ['apps', 'extensions'], templatePath: ['spec', 'template'] },
      { kind: 'Deployment', groups: ['apps', 'extensions'], templatePath: ['spec', 'template'] },
      { kind: 'DaemonSet', groups: ['apps', 'extensions'], templatePath: ['spec', 'template'] },
      { kind: 'StatefulSet', groups: ['apps'], templatePath: ['spec', 'template'] },
      { kind: 'Job', groups: ['batch'], templatePath: ['spec', 'template'] },
      { kind: 'CronJob', groups: ['batch'], templatePath: ['spec', 'jobTemplate', 'spec', 'template'] },
    ] satisfies PodBearingKind[]
  ).map((k) => [k.kind, k]),
);

export const POLICY_KIND = 'PodSecurityPolicy';
/** PodSecurityPolicy was served as policy/v1beta1 and, before 1.16 removed it, extensions/v1beta1. */
export const POLICY_API_VERSIONS: ReadonlySet<string> = new Set(['policy/v1beta1', 'extensions/v1beta1']);

/** `apps/v1` → `apps`; `v1` → '' (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** A kind ending in `List` with an `items` array is expanded (kubectl does the same). */
export function isListKind(kind: string): boolean {
  return kind.endsWith('List');
}

/** Why an object is not evaluated. */
export const SKIP_REASONS = {
  notMapping: 'document is not a mapping',
  nullItem: 'list item is null',
  nestedList: 'a List inside a List is not expanded',
  noKind: 'object has no kind',
  noApiVersion: 'object has no apiVersion',
  notPodBearing: (kind: string) => `kind ${kind} has no pod spec to evaluate`,
  foreignGroup: (kind: string, apiVersion: string) => `${kind} in ${apiVersion} is not the Kubernetes ${kind}`,
  noTemplate: (kind: string, path: string) => `${kind} has no ${path}`,
  policyVersion: (apiVersion: string) =>
    `PodSecurityPolicy is read from policy/v1beta1 and extensions/v1beta1, not ${apiVersion}`,
} as const;
