/**
 * Workloads under migration: which PSP admits each one today, which Pod Security Standards level
 * admits it as submitted, and the namespace labels that keep every supplied workload admitted.
 */
import type { PodSecurityPolicy } from '../k8s/types';
import { admitPod, type JsonPatchOp } from '../psp';
import { ANNOTATION } from '../psp/fields';
import { escapePointerToken } from '../psp/json-patch';
import { evaluatePss, PSS_LEVELS, resolvePssVersion, type PssLevel } from '../pss';
import type { MigrationWorkloadInput, NamespaceRecommendation, WorkloadMigration } from './types';

/** Namespace labels of the PodSecurity admission plugin. */
export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
export const ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';
/** Where a workload without a namespace would be created (kubectl's default context namespace). */
export const DEFAULT_NAMESPACE = 'default';

const PSP_ANNOTATION_PATH = `/metadata/annotations/${escapePointerToken(ANNOTATION.validatedPsp)}`;

/**
 * The admission patch without the `kubernetes.io/psp` bookkeeping annotation: only what the policy
 * changed in the pod. When the pod had no annotations the patch adds the whole map; the
 * annotation is taken out of that value (and the op dropped if nothing else remains).
 */
function policyChanges(patch: readonly JsonPatchOp[]): JsonPatchOp[] {
  const out: JsonPatchOp[] = [];
  for (const op of patch) {
    if (op.path === PSP_ANNOTATION_PATH) continue;
    if (op.path === '/metadata/annotations' && op.op === 'add' && typeof op.value === 'object' && op.value !== null) {
      const rest: Record<string, unknown> = { ...(op.value as Record<string, unknown>) };
      delete rest[ANNOTATION.validatedPsp];
      if (Object.keys(rest).length > 0) out.push({ ...op, value: rest });
      continue;
    }
    out.push(op);
  }
  return out;
}

function levelIndex(level: PssLevel): number {
  return PSS_LEVELS.indexOf(level);
}

/**
 * The enforce-version label: a pinned `v1.N` request is kept as is (the user chose that policy
 * version); `latest` is pinned to the version it resolved to, so the recommendation does not
 * tighten silently when Kubernetes adds policy versions.
 */
export function enforceVersionFor(version: string): string {
  return version === 'latest' ? resolvePssVersion(version) : version;
}

export function migrateWorkloads(
  workloads: MigrationWorkloadInput[],
  policies: PodSecurityPolicy[],
  version: string,
): { workloads: WorkloadMigration[]; namespaces: NamespaceRecommendation[] } {
  const enforceVersion = enforceVersionFor(version); // validates the version (RangeError)
  const results: WorkloadMigration[] = [];
  const byNamespace = new Map<string, { count: number; level: PssLevel }>();

  for (const w of workloads) {
    const admission = admitPod({
      pod: w.template,
      policies,
      operation: 'CREATE',
      ...(w.isPod && w.name !== null ? { podName: w.name } : {}),
    });
    const opts = { isPod: w.isPod };
    const baseline = evaluatePss(w.template, 'baseline', version, opts);
    const restricted = baseline.allowed ? evaluatePss(w.template, 'restricted', version, opts) : undefined;
    const minimumLevel: PssLevel = !baseline.allowed ? 'privileged' : restricted!.allowed ? 'restricted' : 'baseline';
    results.push({
      admittedBy: admission.allowed ? admission.policy : null,
      admissionReason: admission.allowed ? null : (admission.reason ?? null),
      mutations: admission.allowed ? policyChanges(admission.patch) : [],
      minimumLevel,
      nextLevelViolation: !baseline.allowed ? baseline.message : (restricted!.message ?? null),
    });

    const ns = w.namespace ?? DEFAULT_NAMESPACE;
    const entry = byNamespace.get(ns);
    if (entry === undefined) byNamespace.set(ns, { count: 1, level: minimumLevel });
    else {
      entry.count++;
      if (levelIndex(minimumLevel) < levelIndex(entry.level)) entry.level = minimumLevel;
    }
  }

  const namespaces: NamespaceRecommendation[] = [...byNamespace.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((namespace) => {
      const { count, level } = byNamespace.get(namespace)!;
      return {
        namespace,
        labels: { [ENFORCE_LABEL]: level, [ENFORCE_VERSION_LABEL]: enforceVersion },
        workloads: count,
        minimumLevel: level,
      };
    });
  return { workloads: results, namespaces };
}
