import { createRoute, z } from '@hono/zod-openapi';
import { stringify } from 'yaml';
import { EXAMPLE_POLICIES } from '../../psp';
import { examplePoliciesEndpoint } from '../routes/policies';
import { problemResponses } from '../schemas/common';
import { documentedEndpoint } from '../schemas/openapi-schema';
import { ExamplePoliciesSchema } from '../schemas/psp';

const documentedExamplePoliciesEndpoint = documentedEndpoint(examplePoliciesEndpoint);

export const examplePoliciesContract = createRoute({
  ...documentedExamplePoliciesEndpoint,
  tags: ['PSP'],
  operationId: 'getExamplePolicies',
  summary: "The Kubernetes documentation's example PodSecurityPolicies",
  description:
    'The privileged, baseline and restricted PSPs of the Kubernetes documentation, to try POST /v1/admission in one curl. `format=yaml` answers a YAML stream that can be concatenated with a pod manifest: `{ curl -s .../v1/policies/examples?format=yaml; echo ---; cat pod.yaml; } | curl --data-binary @- -H "content-type: application/yaml" .../v1/admission`.',
  responses: {
    200: {
      description: 'The policies, in the order asked for.',
      content: {
        'application/json': { schema: ExamplePoliciesSchema, example: { policies: [EXAMPLE_POLICIES.restricted] } },
        'application/yaml': { schema: z.string().openapi({ description: 'A YAML stream of the policies.' }), example: stringify(EXAMPLE_POLICIES.restricted) },
      },
    },
    ...problemResponses(400),
  },
});
