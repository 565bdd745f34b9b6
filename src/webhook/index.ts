/**
 * The admission webhook: AdmissionReview request + configuration → AdmissionReview response.
 * Pure TypeScript over src/psp and src/pss; no I/O.
 */
export type { AdmissionReviewResponse, ReviewResponse, ReviewStatus, WebhookConfig, WebhookConfigError, WebhookMode, PssPolicy, ReviewApiVersion } from './types';
export { answerAdmissionReview, type ReviewOptions } from './answer';
export { loadWebhookConfig, isConfigError, type WebhookVariables } from './config';
export { refuseReview } from './respond';
export { AUDIT_KEY, REVIEW_API_VERSIONS } from './messages';
