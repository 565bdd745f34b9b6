/**
 * Public result types of the PSP admission engine and the internal shapes the provider and the
 * strategies share.
 */
import type { FieldErrorType } from '../k8s/field-error';
import type { Container, PodSecurityPolicy, PodTemplate } from '../k8s/types';
import type { PodDraft } from './pod-draft';

export interface PspViolation {
  field: string;
  type: FieldErrorType;
  value?: string;
  detail: string;
  /** The whole rendered field error, exactly as Kubernetes prints it. */
  message: string;
}

export interface PolicyEvaluation {
  policy: string;
  usable: boolean;
  /** The policy's validation of its own mutated copy produced no error. */
  allowed: boolean;
  /** The policy's mutated copy differs (semantically, §3.4) from the pod. */
  mutating: boolean;
  violations: PspViolation[];
  providerError?: string;
  skipped?: 'mutation-not-allowed' | 'provider-error' | 'not-usable';
}

export type JsonPatchOp = { op: 'add' | 'remove' | 'replace'; path: string; value?: unknown };

export interface AdmissionInput {
  /** As submitted (metadata + spec); NOT yet defaulted. */
  pod: PodTemplate;
  /** Already validated as objects; PSP defaulting (§1.3) is applied here. */
  policies: PodSecurityPolicy[];
  operation?: 'CREATE' | 'UPDATE';
  /** UPDATE only (ignored-update rule §3.1). */
  oldPod?: PodTemplate;
  /** undefined = every policy usable. */
  usablePolicies?: string[];
  /** Name used in `pods "<name>" is forbidden`. */
  podName?: string;
}

export interface AdmissionResult {
  allowed: boolean;
  policy: string | null;
  pod?: PodTemplate;
  patch: JsonPatchOp[];
  reason?: string;
  evaluations: PolicyEvaluation[];
  auditAnnotations?: Record<string, string>;
}

/** Which container list a container sits in; also its field-path segment. */
export type ContainerKind = 'initContainers' | 'containers' | 'ephemeralContainers';

/**
 * One strategy of a policy, compiled once per policy. `compile` returns undefined when the strategy
 * does nothing for this policy (so the provider skips it) and throws ProviderError for the §3.2
 * build failures.
 */
export interface PspStrategy<C> {
  id: string;
  compile(psp: PodSecurityPolicy): C | undefined;
  mutatePod?(compiled: C, draft: PodDraft): void;
  mutateContainer?(compiled: C, draft: PodDraft, kind: ContainerKind, index: number): void;
  validatePod?(compiled: C, pod: PodTemplate, errs: PspViolation[]): void;
  /** `path` is the container's field path, e.g. `spec.initContainers[0]`. */
  validateContainer?(compiled: C, pod: PodTemplate, container: Container, path: string, errs: PspViolation[]): void;
}

/** A §3.2 provider-construction failure (the policy is silently ignored by admission). */
export class ProviderError extends Error {}
