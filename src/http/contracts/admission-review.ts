import { createRoute } from '@hono/zod-openapi';
import { admissionReviewEndpoint } from '../routes/admission-review';
import { ADMISSION_REVIEW_REQUEST_EXAMPLE, ADMISSION_REVIEW_RESPONSE_EXAMPLE, AdmissionReviewRequestSchema, AdmissionReviewResponseSchema } from '../schemas/admission-review';
import { problemResponses } from '../schemas/common';
import { documentedEndpoint } from '../schemas/openapi-schema';

const documentedAdmissionReviewEndpoint = documentedEndpoint(admissionReviewEndpoint);

export const admissionReviewContract = createRoute({
  ...documentedAdmissionReviewEndpoint,
  tags: ['Webhook'],
  operationId: 'postAdmissionReview',
  summary: 'Validating and mutating admission webhook (PodSecurityPolicy + Pod Security Admission)',
  description: [
    'A drop-in admission webhook: point a `ValidatingWebhookConfiguration` (and, for PodSecurityPolicy mutation, a `MutatingWebhookConfiguration` with `?mode=mutating`) at this path.',
    '',
    'What it enforces comes from the Worker\'s configuration: `PODSEC_POLICIES` (PodSecurityPolicy YAML; every policy usable) and `PODSEC_PSS_LEVEL` / `PODSEC_PSS_VERSION` (Pod Security Standards enforce level; warnings and the `audit-violations` audit annotation at `restricted`). Nothing is stored.',
    '',
    'Pods are denied with the apiserver\'s own messages; workloads (Deployment, CronJob, ...) are never denied, only warned about, as Pod Security Admission does. Subresources are allowed as the plugins allowed them.',
    '',
    'The answer is always HTTP 200 with an AdmissionReview: a malformed review, a body over the size limit or a misconfigured Worker is a refusal (`allowed: false`, `status.code` 400, 413 or 500), so bad input never reaches the apiserver\'s failurePolicy.',
  ].join('\n'),
  request: {
    ...documentedAdmissionReviewEndpoint.request,
    body: {
      required: true,
      content: { 'application/json': { schema: AdmissionReviewRequestSchema, example: ADMISSION_REVIEW_REQUEST_EXAMPLE } },
    },
  },
  responses: {
    200: {
      description: 'The AdmissionReview answer, whatever the decision.',
      content: { 'application/json': { schema: AdmissionReviewResponseSchema, example: ADMISSION_REVIEW_RESPONSE_EXAMPLE } },
    },
    // Only a wrong method leaves as a problem; every POST is answered with an AdmissionReview.
    ...problemResponses(405),
  },
});
