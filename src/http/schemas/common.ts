/**
 * Schemas shared by every route's documentation (problems, object references, manifest bodies).
 * Each is a named OpenAPI component; the handlers type their answers with them (type-only imports),
 * so the document and the code cannot drift apart. Document-only: the Worker never imports this
 * module's values (see request.ts for what it validates at run time).
 */
import { z } from '@hono/zod-openapi';
import { DEFAULT_LIMITS, LIMIT_VARIABLES } from '../config';
import { KubernetesObjectSchema } from './openapi-schema';

export const ProblemFieldErrorSchema = z
  .object({
    path: z.string().openapi({ description: 'Kubernetes field path, `query.<name>`, or `body`.', example: 'spec.template.spec.containers[0].securityContext.privileged' }),
    message: z.string().openapi({ example: 'expected boolean, got string "true"' }),
    object: z.string().optional().openapi({ description: 'The object the field belongs to, as `Kind/name`.', example: 'Deployment/web' }),
    document: z.int().min(0).optional().openapi({ description: '0-based index of the YAML document in the request body.' }),
    line: z.int().min(1).optional().openapi({ description: '1-based line in the request body.' }),
    column: z.int().min(1).optional().openapi({ description: '1-based column in the request body.' }),
  })
  .openapi('ProblemFieldError');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ description: 'A URN naming the kind of problem (`urn:podsec:problem:<kind>`).', example: 'urn:podsec:problem:invalid-object' }),
    title: z.string().openapi({ example: 'Invalid object' }),
    status: z.int().min(400).max(599).openapi({ example: 422 }),
    detail: z.string().openapi({ example: 'The Deployment "web" (document 0, line 1) cannot be read as Kubernetes would.' }),
    errors: z.array(ProblemFieldErrorSchema).optional(),
    allowed: z.array(z.string()).optional().openapi({ description: 'The accepted values, when the problem is an unknown choice.' }),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem details object (`application/problem+json`).' });

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    service: z.literal('podsec'),
    version: z.string().openapi({ example: '0.1.0' }),
  })
  .openapi('Health');

export const ObjectRefSchema = z
  .object({
    apiVersion: z.string().nullable().openapi({ example: 'apps/v1' }),
    kind: z.string().nullable().openapi({ example: 'Deployment' }),
    namespace: z.string().nullable().openapi({ example: 'default' }),
    name: z.string().nullable().openapi({ example: 'web' }),
    document: z.int().min(0).optional().openapi({ description: '0-based index of the YAML document that holds the object.' }),
    line: z.int().min(1).optional().openapi({ description: '1-based line where the object starts in the request body.' }),
    item: z.int().min(0).optional().openapi({ description: 'Index of the object within a `List` (`items[i]`).' }),
  })
  .openapi('ObjectRef', { description: 'Identifies an object of the request, so a result leads back to the file.' });

export const SkippedObjectSchema = z
  .object({ object: ObjectRefSchema, reason: z.string().openapi({ example: 'kind Service carries no pod template' }) })
  .openapi('SkippedObject');

/** `PODSEC_X (default n)` for the limits answered with this status, from the one limits table. */
function limitList(status: 400 | 413): string {
  return LIMIT_VARIABLES.filter((v) => v.status === status)
    .map((v) => `${v.variable} (default ${DEFAULT_LIMITS[v.limit]})`)
    .join(', ');
}

/** Responses every route can give, described once, each with an example of what the service sends. */
const PROBLEM_RESPONSES: Record<number, { description: string; example: z.input<typeof ProblemSchema> }> = {
  400: {
    description: `Malformed body or query: YAML/JSON syntax (with line and column), invalid UTF-8, custom YAML tags, unknown query values, or a limit crossed: ${limitList(400)}.`,
    example: { type: 'urn:podsec:problem:invalid-yaml', title: 'Invalid YAML', status: 400, detail: 'document 0 is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', errors: [{ path: '', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', document: 0, line: 8, column: 1 }] },
  },
  404: { description: 'No such resource.', example: { type: 'urn:podsec:problem:not-found', title: 'Not found', status: 404, detail: 'There is nothing at /v1/nothing. The API document is at /openapi.json.' } },
  405: { description: 'The path exists but not for this method.', example: { type: 'urn:podsec:problem:method-not-allowed', title: 'Method not allowed', status: 405, detail: 'GET is not allowed on /v1/findings; allowed: POST.', allowed: ['POST'] } },
  406: { description: 'The requested output format is not available.', example: { type: 'urn:podsec:problem:not-acceptable', title: 'Not acceptable', status: 406, detail: 'None of the accepted media types (text/html) is available.', allowed: ['application/json', 'application/sarif+json', 'text/plain', 'application/xml', 'application/junit+xml'] } },
  413: { description: `A size limit was crossed: ${limitList(413)}. The limits table is in the API description.`, example: { type: 'urn:podsec:problem:too-large', title: 'Request body too large', status: 413, detail: 'The request body exceeds the limit of 1048576 bytes (PODSEC_MAX_BODY_BYTES).', errors: [{ path: 'body', message: 'more than 1048576 bytes' }] } },
  415: { description: 'The Content-Type is not JSON or YAML.', example: { type: 'urn:podsec:problem:unsupported-media-type', title: 'Unsupported media type', status: 415, detail: 'Content-Type text/plain is not supported; send application/json or application/yaml.', allowed: ['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml'] } },
  422: {
    description: 'The body parsed, but holds an object Kubernetes would reject (wrong field types, invalid PodSecurityPolicy).',
    example: { type: 'urn:podsec:problem:invalid-object', title: 'Invalid object', status: 422, detail: 'expected boolean, got string "true" at spec.containers[0].securityContext.privileged', errors: [{ path: 'spec.containers[0].securityContext.privileged', message: 'expected boolean, got string "true"', document: 0, line: 8, column: 35 }] },
  },
  500: { description: 'An unexpected error; the body never carries a stack trace.', example: { type: 'urn:podsec:problem:internal', title: 'Internal error', status: 500, detail: 'An unexpected error occurred while handling the request.' } },
};

type ProblemResponse = { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema; example: unknown } } };

export function problemResponses<const S extends readonly number[]>(...statuses: S) {
  const out: Record<number, ProblemResponse> = {};
  for (const s of statuses) {
    const r = PROBLEM_RESPONSES[s] ?? { description: 'Problem.', example: { type: 'about:blank', title: 'Problem', status: s, detail: 'Problem.' } };
    out[s] = { description: r.description, content: { 'application/problem+json': { schema: ProblemSchema, example: r.example } } };
  }
  return out as { [K in S[number]]: ProblemResponse };
}

export const ManifestsJsonSchema = z
  .union([KubernetesObjectSchema, z.array(KubernetesObjectSchema)])
  .openapi('ManifestsJson', { description: 'One object, an array of objects, or a `kind: List` (any `*List` with `items`).' });

export const ManifestsYamlSchema = z
  .string()
  .openapi('ManifestsYaml', { description: 'A YAML stream: one or many documents separated by `---`; Lists are expanded. Read with YAML 1.1 booleans, as Kubernetes does.' });

/** The request body of every manifest-reading route, in each accepted media type. */
export function manifestRequestBody(description: string, examples: { json: unknown; yaml: string }) {
  return {
    required: true,
    description,
    content: {
      'application/json': { schema: ManifestsJsonSchema, example: examples.json },
      'application/yaml': { schema: ManifestsYamlSchema, example: examples.yaml },
      'application/x-yaml': { schema: ManifestsYamlSchema },
      'text/yaml': { schema: ManifestsYamlSchema },
    },
  } as const;
}
