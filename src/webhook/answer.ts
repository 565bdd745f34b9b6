/**
 * One AdmissionReview in, one AdmissionReview out: the decision the PodSecurityPolicy plugin and
 * Pod Security Admission would have taken for the request, in the phase this endpoint plays.
 *
 * - mode `mutating`: the PSP plugin's mutating phase. CREATE of a pod (no subresource) is
 *   admitted with the chosen policy's changes as a JSON Patch, or denied. Nothing else is looked at.
 * - mode `validating` (default; never returns a patch, which a validating webhook may not):
 *   PSA (enforce on pods, warn and audit on pods and workloads), then the PSP plugin's validating
 *   phase on pods. As in the apiserver's plugin order, PodSecurity runs before PodSecurityPolicy
 *   and the first denial ends the request. Workloads are never denied: PSA only warns on them and
 *   PSP never saw them, so PSP's verdict on their pod template is a warning.
 */
import { IngestError, readObject, type PodBearingObject, type ReadLimits } from '../ingest';
import { podNameFromMetadata, rejectionText } from '../psp';
import { isConfigError } from './config';
import { AUDIT_KEY, WEBHOOK_TEXT } from './messages';
import { evaluatePodSecurity, isSignificantPodUpdate } from './pod-security';
import { admitPhase, validatePhase } from './pod-security-policy';
import { PSS_IGNORED_POD_SUBRESOURCES, resourceRole } from './resources';
import { encodePatch, failureStatus, forbiddenPodStatus, refuseReview, review } from './respond';
import { parseAdmissionReview } from './review';
import type { AdmissionReviewResponse, ReviewRequest, ReviewResponse, WebhookConfig, WebhookConfigError, WebhookMode } from './types';

export interface ReviewOptions {
  /** The `mode` query parameter as sent; undefined = validating. */
  mode?: string;
  config: WebhookConfig | WebhookConfigError;
  limits?: Partial<ReadLimits>;
}

const MODES: ReadonlySet<string> = new Set<WebhookMode>(['validating', 'mutating']);

/** Never throws: every input, however malformed, gets a well-formed AdmissionReview. */
export function answerAdmissionReview(body: unknown, options: ReviewOptions): AdmissionReviewResponse {
  const parsed = parseAdmissionReview(body);
  if (!parsed.ok) return refuseReview(parsed.apiVersion, parsed.uid, 'badRequest', parsed.message);
  const { apiVersion, request } = parsed;
  const mode = options.mode ?? 'validating';
  if (!MODES.has(mode)) return refuseReview(apiVersion, request.uid, 'badRequest', WEBHOOK_TEXT.badMode(mode));
  try {
    return review(apiVersion, decide(request, mode as WebhookMode, options));
  } catch (e) {
    if (e instanceof IngestError) {
      return refuseReview(apiVersion, request.uid, e.status === 413 ? 'tooLarge' : 'badRequest', `malformed AdmissionReview: ${e.detail}`);
    }
    // A bug must not become the apiserver's failurePolicy: refuse, without internals.
    return refuseReview(apiVersion, request.uid, 'internal', WEBHOOK_TEXT.unexpected);
  }
}

function decide(request: ReviewRequest, mode: WebhookMode, options: ReviewOptions): ReviewResponse {
  const allowed: ReviewResponse = { uid: request.uid, allowed: true };
  if (request.operation !== 'CREATE' && request.operation !== 'UPDATE') return allowed;
  const role = resourceRole(request.resource.group, request.resource.resource);
  if (role === undefined) return allowed;
  const sub = request.subResource;
  const config = options.config;

  if (role === 'workload') {
    // PSA skips workload subresources (scale, status); PSP never looked at workloads.
    if (sub !== '' || mode === 'mutating') return allowed;
    if (isConfigError(config)) {
      return { ...allowed, warnings: [WEBHOOK_TEXT.misconfiguredWorkload(config.error)], auditAnnotations: { [AUDIT_KEY.error]: config.error } };
    }
    return answerWorkload(request, config, options);
  }

  const pspApplies = sub === '';
  const pssApplies = mode === 'validating' && !PSS_IGNORED_POD_SUBRESOURCES.has(sub);
  if (!pspApplies && !pssApplies) return allowed;
  if (mode === 'mutating' && request.operation !== 'CREATE') return allowed; // Admit ignores updates.
  if (isConfigError(config)) {
    // PSA fails closed for pods (internal error response); so do we, for PSP and PSS alike.
    return { uid: request.uid, allowed: false, status: failureStatus('internal', WEBHOOK_TEXT.misconfigured(config.error)) };
  }
  const usePsp = pspApplies && config.policies !== undefined;
  const usePss = pssApplies && config.pss !== undefined;
  if (!usePsp && !usePss) return allowed;

  const pod = readPod(request.object, 'request.object', options);
  const oldPod = request.operation === 'UPDATE' ? readPod(request.oldObject, 'request.oldObject', options) : undefined;
  const podName = pspPodName(request, pod);

  if (mode === 'mutating') {
    const r = admitPhase(pod.template, config.policies!, podName);
    if (!r.allowed) return { uid: request.uid, allowed: false, status: pspForbidden(podName, r.reason!) };
    const out: ReviewResponse = { ...allowed, auditAnnotations: { [AUDIT_KEY.admitPolicy]: r.policy! } };
    if (r.patch.length > 0) Object.assign(out, encodePatch(r.patch));
    return out;
  }

  const warnings: string[] = [];
  const auditAnnotations: Record<string, string> = {};
  if (usePss && (oldPod === undefined || isSignificantPodUpdate(pod.template, oldPod.template))) {
    const pss = evaluatePodSecurity(pod.template, config.pss!, true, true);
    Object.assign(auditAnnotations, pss.auditAnnotations);
    if (pss.denial !== undefined) {
      return withExtras({ uid: request.uid, allowed: false, status: forbiddenPodStatus(request.name, pss.denial) }, warnings, auditAnnotations);
    }
    warnings.push(...pss.warnings);
  }
  if (usePsp) {
    const r = validatePhase(pod.template, oldPod?.template, config.policies!, podName);
    if (!r.allowed) return withExtras({ uid: request.uid, allowed: false, status: pspForbidden(podName, r.reason!) }, warnings, auditAnnotations);
    if (r.policy !== null) auditAnnotations[AUDIT_KEY.validatePolicy] = r.policy;
  }
  return withExtras(allowed, warnings, auditAnnotations);
}

function answerWorkload(request: ReviewRequest, config: WebhookConfig, options: ReviewOptions): ReviewResponse {
  const allowed: ReviewResponse = { uid: request.uid, allowed: true };
  if (config.pss === undefined && config.policies === undefined) return allowed;
  const workload = readPod(request.object, 'request.object', options);
  const warnings: string[] = [];
  const auditAnnotations: Record<string, string> = {};
  if (config.pss !== undefined) {
    const pss = evaluatePodSecurity(workload.template, config.pss, false, false);
    warnings.push(...pss.warnings);
    Object.assign(auditAnnotations, pss.auditAnnotations);
  }
  if (config.policies !== undefined) {
    // The controller creates the pods: the plugin would run its mutating phase on each of them.
    const r = admitPhase(workload.template, config.policies, '');
    if (!r.allowed) warnings.push(WEBHOOK_TEXT.workloadPspWarning(request.kind.kind, rejectionText(r.reason!, '')));
  }
  return withExtras(allowed, warnings, auditAnnotations);
}

function withExtras(response: ReviewResponse, warnings: string[], auditAnnotations: Record<string, string>): ReviewResponse {
  if (warnings.length > 0) response.warnings = warnings;
  if (Object.keys(auditAnnotations).length > 0) response.auditAnnotations = auditAnnotations;
  return response;
}

/**
 * admission.NewForbidden's name (extractResourceName): the request's name, else (before the
 * apiserver generates one) the object's name, generateName, or `Unknown`.
 */
function pspPodName(request: ReviewRequest, pod: PodBearingObject): string {
  return request.name !== '' ? request.name : podNameFromMetadata(pod.template.metadata);
}

/** The engine's reason is already `pods "<name>" is forbidden: PodSecurityPolicy: ...`. */
function pspForbidden(podName: string, reason: string): ReturnType<typeof failureStatus> {
  return failureStatus('forbidden', reason, { name: podName, kind: 'pods' });
}

function readPod(value: unknown, path: string, options: ReviewOptions): PodBearingObject {
  if (value === undefined) {
    throw new IngestError(400, 'Malformed AdmissionReview', `${path}: required for this operation`, [{ path, message: 'required' }]);
  }
  const r = readObject(value, path, { expect: 'pod', ...(options.limits ? { limits: options.limits } : {}) });
  return (r as { pod: PodBearingObject }).pod;
}
