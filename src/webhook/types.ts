/**
 * Shapes of the admission.k8s.io AdmissionReview as the apiserver sends and reads it (v1 and
 * v1beta1 are field-for-field the same for what we use), and of the webhook's configuration.
 */
import type { PodSecurityPolicy } from '../k8s/types';
import type { PssLevel } from '../pss';

export type ReviewApiVersion = 'admission.k8s.io/v1' | 'admission.k8s.io/v1beta1';

/** Which admission phase this endpoint plays (query `mode`). */
export type WebhookMode = 'validating' | 'mutating';

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** The parts of `request` the webhook reads; the rest is ignored as the apiserver allows. */
export interface ReviewRequest {
  uid: string;
  kind: GroupVersionKind;
  resource: GroupVersionResource;
  subResource: string;
  /** '' when the client relies on generateName (mutating phase of a CREATE). */
  name: string;
  namespace: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
  object: unknown;
  oldObject: unknown;
  dryRun: boolean;
}

/** metav1.Status as Go serialises it (omitempty fields left out). */
export interface ReviewStatus {
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; kind: string };
  code: number;
}

export interface ReviewResponse {
  uid: string;
  allowed: boolean;
  status?: ReviewStatus;
  patchType?: 'JSONPatch';
  /** base64 of the JSON Patch document. */
  patch?: string;
  warnings?: string[];
  auditAnnotations?: Record<string, string>;
}

export interface AdmissionReviewResponse {
  apiVersion: ReviewApiVersion;
  kind: 'AdmissionReview';
  response: ReviewResponse;
}

/** Pod Security Admission configuration: one level+version per mode, as PSA's api.Policy. */
export interface PssPolicy {
  enforce: { level: PssLevel; version: string };
  warn: { level: PssLevel; version: string };
  audit: { level: PssLevel; version: string };
}

export interface WebhookConfig {
  /** undefined: PODSEC_POLICIES unset, PodSecurityPolicy admission off. */
  policies?: readonly PodSecurityPolicy[];
  /** undefined: PODSEC_PSS_LEVEL unset, Pod Security Admission off (all modes privileged). */
  pss?: PssPolicy;
}

/** A configuration that cannot be used; every review the webhook would evaluate is refused. */
export interface WebhookConfigError {
  error: string;
}
