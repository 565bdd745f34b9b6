/**
 * How an admission decision is shown for a pod-bearing object (the `AdmissionResult` schema).
 * Shared by POST /v1/admission and POST /v1/evaluate. Pure: no HTTP, only shapes.
 */
import type { ObjectRef, PodBearingObject } from '../ingest';
import type { AdmissionResult } from '../psp';

/** The `AdmissionResult` answer (schema: src/http/schemas/psp.ts, checked against this type there). */
export interface AdmissionResultBody {
  object?: ObjectRef;
  allowed: boolean;
  policy: string | null;
  pod?: Record<string, unknown>;
  patch: AdmissionResult['patch'];
  reason?: string;
  evaluations: AdmissionResult['evaluations'];
  auditAnnotations?: Record<string, string>;
}

/** The pod a controller would create is named from the template, else after its owner. */
export function podNameOf(p: PodBearingObject): string {
  const meta = p.template.metadata;
  return meta.name ?? meta.generateName ?? p.ref.name ?? '';
}

/** For a Pod, the admitted pod is the whole object; for a workload, its pod template. */
export function admissionBody(p: PodBearingObject, r: AdmissionResult): Omit<AdmissionResultBody, 'object'> {
  const body: Omit<AdmissionResultBody, 'object'> = { allowed: r.allowed, policy: r.policy, patch: r.patch, evaluations: r.evaluations };
  if (r.pod) body.pod = p.isPod ? { ...p.object, metadata: r.pod.metadata, spec: r.pod.spec } : { metadata: r.pod.metadata, spec: r.pod.spec };
  if (r.reason !== undefined) body.reason = r.reason;
  if (r.auditAnnotations) body.auditAnnotations = r.auditAnnotations;
  return body;
}
