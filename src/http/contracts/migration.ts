import { createRoute } from '@hono/zod-openapi';
import { EXAMPLE_POLICIES } from '../../psp';
import { FINDINGS_EXAMPLE_YAML } from '../examples';
import { migrationEndpoint } from '../routes/migration';
import { manifestRequestBody, problemResponses } from '../schemas/common';
import { MigrationResponseSchema } from '../schemas/migration';
import { documentedEndpoint } from '../schemas/openapi-schema';

const documentedMigrationEndpoint = documentedEndpoint(migrationEndpoint);

export const migrationContract = createRoute({
  ...documentedMigrationEndpoint,
  tags: ['PSS'],
  operationId: 'postMigration',
  summary: 'PodSecurityPolicy to Pod Security Standards migration advice',
  description: [
    'For each PodSecurityPolicy: the most restrictive Pod Security Standards level that admits every pod the PSP admits (`guaranteedLevel`), the level it is closest to, each gap with the PSP field that opens it, and the defaults the PSP applied that Pod Security Admission will not (`mutations`).',
    '',
    'With workloads in the body: the PSP that admits each today, the most restrictive level that admits it as submitted, and per namespace the `pod-security.kubernetes.io/enforce` and `enforce-version` labels that keep every supplied workload admitted.',
    '',
    'Two facts shape the answers: no PSP can guarantee `restricted` (MustRunAsNonRoot lets a container with only runAsUser through, which PSS runAsNonRoot refuses), and from v1.34 no PSP guarantees `baseline` (PSP has no say over probe and lifecycle `host` fields).',
  ].join('\n'),
  request: {
    ...documentedMigrationEndpoint.request,
    body: manifestRequestBody('PodSecurityPolicies, and optionally workloads, JSON or YAML.', { json: [EXAMPLE_POLICIES.restricted], yaml: FINDINGS_EXAMPLE_YAML }),
  },
  responses: {
    200: { description: 'Migration advice per policy (and per workload and namespace when workloads were supplied).', content: { 'application/json': { schema: MigrationResponseSchema } } },
    ...problemResponses(400, 413, 415, 422, 500),
  },
});
