import { createRoute } from '@hono/zod-openapi';
import { FINDINGS_EXAMPLE_JSON } from '../examples';
import { evaluateEndpoint } from '../routes/evaluate';
import { manifestRequestBody, problemResponses } from '../schemas/common';
import { EVALUATE_EXAMPLE_YAML, EvaluateResponseSchema, JunitReportSchema, SarifLogSchema, TextReportSchema } from '../schemas/evaluate';
import { documentedEndpoint } from '../schemas/openapi-schema';

const documentedEvaluateEndpoint = documentedEndpoint(evaluateEndpoint);

/** The report in every format, as documented for 200 and for a crossed failOn (422). */
function reportContent() {
  return {
    'application/json': { schema: EvaluateResponseSchema },
    'application/sarif+json': { schema: SarifLogSchema },
    'text/plain': { schema: TextReportSchema },
    'application/xml': { schema: JunitReportSchema },
    'application/junit+xml': { schema: JunitReportSchema },
  };
}

export const evaluateContract = createRoute({
  ...documentedEvaluateEndpoint,
  tags: ['Evaluate'],
  operationId: 'postEvaluate',
  summary: 'Everything in one call: PSP admission, CIS 5.2 findings and Pod Security Standards, as JSON, SARIF, text or JUnit',
  description: [
    'Reads any manifests (JSON, or a YAML stream; Lists are expanded), e.g. the output of `kubectl get psp,deploy,cronjob -o yaml`. For each pod-bearing object: the PodSecurityPolicy admission result against the policies in the same body (`admission`, null when there are none), the CIS controls of `benchmark`, and the Pod Security Standards verdict at `level`/`version` with the minimum level that admits it. Plus the policy set\'s CIS verdict, every finding flattened with a severity, and a summary by rule and by severity.',
    '',
    'Format: the `format` query, else the Accept header (`application/json`, `application/sarif+json`, `text/plain`, `application/xml` or `application/junit+xml`; `*/*` is JSON); an Accept that matches none is 406.',
    '',
    '`failOn`: when the result crosses a condition the status is 422 and the body is still the full report in the chosen format, so `curl --fail-with-body` fails a CI step and prints why. An invalid object or policy is also 422, as `application/problem+json`.',
  ].join('\n'),
  request: {
    ...documentedEvaluateEndpoint.request,
    body: manifestRequestBody('Manifests: pods, workloads and PodSecurityPolicies together, JSON or YAML.', { json: FINDINGS_EXAMPLE_JSON, yaml: EVALUATE_EXAMPLE_YAML }),
  },
  responses: {
    200: { description: 'The report, in the negotiated format; no failOn condition crossed.', content: reportContent() },
    422: {
      description: 'Either a failOn condition is crossed (the body is the full report, in the negotiated format, `failOn.crossed` non-empty), or the body holds an object Kubernetes would reject / an invalid PodSecurityPolicy (`application/problem+json`).',
      content: { ...reportContent(), 'application/problem+json': problemResponses(422)[422].content['application/problem+json'] },
    },
    ...problemResponses(400, 406, 413, 415, 500),
  },
});
