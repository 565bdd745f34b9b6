/**
 * What the Worker validates with zod at run time: every route's query parameters, and the JSON
 * envelope of POST /v1/admission. The OpenAPI document describes them from these same schemas.
 *
 * Everything else under schemas/ (answers, bodies read by the manifest reader) only describes the
 * API for the document, which is built at build time (src/http/openapi-document.ts); the Worker
 * never imports those modules, so they are not in the bundle and cost no start-up or first request.
 */
import { z } from '@hono/zod-openapi';
import { BENCHMARKS, DEFAULT_BENCHMARK } from '../../cis';
import { PSS_LEVELS, PSS_MAX_VERSION } from '../../pss';
import { FAIL_ON, FAIL_ON_CONDITIONS, REPORT_FORMAT_NAMES } from '../../report';

export const KubernetesObjectSchema = z
  .looseObject({
    apiVersion: z.string().openapi({ example: 'apps/v1' }),
    kind: z.string().openapi({ example: 'Deployment' }),
    metadata: z.looseObject({ name: z.string().optional(), namespace: z.string().optional() }).optional(),
  })
  .openapi('KubernetesObject', { description: 'Any Kubernetes object. Pod-bearing kinds and PodSecurityPolicies are evaluated; other kinds are listed as skipped.' });

const BENCHMARK_NAMES = BENCHMARKS.map((b) => b.name) as [string, ...string[]];

export const BenchmarkNameSchema = z
  .enum(BENCHMARK_NAMES, { error: () => `unknown benchmark; valid names: ${BENCHMARK_NAMES.join(', ')}` })
  .openapi({ description: 'Benchmark name (see GET /v1/benchmarks).', example: DEFAULT_BENCHMARK });

export const FindingsQuerySchema = z.object({
  benchmark: BenchmarkNameSchema.default(DEFAULT_BENCHMARK).openapi({ param: { name: 'benchmark', in: 'query' } }),
  containerScope: z
    .enum(['all', 'containers'])
    .default('all')
    .openapi({ param: { name: 'containerScope', in: 'query' }, description: '`all`: init, regular and ephemeral containers. `containers`: spec.containers only, as kube-bench audits.' }),
  rootRule: z
    .enum(['strict', 'explicitOnly'])
    .default('strict')
    .openapi({ param: { name: 'rootRule', in: 'query' }, description: '`strict`: a container must prove it is not root. `explicitOnly`: only an explicit runAsUser 0 fails (newer EKS audits).' }),
  privilegeEscalation: z
    .enum(['audit', 'strict'])
    .default('audit')
    .openapi({ param: { name: 'privilegeEscalation', in: 'query' }, description: '`audit`: only an explicit allowPrivilegeEscalation: true fails (kube-bench parity). `strict`: unset fails too (Pod Security restricted).' }),
  quantifier: z
    .enum(['exists', 'all'])
    .optional()
    .openapi({ param: { name: 'quantifier', in: 'query' }, description: 'PSP-set reading: default is the benchmark era\'s (at least one PSP satisfies; no PSP may allow added capabilities). `all`: every PSP must satisfy every control.' }),
});

export const PssLevelSchema = z.enum(PSS_LEVELS as unknown as ['privileged', 'baseline', 'restricted']).openapi('PssLevel');

export const PssVersionSchema = z
  .string()
  .regex(/^(latest|v1\.(0|[1-9][0-9]*))$/, { error: 'must be `latest` or `v1.N` (no leading zeros, no patch version)' })
  .openapi({ description: `Pod Security Standards policy version. \`latest\` and versions newer than ${PSS_MAX_VERSION} evaluate as ${PSS_MAX_VERSION}; messages keep the requested string.`, example: 'latest' });

export const PssQuerySchema = z.object({
  level: PssLevelSchema.default('restricted').openapi({ param: { name: 'level', in: 'query' } }),
  version: PssVersionSchema.default('latest').openapi({ param: { name: 'version', in: 'query' } }),
});

const FAIL_ON_PATTERN = new RegExp(`^(${FAIL_ON_CONDITIONS.join('|')})(,(${FAIL_ON_CONDITIONS.join('|')}))*$`);

export const EvaluateQuerySchema = FindingsQuerySchema.extend({
  level: PssQuerySchema.shape.level,
  version: PssQuerySchema.shape.version,
  format: z
    .enum(REPORT_FORMAT_NAMES, { error: () => `must be one of ${REPORT_FORMAT_NAMES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'format', in: 'query' }, description: 'Output format; wins over the Accept header. Default: from Accept, else `json`.' }),
  failOn: z
    .string()
    .regex(FAIL_ON_PATTERN, { error: `must be a comma-separated list of ${FAIL_ON_CONDITIONS.join(', ')}` })
    .optional()
    .openapi({
      param: { name: 'failOn', in: 'query' },
      example: 'high,deny',
      description: `Comma-separated conditions; when the result crosses any, the status is 422 and the body is still the full report (so \`curl --fail-with-body\` fails a CI step and prints it). ${FAIL_ON_CONDITIONS.map((c) => `\`${c}\`: ${FAIL_ON[c].description}`).join('; ')}. Default: none.`,
    }),
  source: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[^\u0000-\u001f\u007f]+$/, { error: 'must not contain control characters' })
    .optional()
    .openapi({ param: { name: 'source', in: 'query' }, example: 'deploy/app.yaml', description: 'File name used in SARIF artifact URIs, text `file:line` and JUnit. Default: `manifest.yaml` or `manifest.json` by Content-Type.' }),
});

export const MigrationQuerySchema = z.object({
  version: PssVersionSchema.default('latest').openapi({ param: { name: 'version', in: 'query' } }),
});

/** GET /v1/policies/examples. */
export const ExamplePoliciesQuerySchema = z.object({
  names: z
    .string()
    .regex(/^(privileged|baseline|restricted)(,(privileged|baseline|restricted))*$/, { error: 'a comma-separated list of privileged, baseline, restricted' })
    .optional()
    .openapi({ param: { name: 'names', in: 'query' }, description: 'Which policies (comma-separated); default all three.', example: 'restricted,privileged' }),
  format: z.enum(['json', 'yaml']).default('json').openapi({ param: { name: 'format', in: 'query' } }),
});

export const AdmissionReviewQuerySchema = z.object({
  mode: z
    .string()
    .optional()
    .openapi({
      param: { name: 'mode', in: 'query' },
      description: '`validating` (default): Pod Security Admission and the PodSecurityPolicy validating phase; never a patch. `mutating`: the PodSecurityPolicy mutating phase (JSON Patch on pod CREATE). Any other value is refused in the AdmissionReview.',
      example: 'validating',
    }),
});

export const AdmissionRequestSchema = z
  .object({
    pod: KubernetesObjectSchema.openapi({ description: 'A Pod or any pod-bearing workload.' }),
    policies: z.array(KubernetesObjectSchema).openapi({ description: 'PodSecurityPolicy objects (policy/v1beta1 or extensions/v1beta1).' }),
    operation: z.enum(['CREATE', 'UPDATE']).default('CREATE'),
    oldPod: KubernetesObjectSchema.optional().openapi({ description: 'UPDATE only: the pod before the update.' }),
    usablePolicies: z.array(z.string()).optional().openapi({ description: "Names of the policies the requesting user or the pod's service account may use; default: every supplied policy." }),
  })
  .openapi('AdmissionRequest');
