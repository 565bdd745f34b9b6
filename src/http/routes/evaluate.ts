import { createRoute, type z } from '@hono/zod-openapi';
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
import { FINDINGS_EXAMPLE_JSON } from '../examples';
import { readManifestRequest } from '../manifests';
import { jsonText } from '../json-text';
import { openapiWithRawBody } from '../openapi-route';
import { requireValidPolicies } from '../policies';
import { makeProblem, ProblemError } from '../problem';
import { manifestRequestBody, problemResponses } from '../schemas/common';
import {
  EVALUATE_EXAMPLE_YAML,
  EvaluateQuerySchema,
  EvaluateResponseSchema,
  JunitReportSchema,
  SarifLogSchema,
  TextReportSchema,
} from '../schemas/evaluate';

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

const evaluateRoute = createRoute({
  method: 'post',
  path: '/v1/evaluate',
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
    query: EvaluateQuerySchema,
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

type EvaluateResponse = z.output<typeof EvaluateResponseSchema>;

const RENDER: Readonly<Record<ReportFormat, (r: EvaluateReport) => string>> = {
  json: (r) => jsonText(r satisfies EvaluateResponse),
  sarif: (r) => jsonText(formatSarif(r)),
  text: formatText,
  junit: formatJunit,
};

export function registerEvaluate(app: PodsecApp): void {
  openapiWithRawBody(app, evaluateRoute, async (c, query) => {
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
