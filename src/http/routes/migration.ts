import type { z } from '@hono/zod-openapi';
import { migratePolicy, migrateWorkloads } from '../../migration';
import { parsePssVersion, resolvePssVersion } from '../../pss';
import type { PodsecApp } from '../app-types';
import { registerEndpoint, type Endpoint } from '../endpoint';
import { readManifestRequest } from '../manifests';
import { requireValidPolicies } from '../policies';
import { makeProblem, ProblemError } from '../problem';
import type { MigrationResponseSchema } from '../schemas/migration';
import { MigrationQuerySchema } from '../schemas/request';

export const migrationEndpoint = { method: 'post', path: '/v1/migration', request: { query: MigrationQuerySchema } } as const satisfies Endpoint;

export function registerMigration(app: PodsecApp): void {
  registerEndpoint(app, migrationEndpoint, async (c, query) => {
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
