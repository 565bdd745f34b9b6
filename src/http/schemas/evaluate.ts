/**
 * Response schemas of POST /v1/evaluate, for the document only. They mirror src/report/types.ts;
 * the route checks the report against `z.output<typeof EvaluateResponseSchema>` (a type-only
 * import), so the two are kept in step at compile time.
 */
import { z } from '@hono/zod-openapi';
import { FINDINGS_EXAMPLE_YAML } from '../examples';
import { FAIL_ON, FAIL_ON_CONDITIONS, SEVERITIES } from '../../report';
import { BenchmarkSchema, ControlResultSchema, PolicySetResultSchema } from './cis';
import { ObjectRefSchema, SkippedObjectSchema } from './common';
import { AdmissionResultSchema } from './psp';
import { PssForbiddenSchema } from './pss';
import { PssLevelSchema } from './openapi-schema';

export const SeveritySchema = z.enum(SEVERITIES as unknown as ['high', 'medium', 'low']).openapi('Severity', { description: 'podsec severity of a rule (src/report/severity.ts).' });

export const FailOnConditionSchema = z.enum(FAIL_ON_CONDITIONS as [keyof typeof FAIL_ON, ...(keyof typeof FAIL_ON)[]]).openapi('FailOnCondition');

export const ReportFindingSchema = z
  .object({
    rule: z.string().openapi({ description: 'Rule ID, also the SARIF rule ID: `cis/<key>`, `pss/<checkId>`, `psp/<field>`.', example: 'cis/privileged' }),
    engine: z.enum(['cis', 'pss', 'psp']),
    severity: SeveritySchema,
    objectIndex: z.int().min(0).nullable().openapi({ description: 'Index in `objects`; null for a finding about the PodSecurityPolicy set.', example: 0 }),
    object: ObjectRefSchema,
    path: z.string().openapi({ description: 'Field path: in the submitted object for CIS and PSS; exactly as the PSP plugin reports it (pod paths) for PSP.', example: 'spec.template.spec.containers[0].securityContext.privileged' }),
    message: z.string().openapi({ example: 'container "app" is privileged' }),
    context: z.string().nullable().openapi({ description: 'CIS: the benchmark control ID; PSS: `level:version`; PSP: the rejecting policy.', example: '5.2.2' }),
  })
  .openapi('ReportFinding', { description: 'One finding, flattened; the text, SARIF and JUnit formats are rendered from these rows.' });

export const PssVerdictSchema = z
  .object({
    allowed: z.boolean(),
    minimumLevel: PssLevelSchema,
    forbidden: z.array(PssForbiddenSchema),
    message: z.string().nullable(),
  })
  .openapi('PssVerdict');

export const EvaluateObjectSchema = z
  .object({
    object: ObjectRefSchema,
    templatePath: z.string().openapi({ description: "Where the pod template sits in the object ('' for a Pod).", example: 'spec.template' }),
    admission: AdmissionResultSchema.omit({ object: true }).nullable().openapi({ description: 'PSP admission against the policies of the body; null when the body holds none.' }),
    cis: z.array(ControlResultSchema),
    pss: PssVerdictSchema,
  })
  .openapi('EvaluateObject');

const countsBySeverity = z.object({ high: z.int(), medium: z.int(), low: z.int() });

export const ReportSummarySchema = z
  .object({
    objects: z.int().openapi({ example: 2 }),
    policies: z.int().openapi({ example: 1 }),
    skipped: z.int().openapi({ example: 0 }),
    findings: z.int().openapi({ example: 3 }),
    bySeverity: countsBySeverity.openapi({ example: { high: 1, medium: 1, low: 1 } }),
    byRule: z.record(z.string(), z.int()).openapi({ description: 'Findings per rule ID (rules without findings are absent).', example: { 'cis/host-network': 1, 'psp/hostNetwork': 1, 'pss/hostNamespaces': 1 } }),
    cis: z.object({ pass: z.int(), fail: z.int(), manual: z.int(), notApplicable: z.int(), policySetFailing: z.int() }).openapi({ description: 'Object control results by status, and failing PSP-set controls.' }),
    pss: z.object({ allowed: z.int(), forbidden: z.int(), minimumLevels: z.object({ privileged: z.int(), baseline: z.int(), restricted: z.int() }) }),
    admission: z.object({ allowed: z.int(), denied: z.int() }).nullable().openapi({ description: 'null when the body holds no PodSecurityPolicy.' }),
  })
  .openapi('ReportSummary');

export const FailOnVerdictSchema = z
  .object({
    conditions: z.array(FailOnConditionSchema).openapi({ example: ['high', 'deny'] }),
    crossed: z.array(FailOnConditionSchema).openapi({ description: 'Conditions the result crosses; non-empty ⇒ status 422.', example: ['high'] }),
  })
  .openapi('FailOnVerdict');

export const EvaluateResponseSchema = z
  .object({
    source: z.string().openapi({ example: 'manifest.yaml' }),
    benchmark: BenchmarkSchema.omit({ controls: true }),
    pss: z.object({ level: PssLevelSchema, version: z.string().openapi({ example: 'latest' }), resolvedVersion: z.string().openapi({ example: 'v1.37' }) }),
    objects: z.array(EvaluateObjectSchema),
    policySet: PolicySetResultSchema.nullable(),
    skipped: z.array(SkippedObjectSchema),
    findings: z.array(ReportFindingSchema),
    summary: ReportSummarySchema,
    failOn: FailOnVerdictSchema,
  })
  .openapi('EvaluateResponse');

export const SarifLogSchema = z
  .looseObject({ $schema: z.string().optional(), version: z.literal('2.1.0'), runs: z.array(z.looseObject({})) })
  .openapi('SarifLog', { description: 'A SARIF 2.1.0 log (OASIS): one run, rules `cis/<key>`, `pss/<checkId>`, `psp/<field>`.' });

export const TextReportSchema = z.string().openapi('TextReport', { description: 'One line per finding, `<file>:<line>: <severity> <rule> (<context>) <object> <path>: <message>`, then a `summary:` line.' });

export const JunitReportSchema = z.string().openapi('JunitReport', { description: 'JUnit XML: a <testsuite> per object, a <testcase> per control / check / admission.' });

/**
 * Request example: the shared example manifests (src/http/examples.ts) as `kubectl get -o yaml`
 * prints several objects, one `kind: List`.
 */
export const EVALUATE_EXAMPLE_YAML = asYamlList(FINDINGS_EXAMPLE_YAML);

function asYamlList(stream: string): string {
  const items = stream
    .split(/^---\n/m)
    .map((doc) => doc.trimEnd().split('\n').map((line, i) => (i === 0 ? '- ' : '  ') + line).join('\n'));
  return `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`;
}
