import type { z } from '@hono/zod-openapi';
import { evaluatePss, minimumPssLevel, parsePssVersion, resolvePssVersion } from '../../pss';
import type { PodsecApp } from '../app-types';
import { registerEndpoint, type Endpoint } from '../endpoint';
import { readManifestRequest } from '../manifests';
import { makeProblem, ProblemError } from '../problem';
import type { PssResponseSchema } from '../schemas/pss';
import { PssQuerySchema } from '../schemas/request';

export const pssEndpoint = { method: 'post', path: '/v1/pss', request: { query: PssQuerySchema } } as const satisfies Endpoint;

export function registerPss(app: PodsecApp): void {
  registerEndpoint(app, pssEndpoint, async (c, query) => {
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
