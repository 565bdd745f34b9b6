import { createRoute } from '@hono/zod-openapi';
import { FINDINGS_EXAMPLE_JSON, FINDINGS_EXAMPLE_YAML } from '../examples';
import { pssEndpoint } from '../routes/pss';
import { manifestRequestBody, problemResponses } from '../schemas/common';
import { documentedEndpoint } from '../schemas/openapi-schema';
import { PssResponseSchema } from '../schemas/pss';

const documentedPssEndpoint = documentedEndpoint(pssEndpoint);

export const pssContract = createRoute({
  ...documentedPssEndpoint,
  tags: ['PSS'],
  operationId: 'postPss',
  summary: 'Pod Security Standards verdicts for manifests',
  description:
    "Evaluates each pod-bearing object at a Pod Security Standards level and version exactly as Kubernetes' pod-security-admission library does (workloads on their pod template, as the library's warnings do), with the library's own messages, and gives the most restrictive level that admits it.",
  request: {
    ...documentedPssEndpoint.request,
    body: manifestRequestBody('Manifests, JSON or YAML.', { json: FINDINGS_EXAMPLE_JSON, yaml: FINDINGS_EXAMPLE_YAML }),
  },
  responses: {
    200: { description: 'One verdict per pod-bearing object.', content: { 'application/json': { schema: PssResponseSchema } } },
    ...problemResponses(400, 413, 415, 422, 500),
  },
});
