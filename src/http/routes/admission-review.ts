import { IngestError } from '../../ingest';
import { parseJsonWithinDepth } from '../../ingest/nesting';
import { answerAdmissionReview, loadWebhookConfig, refuseReview, type AdmissionReviewResponse } from '../../webhook';
import type { PodsecApp } from '../app-types';
import { readBodyText } from '../body';
import { limitsFrom, readLimitsOf } from '../config';
import { registerEndpoint, type Endpoint } from '../endpoint';
import { ProblemError } from '../problem';
import { AdmissionReviewQuerySchema } from '../schemas/request';

export const admissionReviewEndpoint = { method: 'post', path: '/v1/admissionreview', request: { query: AdmissionReviewQuerySchema } } as const satisfies Endpoint;

export function registerAdmissionReview(app: PodsecApp): void {
  registerEndpoint(app, admissionReviewEndpoint, async (c, query) => {
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
