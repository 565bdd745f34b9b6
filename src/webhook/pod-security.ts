/**
 * Pod Security Admission for one review, as pod-security-admission admission/admission.go does it
 * (ValidatePod, ValidatePodController, EvaluatePod; verified at kubernetes/kubernetes master,
 * staging/src/k8s.io/pod-security-admission/admission/admission.go): enforce on pods only,
 * warn and audit on pods and pod templates, nothing when all three modes are privileged.
 */
import type { PodTemplate } from '../k8s/types';
import { aggregateForbidden, evaluatePss, type PssLevel } from '../pss';
import { AUDIT_KEY, PSS_TEXT } from './messages';
import type { PssPolicy } from './types';

export interface PodSecurityResult {
  /** Set when enforce denies: `violates PodSecurity "<level>:<version>": <detail>`. */
  denial?: string;
  warnings: string[];
  auditAnnotations: Record<string, string>;
}

interface Aggregate {
  allowed: boolean;
  detail: string;
}

function levelVersion(mode: { level: PssLevel; version: string }): string {
  return `${mode.level}:${mode.version}`;
}

/**
 * `enforce` is true for pods and false for workloads (PSA never enforces on a template).
 * Results are cached by level:version within one call, as EvaluatePod's cachedResults.
 */
export function evaluatePodSecurity(pod: PodTemplate, policy: PssPolicy, enforce: boolean, isPod: boolean): PodSecurityResult {
  const result: PodSecurityResult = { warnings: [], auditAnnotations: {} };
  const fullyPrivileged = policy.warn.level === 'privileged' && policy.audit.level === 'privileged' && (!enforce || policy.enforce.level === 'privileged');
  if (fullyPrivileged) return result;

  const cached = new Map<string, Aggregate>();
  const evaluate = (mode: { level: PssLevel; version: string }): Aggregate => {
    const key = levelVersion(mode);
    let r = cached.get(key);
    if (r === undefined) {
      const e = evaluatePss(pod, mode.level, mode.version, { isPod });
      r = { allowed: e.allowed, detail: e.allowed ? '' : aggregateForbidden(e.forbidden).detail };
      cached.set(key, r);
    }
    return r;
  };

  if (enforce) {
    result.auditAnnotations[AUDIT_KEY.enforcePolicy] = levelVersion(policy.enforce);
    const r = evaluate(policy.enforce);
    if (!r.allowed) result.denial = PSS_TEXT.violates(levelVersion(policy.enforce), r.detail);
  }
  const audit = evaluate(policy.audit);
  if (!audit.allowed) result.auditAnnotations[AUDIT_KEY.auditViolations] = PSS_TEXT.wouldViolate(levelVersion(policy.audit), audit.detail);
  // PSA adds no warnings to a request it rejects.
  if (result.denial === undefined) {
    const warn = evaluate(policy.warn);
    if (!warn.allowed) result.warnings.push(PSS_TEXT.wouldViolate(levelVersion(policy.warn), warn.detail));
  }
  return result;
}

const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

interface ContainerLike {
  name: string;
  image?: string;
}

/**
 * admission.go isSignificantPodUpdate: only a changed image, a changed container seccomp
 * annotation, or an added or changed ephemeral container makes PSA look at an update again.
 */
export function isSignificantPodUpdate(pod: PodTemplate, oldPod: PodTemplate): boolean {
  const annotations = pod.metadata.annotations;
  const oldAnnotations = oldPod.metadata.annotations;
  const significant = (c: ContainerLike, old: ContainerLike): boolean => {
    if ((c.image ?? '') !== (old.image ?? '')) return true;
    const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name;
    return (annotations?.[key] ?? '') !== (oldAnnotations?.[key] ?? '');
  };
  const lists: Array<[ContainerLike[], ContainerLike[]]> = [
    [pod.spec.containers, oldPod.spec.containers],
    [pod.spec.initContainers ?? [], oldPod.spec.initContainers ?? []],
  ];
  for (const [now, before] of lists) {
    if (now.length !== before.length) return true;
    for (let i = 0; i < now.length; i++) if (significant(now[i]!, before[i]!)) return true;
  }
  const oldEphemeral = oldPod.spec.ephemeralContainers ?? [];
  for (const c of pod.spec.ephemeralContainers ?? []) {
    const old = oldEphemeral.find((o) => o.name === c.name);
    if (old === undefined || significant(c, old)) return true;
  }
  return false;
}
