import { createRoute, z } from '@hono/zod-openapi';
import { stringify } from 'yaml';
import { EXAMPLE_POLICIES } from '../../psp';
import type { PodsecApp } from '../app-types';
import { KubernetesObjectSchema, problemResponses } from '../schemas/common';

const EXAMPLE_NAMES = ['privileged', 'baseline', 'restricted'] as const;

export const ExamplePoliciesSchema = z
  .object({ policies: z.array(KubernetesObjectSchema) })
  .openapi('ExamplePolicies', { description: 'The PodSecurityPolicies the Kubernetes documentation shipped (kubernetes/website, content/en/examples/policy; CC-BY-4.0).' });

const route = createRoute({
  method: 'get',
  path: '/v1/policies/examples',
  tags: ['PSP'],
  operationId: 'getExamplePolicies',
  summary: "The Kubernetes documentation's example PodSecurityPolicies",
  description:
    'The privileged, baseline and restricted PSPs of the Kubernetes documentation, to try POST /v1/admission in one curl. `format=yaml` answers a YAML stream that can be concatenated with a pod manifest: `{ curl -s .../v1/policies/examples?format=yaml; echo ---; cat pod.yaml; } | curl --data-binary @- -H "content-type: application/yaml" .../v1/admission`.',
  request: {
    query: z.object({
      names: z
        .string()
        .regex(/^(privileged|baseline|restricted)(,(privileged|baseline|restricted))*$/, { error: 'a comma-separated list of privileged, baseline, restricted' })
        .optional()
        .openapi({ param: { name: 'names', in: 'query' }, description: 'Which policies (comma-separated); default all three.', example: 'restricted,privileged' }),
      format: z.enum(['json', 'yaml']).default('json').openapi({ param: { name: 'format', in: 'query' } }),
    }),
  },
  responses: {
    200: {
      description: 'The policies, in the order asked for.',
      content: {
        'application/json': { schema: ExamplePoliciesSchema, example: { policies: [EXAMPLE_POLICIES.restricted] } },
        'application/yaml': {
          schema: z.string().openapi({ description: 'A YAML stream of the policies.' }),
          // A getter: only the OpenAPI document reads it, and stringify at module scope cost ~10 ms of start-up CPU.
          get example() {
            return stringify(EXAMPLE_POLICIES.restricted);
          },
        },
      },
    },
    ...problemResponses(400),
  },
});

export function registerPolicies(app: PodsecApp): void {
  app.openapi(route, (c) => {
    const { names, format } = c.req.valid('query');
    const chosen = (names ? (names.split(',') as Array<(typeof EXAMPLE_NAMES)[number]>) : [...EXAMPLE_NAMES]).map((n) => EXAMPLE_POLICIES[n]);
    if (format === 'yaml') {
      return c.body(chosen.map((p) => stringify(p)).join('---\n'), 200, { 'content-type': 'application/yaml; charset=utf-8' });
    }
    return c.json({ policies: chosen }, 200);
  });
}
