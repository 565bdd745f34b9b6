/**
 * Schemas shared by every route. Each is a named OpenAPI component; the TypeScript types of the
 * responses are inferred from them, so the document and the code cannot drift apart.
 */
import { z } from '@hono/zod-openapi';

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

/** Responses every route can give, described once. */
export function problemResponses<const S extends readonly number[]>(...statuses: S) {
  const descriptions: Record<number, string> = {
    400: 'Malformed body or query: YAML/JSON syntax (with line and column), nesting deeper than the limit, YAML aliases over the limit, custom tags, unknown query values.',
    404: 'No such resource.',
    405: 'The path exists but not for this method.',
    406: 'The requested output format is not available.',
    413: 'The request body exceeds the size limit (PODSEC_MAX_BODY_BYTES, default 1 MiB).',
    415: 'The Content-Type is not JSON or YAML.',
    422: 'The body parsed, but holds an object Kubernetes would reject (wrong field types, invalid PodSecurityPolicy).',
    500: 'An unexpected error; the body never carries a stack trace.',
  };
  const out: Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }> = {};
  for (const s of statuses) {
    out[s] = { description: descriptions[s] ?? 'Problem.', content: { 'application/problem+json': { schema: ProblemSchema } } };
  }
  return out as { [K in S[number]]: { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } } };
}

export const KubernetesObjectSchema = z
  .looseObject({
    apiVersion: z.string().openapi({ example: 'apps/v1' }),
    kind: z.string().openapi({ example: 'Deployment' }),
    metadata: z.looseObject({ name: z.string().optional(), namespace: z.string().optional() }).optional(),
  })
  .openapi('KubernetesObject', { description: 'Any Kubernetes object. Pod-bearing kinds and PodSecurityPolicies are evaluated; other kinds are listed as skipped.' });

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
