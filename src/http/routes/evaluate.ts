import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { findBenchmark } from '../../cis';
import { parsePssVersion } from '../../pss';
import {
  ACCEPTABLE_MEDIA_TYPES,
  defaultSource,
  evaluateManifests,
  formatJunit,
  formatSarif,
  formatText,
  negotiateFormat,
  parseFailOn,
  type EvaluateReport,
  type ReportFormat,
} from '../../report';
import type { PodsecApp, PodsecEnv } from '../app-types';
import { registerEndpoint, type Endpoint } from '../endpoint';
import { readManifestRequest } from '../manifests';
import { jsonText } from '../json-text';
import { requireValidPolicies } from '../policies';
import { makeProblem, ProblemError } from '../problem';
import type { EvaluateResponseSchema } from '../schemas/evaluate';
import { EvaluateQuerySchema } from '../schemas/request';

export const evaluateEndpoint = { method: 'post', path: '/v1/evaluate', request: { query: EvaluateQuerySchema } } as const satisfies Endpoint;

type EvaluateResponse = z.output<typeof EvaluateResponseSchema>;

const RENDER: Readonly<Record<ReportFormat, (r: EvaluateReport) => string>> = {
  json: (r) => jsonText(r satisfies EvaluateResponse),
  sarif: (r) => jsonText(formatSarif(r)),
  text: formatText,
  junit: formatJunit,
};

export function registerEvaluate(app: PodsecApp): void {
  registerEndpoint(app, evaluateEndpoint, async (c, query) => {
    const version = parsePssVersion(query.version);
    if (!version.ok) {
      throw new ProblemError(makeProblem('invalid-query', `query.version: ${version.error}`, { errors: [{ path: 'query.version', message: version.error }] }));
    }
    const negotiated = negotiateFormat(query.format, c.req.header('accept'));
    if (negotiated === undefined) throw notAcceptable(c);
    const manifests = await readManifestRequest(c);
    requireValidPolicies(manifests.policies);
    const report = evaluateManifests(manifests, {
      source: query.source ?? defaultSource(manifests.format),
      cis: {
        benchmark: findBenchmark(query.benchmark)!.name,
        containerScope: query.containerScope,
        rootRule: query.rootRule,
        privilegeEscalation: query.privilegeEscalation,
        ...(query.quantifier ? { quantifier: query.quantifier } : {}),
      },
      pssLevel: query.level,
      pssVersion: query.version,
      failOn: parseFailOn(query.failOn),
    });
    return new Response(RENDER[negotiated.format](report), {
      status: report.failOn.crossed.length > 0 ? 422 : 200,
      headers: { 'content-type': negotiated.contentType, vary: 'accept' },
    });
  });
}

function notAcceptable(c: Context<PodsecEnv>): ProblemError {
  const accept = c.req.header('accept') ?? '';
  return new ProblemError(
    makeProblem('not-acceptable', `None of the media types in Accept (${accept}) can be produced; accepted: ${ACCEPTABLE_MEDIA_TYPES.join(', ')}, or use the format query (json, sarif, text, junit).`, {
      allowed: [...ACCEPTABLE_MEDIA_TYPES],
    }),
    { vary: 'accept' },
  );
}
