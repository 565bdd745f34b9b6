/**
 * The OpenAPI 3.1 document, built at build time (`npm run openapi` → openapi/openapi.json, served
 * as a static asset) from the route contracts (src/http/contracts/): each the endpoint the Worker
 * runs, with the same zod query schemas it validates with, plus its documented bodies and answers.
 * Never imported by the Worker: it needs @hono/zod-openapi's generator and zod classic (the query
 * schemas replayed in classic by schemas/openapi-schema.ts), neither of which the Worker carries.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats';
import { SERVICE_VERSION } from '../version';
import { limitsMarkdownTable } from './config';
import { ROUTE_CONTRACTS } from './contracts';
import RESPONSE_EXAMPLES_JSON from './response-examples.json';

/**
 * The 200 examples: the service's real answers to the document's own request examples, written by
 * `npm run examples` (scripts/examples.mjs) and checked in CI; one per format where the operation
 * answers several.
 */
export const RESPONSE_EXAMPLES = RESPONSE_EXAMPLES_JSON as {
  listBenchmarks?: unknown;
  postFindings?: unknown;
  postAdmission?: unknown;
  postPss?: unknown;
  postMigration?: unknown;
  postEvaluate?: Record<ReportFormat, unknown>;
};

export const API_DESCRIPTION = `podsec answers what Kubernetes itself would have answered about pod security:
which PodSecurityPolicy the admission plugin applies and how it mutates the pod (with the
apiserver's own rejection messages), which CIS Kubernetes Benchmark 5.2 controls a manifest
violates for a named benchmark version, and which Pod Security Standards level admits it.

Bodies are Kubernetes manifests as JSON (an object, an array, or a \`List\`) or YAML (one or many
documents). Every error is an RFC 9457 \`application/problem+json\` object that names the field
path or the YAML line. Nothing is stored.

## Limits

Every request is bounded before and while it is read; crossing a limit is a 400 or 413
problem (\`POST /v1/admissionreview\` answers 200 with a refused AdmissionReview instead, so the
apiserver's failurePolicy never trips). Each limit is a Worker variable a deployment can set:

${limitsMarkdownTable()}

YAML tags other than the core ones (\`!!js/function\`, \`!custom\`, \`!!binary\`, ...) are refused (400);
merge keys (\`<<\`) are read as Kubernetes reads them, within the alias budget. Browsers: no CORS
headers unless \`PODSEC_CORS_ORIGINS\` lists the allowed origins (comma-separated, or \`*\`).`;

type MediaObject = { example?: unknown } & Record<string, unknown>;
type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, MediaObject> }> };

/** The OpenAPI 3.1 document of the route contracts, with the real answers as response examples. */
export function openApiDocument(): Record<string, unknown> {
  const app = new OpenAPIHono();
  for (const contract of ROUTE_CONTRACTS) app.openAPIRegistry.registerPath(contract);
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'podsec',
      version: SERVICE_VERSION,
      description: API_DESCRIPTION,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Local server (npm start)' }],
    tags: [
      { name: 'Service', description: 'Health, the API document and its reference page.' },
      { name: 'CIS', description: 'CIS Kubernetes Benchmark section 5.2 (4.2 for managed services).' },
      { name: 'PSP', description: 'PodSecurityPolicy admission, as the apiserver (1.16–1.24) did it.' },
      { name: 'PSS', description: 'Pod Security Standards and PSP-to-PSS migration.' },
    ],
  }) as unknown as { paths: Record<string, Record<string, Operation>> };
  for (const item of Object.values(document.paths)) for (const op of Object.values(item)) attachResponseExamples(op);
  return document as unknown as Record<string, unknown>;
}

/** The media type a report format answers in, by every name Accept may give it. */
const FORMAT_OF_MEDIA_TYPE: ReadonlyMap<string, ReportFormat> = new Map(
  (Object.entries(REPORT_FORMATS) as Array<[ReportFormat, (typeof REPORT_FORMATS)[ReportFormat]]>).flatMap(([format, info]) => info.accept.map((t) => [t, format] as const)),
);

/** Operations whose examples come one per report format (scripts/examples.mjs asks for each). */
const PER_FORMAT_OPERATIONS: ReadonlySet<string> = new Set(['postEvaluate']);

/**
 * Puts each real answer where the operation documents it: the JSON 200 answer or, for the report
 * (POST /v1/evaluate), every format it answers in, under 200 and under 422 (a crossed failOn
 * answers the same report). The example comes first in the media object, as the generator writes it.
 */
function attachResponseExamples(op: Operation): void {
  const answers = RESPONSE_EXAMPLES[op.operationId as keyof typeof RESPONSE_EXAMPLES];
  if (answers === undefined) return;
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    const content = response.content ?? {};
    for (const [mediaType, media] of Object.entries(content)) {
      const example = exampleFor(op.operationId!, answers, status, mediaType);
      if (example !== undefined) content[mediaType] = { example, ...media };
    }
  }
}

function exampleFor(operationId: string, answers: unknown, status: string, mediaType: string): unknown {
  if (!PER_FORMAT_OPERATIONS.has(operationId)) return status === '200' && mediaType === 'application/json' ? answers : undefined;
  const format = FORMAT_OF_MEDIA_TYPE.get(mediaType);
  return format !== undefined && (status === '200' || status === '422') ? (answers as Record<ReportFormat, unknown>)[format] : undefined;
}
