import { createRoute } from '@hono/zod-openapi';
import { IngestError } from '../../ingest';
import { parseJsonWithinDepth } from '../../ingest/nesting';
import { answerAdmissionReview, loadWebhookConfig, refuseReview, type AdmissionReviewResponse } from '../../webhook';
import type { PodsecApp } from '../app-types';
import { readBodyText } from '../body';
import { limitsFrom, readLimitsOf } from '../config';
import { openapiWithRawBody } from '../openapi-route';
import { problemResponses } from '../schemas/common';
import { ProblemError } from '../problem';
import {
  ADMISSION_REVIEW_REQUEST_EXAMPLE,
  ADMISSION_REVIEW_RESPONSE_EXAMPLE,
  AdmissionReviewQuerySchema,
  AdmissionReviewRequestSchema,
  AdmissionReviewResponseSchema,
} from '../schemas/admission-review';

const admissionReviewRoute = createRoute({
  method: 'post',
  path: '/v1/admissionreview',
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
    query: AdmissionReviewQuerySchema,
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

export function registerAdmissionReview(app: PodsecApp): void {
  openapiWithRawBody(app, admissionReviewRoute, async (c, query) => {
    const limits = limitsFrom(c.env);
    let answer: AdmissionReviewResponse;
    try {
      const text = await readBodyText(c.req.raw, limits.maxBodyBytes);
      const parsed = parseJsonWithinDepth(text, limits.maxDepth);
      if (!parsed.ok) {
        answer = refuseReview('admission.k8s.io/v1', '', 'badRequest', `the body nests deeper than ${limits.maxDepth} levels (PODSEC_MAX_DEPTH) at line ${parsed.line}`);
      } else {
        const config = loadWebhookConfig(c.env ?? {});
        const readLimits = readLimitsOf(limits);
        answer = answerAdmissionReview(parsed.value, { ...(query.mode !== undefined ? { mode: query.mode } : {}), config, limits: readLimits });
      }
    } catch (err) {
      answer = refusalFor(err);
    }
    return c.json(answer, 200);
  });
}

/** Body-level failures (size, UTF-8, JSON syntax) before any uid could be read. */
function refusalFor(err: unknown): AdmissionReviewResponse {
  if (err instanceof ProblemError) {
    return refuseReview('admission.k8s.io/v1', '', err.problem.status === 413 ? 'tooLarge' : 'badRequest', err.problem.detail);
  }
  if (err instanceof IngestError) return refuseReview('admission.k8s.io/v1', '', 'badRequest', err.detail);
  return refuseReview('admission.k8s.io/v1', '', 'internal', 'the podsec admission webhook failed unexpectedly while reading this request');
}
