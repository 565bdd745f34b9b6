import { createRoute, type z } from '@hono/zod-openapi';
import { migratePolicy, migrateWorkloads } from '../../migration';
import { EXAMPLE_POLICIES } from '../../psp';
import { parsePssVersion, resolvePssVersion } from '../../pss';
import type { PodsecApp } from '../app-types';
import { FINDINGS_EXAMPLE_YAML } from '../examples';
import { readManifestRequest } from '../manifests';
import { openapiWithRawBody } from '../openapi-route';
import { requireValidPolicies } from '../policies';
import { makeProblem, ProblemError } from '../problem';
import { manifestRequestBody, problemResponses } from '../schemas/common';
import { MigrationQuerySchema, MigrationResponseSchema } from '../schemas/migration';

const route = createRoute({
  method: 'post',
  path: '/v1/migration',
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
    query: MigrationQuerySchema,
    body: manifestRequestBody('PodSecurityPolicies, and optionally workloads, JSON or YAML.', { json: [EXAMPLE_POLICIES.restricted], yaml: FINDINGS_EXAMPLE_YAML }),
  },
  responses: {
    200: { description: 'Migration advice per policy (and per workload and namespace when workloads were supplied).', content: { 'application/json': { schema: MigrationResponseSchema } } },
    ...problemResponses(400, 413, 415, 422, 500),
  },
});

export function registerMigration(app: PodsecApp): void {
  openapiWithRawBody(app, route, async (c, query) => {
    const parsed = parsePssVersion(query.version);
    if (!parsed.ok) {
      throw new ProblemError(makeProblem('invalid-query', `query.version: ${parsed.error}`, { errors: [{ path: 'query.version', message: parsed.error }] }));
    }
    const manifests = await readManifestRequest(c);
    requireValidPolicies(manifests.policies);
    const policies = manifests.policies.map((p) => p.policy);
    const body: z.output<typeof MigrationResponseSchema> = {
      version: query.version,
      resolvedVersion: resolvePssVersion(query.version),
      policies: manifests.policies.map((p) => ({ object: p.ref, ...migratePolicy(p.policy, query.version) })),
      skipped: manifests.skipped.map((s) => ({ object: s.ref, reason: s.reason })),
    };
    if (manifests.pods.length > 0) {
      const result = migrateWorkloads(
        manifests.pods.map((p) => ({ namespace: p.ref.namespace, name: p.ref.name, template: p.template, isPod: p.isPod })),
        policies,
        query.version,
      );
      body.workloads = result.workloads.map((w, i) => ({ object: manifests.pods[i]!.ref, ...w }));
      body.namespaces = result.namespaces;
    }
    return c.json(body, 200);
  });
}
