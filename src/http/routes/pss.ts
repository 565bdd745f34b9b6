import { createRoute, type z } from '@hono/zod-openapi';
import { evaluatePss, minimumPssLevel, parsePssVersion, resolvePssVersion } from '../../pss';
import type { PodsecApp } from '../app-types';
import { FINDINGS_EXAMPLE_JSON, FINDINGS_EXAMPLE_YAML } from '../examples';
import { readManifestRequest } from '../manifests';
import { openapiWithRawBody } from '../openapi-route';
import { makeProblem, ProblemError } from '../problem';
import { manifestRequestBody, problemResponses } from '../schemas/common';
import { PssQuerySchema, PssResponseSchema } from '../schemas/pss';

const pssRoute = createRoute({
  method: 'post',
  path: '/v1/pss',
  tags: ['PSS'],
  operationId: 'postPss',
  summary: 'Pod Security Standards verdicts for manifests',
  description:
    "Evaluates each pod-bearing object at a Pod Security Standards level and version exactly as Kubernetes' pod-security-admission library does (workloads on their pod template, as the library's warnings do), with the library's own messages, and gives the most restrictive level that admits it.",
  request: {
    query: PssQuerySchema,
    body: manifestRequestBody('Manifests, JSON or YAML.', { json: FINDINGS_EXAMPLE_JSON, yaml: FINDINGS_EXAMPLE_YAML }),
  },
  responses: {
    200: { description: 'One verdict per pod-bearing object.', content: { 'application/json': { schema: PssResponseSchema } } },
    ...problemResponses(400, 413, 415, 422, 500),
  },
});

export function registerPss(app: PodsecApp): void {
  openapiWithRawBody(app, pssRoute, async (c, query) => {
    const parsed = parsePssVersion(query.version);
    if (!parsed.ok) {
      throw new ProblemError(makeProblem('invalid-query', `query.version: ${parsed.error}`, { errors: [{ path: 'query.version', message: parsed.error }] }));
    }
    const manifests = await readManifestRequest(c);
    const body: z.output<typeof PssResponseSchema> = {
      level: query.level,
      version: query.version,
      resolvedVersion: resolvePssVersion(query.version),
      objects: manifests.pods.map((p) => {
        const e = evaluatePss(p.template, query.level, query.version, { isPod: p.isPod });
        return {
          object: p.ref,
          allowed: e.allowed,
          minimumLevel: minimumPssLevel(p.template, query.version, { isPod: p.isPod }),
          forbidden: e.forbidden,
          message: e.message,
        };
      }),
      skipped: manifests.skipped.map((s) => ({ object: s.ref, reason: s.reason })),
    };
    return c.json(body, 200);
  });
}
