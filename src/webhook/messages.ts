/**
 * Every key, reason and message fragment the webhook writes, in one place. Kubernetes' own wording
 * is quoted from the source named next to it.
 */

export const REVIEW_API_VERSIONS = ['admission.k8s.io/v1', 'admission.k8s.io/v1beta1'] as const;
export const REVIEW_KIND = 'AdmissionReview';
export const PATCH_TYPE = 'JSONPatch';

/**
 * Audit annotation keys. The apiserver stores a webhook's key `k` as `<webhook name>/k` and drops
 * keys that would then hold two slashes (admission checkKeyFormat), so keys are the part after the
 * built-in plugins' prefixes: PSP's `podsecuritypolicy.policy.k8s.io/admit-policy`, PSA's
 * `pod-security.kubernetes.io/enforce-policy` (pod-security-admission api/constants.go).
 */
export const AUDIT_KEY = {
  admitPolicy: 'admit-policy',
  validatePolicy: 'validate-policy',
  enforcePolicy: 'enforce-policy',
  auditViolations: 'audit-violations',
  error: 'error',
} as const;

/** metav1.StatusReason values and their codes. */
export const STATUS = {
  forbidden: { reason: 'Forbidden', code: 403 },
  badRequest: { reason: 'BadRequest', code: 400 },
  tooLarge: { reason: 'RequestEntityTooLarge', code: 413 },
  internal: { reason: 'InternalError', code: 500 },
} as const;

/** PSA wording (admission.go EvaluatePod): enforce error, and warn / audit text. */
export const PSS_TEXT = {
  violates: (levelVersion: string, detail: string) => `violates PodSecurity "${levelVersion}": ${detail}`,
  wouldViolate: (levelVersion: string, detail: string) => `would violate PodSecurity "${levelVersion}": ${detail}`,
} as const;

export const WEBHOOK_TEXT = {
  /** PSP never looked at workloads; the webhook warns what it would do to the pods they create. */
  workloadPspWarning: (kind: string, text: string) => `pods of this ${kind} would be forbidden: ${text}`,
  misconfigured: (error: string) => `the podsec admission webhook is misconfigured, so it refuses every pod until it is fixed: ${error}`,
  misconfiguredWorkload: (error: string) => `the podsec admission webhook is misconfigured and did not evaluate this object: ${error}`,
  badMode: (mode: string) => `unknown mode ${JSON.stringify(mode)} in the webhook URL: use ?mode=validating (the default) or ?mode=mutating`,
  unexpected: 'the podsec admission webhook failed unexpectedly while evaluating this request',
} as const;
