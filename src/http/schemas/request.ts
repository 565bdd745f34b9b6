/**
 * What the Worker validates with zod at run time: every route's query parameters, and the JSON
 * envelope of POST /v1/admission. The OpenAPI document describes them from these same schemas.
 *
 * They are zod 4's `zod/mini` schemas: the same validation and messages as zod classic, without
 * classic's method-per-schema layer, which cannot be left out of a bundle once one classic schema
 * is in it (~100 KiB minified: a fifth of the Worker, and 32.7 -> 22.7 ms of start-up, measured
 * in docs/performance.md, round 9). What the document says of each (descriptions, examples,
 * parameter names, component names) is attached with `documented` below, and read only at build
 * time: openapi-schema.ts replays each schema in zod classic for the generator, documentation
 * included.
 *
 * Everything else under schemas/ (answers, bodies read by the manifest reader) only describes the
 * API for the document, which is built at build time (src/http/openapi-document.ts); the Worker
 * never imports those modules, so they are not in the bundle and cost no start-up or first request.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { BENCHMARKS, DEFAULT_BENCHMARK } from '../../cis';
import { PSS_LEVELS, PSS_MAX_VERSION } from '../../pss';
import { FAIL_ON, FAIL_ON_CONDITIONS, REPORT_FORMAT_NAMES } from '../../report';

// zod classic installs its English messages itself; zod/mini leaves the choice to the caller, and
// the API's 400 problems carry classic's messages word for word.
z.config(en());

/** What the OpenAPI document says of a schema: zod-to-openapi's `.openapi(refId?, metadata)`. */
export interface OpenApiDoc {
  /** The name of the schema's component (`#/components/schemas/<refId>`). */
  readonly refId?: string;
  readonly description?: string;
  readonly example?: unknown;
  readonly param?: { readonly name: string; readonly in: 'query' };
}

/** A documented schema: a copy of `of` with `doc` on it, as `of.openapi(doc)` is in zod classic. */
export interface DocumentedSchema {
  readonly of: z.core.$ZodType;
  readonly doc: OpenApiDoc;
}

/** Documentation by schema; read by openapi-schema.ts at build time, never by the Worker. */
export const OPENAPI_DOCS = new WeakMap<z.core.$ZodType, DocumentedSchema>();

/**
 * `schema` with documentation for the OpenAPI document. A copy, as classic's `.openapi()` returns
 * one, so a schema used in several places (a level, a version) can be described in each.
 */
function documented<T extends z.ZodMiniType>(schema: T, doc: OpenApiDoc): T {
  const copy = schema.clone() as T;
  OPENAPI_DOCS.set(copy, { of: schema, doc });
  return copy;
}

const queryParam = (name: string) => ({ name, in: 'query' }) as const;

export const KubernetesObjectSchema = documented(
  z.looseObject({
    apiVersion: documented(z.string(), { example: 'apps/v1' }),
    kind: documented(z.string(), { example: 'Deployment' }),
    metadata: z.optional(z.looseObject({ name: z.optional(z.string()), namespace: z.optional(z.string()) })),
  }),
  { refId: 'KubernetesObject', description: 'Any Kubernetes object. Pod-bearing kinds and PodSecurityPolicies are evaluated; other kinds are listed as skipped.' },
);

const BENCHMARK_NAMES = BENCHMARKS.map((b) => b.name) as [string, ...string[]];

export const BenchmarkNameSchema = documented(z.enum(BENCHMARK_NAMES, { error: () => `unknown benchmark; valid names: ${BENCHMARK_NAMES.join(', ')}` }), {
  description: 'Benchmark name (see GET /v1/benchmarks).',
  example: DEFAULT_BENCHMARK,
});

export const FindingsQuerySchema = z.object({
  benchmark: documented(z._default(BenchmarkNameSchema, DEFAULT_BENCHMARK), { param: queryParam('benchmark') }),
  containerScope: documented(z._default(z.enum(['all', 'containers']), 'all'), {
    param: queryParam('containerScope'),
    description: '`all`: init, regular and ephemeral containers. `containers`: spec.containers only, as kube-bench audits.',
  }),
  rootRule: documented(z._default(z.enum(['strict', 'explicitOnly']), 'strict'), {
    param: queryParam('rootRule'),
    description: '`strict`: a container must prove it is not root. `explicitOnly`: only an explicit runAsUser 0 fails (newer EKS audits).',
  }),
  privilegeEscalation: documented(z._default(z.enum(['audit', 'strict']), 'audit'), {
    param: queryParam('privilegeEscalation'),
    description: '`audit`: only an explicit allowPrivilegeEscalation: true fails (kube-bench parity). `strict`: unset fails too (Pod Security restricted).',
  }),
  quantifier: documented(z.optional(z.enum(['exists', 'all'])), {
    param: queryParam('quantifier'),
    description: "PSP-set reading: default is the benchmark era's (at least one PSP satisfies; no PSP may allow added capabilities). `all`: every PSP must satisfy every control.",
  }),
});

export const PssLevelSchema = documented(z.enum(PSS_LEVELS as unknown as ['privileged', 'baseline', 'restricted']), { refId: 'PssLevel' });

export const PssVersionSchema = documented(z.string().check(z.regex(/^(latest|v1\.(0|[1-9][0-9]*))$/, { error: 'must be `latest` or `v1.N` (no leading zeros, no patch version)' })), {
  description: `Pod Security Standards policy version. \`latest\` and versions newer than ${PSS_MAX_VERSION} evaluate as ${PSS_MAX_VERSION}; messages keep the requested string.`,
  example: 'latest',
});

export const PssQuerySchema = z.object({
  level: documented(z._default(PssLevelSchema, 'restricted'), { param: queryParam('level') }),
  version: documented(z._default(PssVersionSchema, 'latest'), { param: queryParam('version') }),
});

const FAIL_ON_PATTERN = new RegExp(`^(${FAIL_ON_CONDITIONS.join('|')})(,(${FAIL_ON_CONDITIONS.join('|')}))*$`);

export const EvaluateQuerySchema = z.extend(FindingsQuerySchema, {
  level: PssQuerySchema.shape.level,
  version: PssQuerySchema.shape.version,
  format: documented(z.optional(z.enum(REPORT_FORMAT_NAMES, { error: () => `must be one of ${REPORT_FORMAT_NAMES.join(', ')}` })), {
    param: queryParam('format'),
    description: 'Output format; wins over the Accept header. Default: from Accept, else `json`.',
  }),
  failOn: documented(z.optional(z.string().check(z.regex(FAIL_ON_PATTERN, { error: `must be a comma-separated list of ${FAIL_ON_CONDITIONS.join(', ')}` }))), {
    param: queryParam('failOn'),
    example: 'high,deny',
    description: `Comma-separated conditions; when the result crosses any, the status is 422 and the body is still the full report (so \`curl --fail-with-body\` fails a CI step and prints it). ${FAIL_ON_CONDITIONS.map((c) => `\`${c}\`: ${FAIL_ON[c].description}`).join('; ')}. Default: none.`,
  }),
  source: documented(z.optional(z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^[^\u0000-\u001f\u007f]+$/, { error: 'must not contain control characters' }))), {
    param: queryParam('source'),
    example: 'deploy/app.yaml',
    description: 'File name used in SARIF artifact URIs, text `file:line` and JUnit. Default: `manifest.yaml` or `manifest.json` by Content-Type.',
  }),
});

export const MigrationQuerySchema = z.object({
  version: documented(z._default(PssVersionSchema, 'latest'), { param: queryParam('version') }),
});

/** GET /v1/policies/examples. */
export const ExamplePoliciesQuerySchema = z.object({
  names: documented(z.optional(z.string().check(z.regex(/^(privileged|baseline|restricted)(,(privileged|baseline|restricted))*$/, { error: 'a comma-separated list of privileged, baseline, restricted' }))), {
    param: queryParam('names'),
    description: 'Which policies (comma-separated); default all three.',
    example: 'restricted,privileged',
  }),
  format: documented(z._default(z.enum(['json', 'yaml']), 'json'), { param: queryParam('format') }),
});

export const AdmissionReviewQuerySchema = z.object({
  mode: documented(z.optional(z.string()), {
    param: queryParam('mode'),
    description:
      '`validating` (default): Pod Security Admission and the PodSecurityPolicy validating phase; never a patch. `mutating`: the PodSecurityPolicy mutating phase (JSON Patch on pod CREATE). Any other value is refused in the AdmissionReview.',
    example: 'validating',
  }),
});

export const AdmissionRequestSchema = documented(
  z.object({
    pod: documented(KubernetesObjectSchema, { description: 'A Pod or any pod-bearing workload.' }),
    policies: documented(z.array(KubernetesObjectSchema), { description: 'PodSecurityPolicy objects (policy/v1beta1 or extensions/v1beta1).' }),
    operation: z._default(z.enum(['CREATE', 'UPDATE']), 'CREATE'),
    oldPod: documented(z.optional(KubernetesObjectSchema), { description: 'UPDATE only: the pod before the update.' }),
    usablePolicies: documented(z.optional(z.array(z.string())), { description: "Names of the policies the requesting user or the pod's service account may use; default: every supplied policy." }),
  }),
  { refId: 'AdmissionRequest' },
);
