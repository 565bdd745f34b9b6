/**
 * Building AdmissionReview answers: allowed, refused (metav1.Status as the apiserver's error
 * helpers build it), and the base64 JSON Patch of a mutation.
 */
import { goQuote } from '../k8s/field-error';
import type { JsonPatchOp } from '../psp';
import { PATCH_TYPE, REVIEW_KIND, STATUS } from './messages';
import type { AdmissionReviewResponse, ReviewApiVersion, ReviewResponse, ReviewStatus } from './types';

export type StatusKind = keyof typeof STATUS;

export function review(apiVersion: ReviewApiVersion, response: ReviewResponse): AdmissionReviewResponse {
  return { apiVersion, kind: REVIEW_KIND, response };
}

export function failureStatus(kind: StatusKind, message: string, details?: ReviewStatus['details']): ReviewStatus {
  const s = STATUS[kind];
  const status: ReviewStatus = { metadata: {}, status: 'Failure', message, reason: s.reason, code: s.code };
  if (details !== undefined) status.details = details;
  return status;
}

/** A review the webhook could not evaluate: refused, with the uid when it was readable. */
export function refuseReview(apiVersion: ReviewApiVersion, uid: string, kind: StatusKind, message: string): AdmissionReviewResponse {
  return review(apiVersion, { uid, allowed: false, status: failureStatus(kind, message) });
}

/**
 * apierrors.NewForbidden(pods, name, err): `pods "<name>" is forbidden: <text>`, or
 * `pods is forbidden: <text>` when the name is empty; details name the pod and the resource.
 */
export function forbiddenPodStatus(name: string, text: string): ReviewStatus {
  const message = name === '' ? `pods is forbidden: ${text}` : `pods ${goQuote(name)} is forbidden: ${text}`;
  return failureStatus('forbidden', message, name === '' ? { kind: 'pods' } : { name, kind: 'pods' });
}

const encoder = new TextEncoder();

/** base64 of the UTF-8 JSON text (what Go's []byte field `patch` is on the wire). */
export function encodePatch(ops: readonly JsonPatchOp[]): { patchType: typeof PATCH_TYPE; patch: string } {
  const bytes = encoder.encode(JSON.stringify(ops));
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { patchType: PATCH_TYPE, patch: btoa(binary) };
}
