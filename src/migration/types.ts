/**
 * Public result types of the PSP → Pod Security Standards migration engine, and the shapes the
 * rule and mutation tables share.
 */
import type { PodSecurityPolicySpec, PodTemplate } from '../k8s/types';
import type { JsonPatchOp } from '../psp';
import type { PssLevel } from '../pss';

/** A level that has checks (a gap always blocks baseline or restricted). */
export type MigrationGapLevel = 'baseline' | 'restricted';

export interface MigrationGap {
  /** The PSP field responsible, as written in the PSP (`seLinux`, `hostPorts`, an annotation path, or `(no PSP field)`). */
  field: string;
  /** The Pod Security Standards check ID the gap fails (`seLinuxOptions`). */
  check: string;
  /** The level of that check: the lowest level the gap keeps the policy from guaranteeing. */
  level: MigrationGapLevel;
  message: string;
}

export interface MigrationMutation {
  /** The pod field the policy fills in (what workloads must now set themselves). */
  field: string;
  /** The value the policy writes. */
  default: unknown;
  message: string;
}

export interface PolicyMigration {
  policy: string;
  guaranteedLevel: PssLevel;
  closestLevel: PssLevel;
  gaps: MigrationGap[];
  mutations: MigrationMutation[];
}

export interface WorkloadMigration {
  /** The PSP that admits the workload's pod today (CREATE, every policy usable), or null. */
  admittedBy: string | null;
  /** The PSP rejection (`pods "<name>" is forbidden: PodSecurityPolicy: …`) when none admits it, else null. */
  admissionReason: string | null;
  /**
   * What the admitting PSP changes in the pod (RFC 6902 against the submitted pod, without the
   * `kubernetes.io/psp` annotation): fields the workload must set itself once PSP is gone.
   */
  mutations: JsonPatchOp[];
  /** The most restrictive Pod Security Standards level that admits the workload as submitted. */
  minimumLevel: PssLevel;
  /**
   * Why the next stricter level rejects it (`violates PodSecurity "restricted:latest": …`), or
   * null when restricted admits it.
   */
  nextLevelViolation: string | null;
}

export interface NamespaceRecommendation {
  namespace: string;
  /** `pod-security.kubernetes.io/enforce` and `pod-security.kubernetes.io/enforce-version`. */
  labels: Record<string, string>;
  /** How many supplied workloads the namespace holds. */
  workloads: number;
  /** The least restrictive minimum level among them (what `enforce` is set to). */
  minimumLevel: PssLevel;
}

export interface MigrationWorkloadInput {
  namespace: string | null;
  name: string | null;
  template: PodTemplate;
  /** A Pod (not a workload's template): enables the API server's hostNetwork → hostPort defaulting in PSS. */
  isPod: boolean;
}

/**
 * The (defaulted, §1.3) policy as the rules read it: the spec plus the annotation-borne fields,
 * split once. Allow-lists are split on `,` without trimming, exactly as the PSP strategies do.
 */
export interface PolicyView {
  readonly name: string;
  readonly spec: PodSecurityPolicySpec;
  /** Whether the submitted policy set `allowPrivilegeEscalation` (before defaulting to true). */
  readonly allowPrivilegeEscalationSet: boolean;
  readonly seccompAllowedText: string | undefined;
  readonly seccompAllowed: readonly string[] | undefined;
  readonly seccompDefault: string | undefined;
  readonly appArmorAllowedText: string | undefined;
  readonly appArmorAllowed: readonly string[] | undefined;
  readonly appArmorDefault: string | undefined;
}

/**
 * One row of the migration table: a PSP field and the Pod Security Standards check it bears on.
 * `closes` says whether every pod the policy admits (after its own mutation) passes the check
 * as far as this field is concerned; `gap` explains, naming the field and its value, why not.
 */
export interface MigrationRule {
  /** Unique, stable rule ID (`seLinux.userRole`). */
  readonly id: string;
  readonly field: string;
  readonly check: string;
  readonly level: MigrationGapLevel;
  /** First policy version where the rule matters (the check's first version). */
  readonly since: string;
  /** When the PSP closes the gap, in words (rendered in the README table). */
  readonly closedWhen: string;
  readonly closes: (p: PolicyView, minor: number) => boolean;
  readonly gap: (p: PolicyView, minor: number) => string;
}
