/**
 * Response schemas of the CIS routes, for the document only. They mirror src/cis/types.ts; the
 * handlers' type annotations (type-only imports) keep the two in step at compile time.
 */
import { z } from '@hono/zod-openapi';
import { DEFAULT_BENCHMARK } from '../../cis';
import { ObjectRefSchema, SkippedObjectSchema } from './common';

export const AssessmentSchema = z
  .enum(['Automated', 'Manual', 'Scored', 'Not Scored'])
  .nullable()
  .openapi('CisAssessment', { description: "CIS's own marker from the control's title; null where the document has none." });

export const ControlStatusSchema = z
  .enum(['pass', 'fail', 'manual', 'notApplicable'])
  .openapi('ControlStatus', { description: '`manual`: cannot be decided from the submitted objects. `notApplicable`: the control does not apply to this input.' });

export const NoteSchema = z
  .object({
    code: z.string().openapi({ example: 'escalation-unset' }),
    message: z.string(),
    path: z.string().optional(),
    container: z.string().optional(),
  })
  .openapi('Note', { description: 'A decision the specification leaves open, as podsec decided it, or context that does not fail the control.' });

export const FindingSchema = z
  .object({
    path: z.string().openapi({ description: 'Kubernetes field path within the submitted object.', example: 'spec.template.spec.initContainers[0].securityContext.privileged' }),
    container: z.string().optional().openapi({ example: 'setup' }),
    value: z.unknown().optional().openapi({ description: 'The value observed at `path`.', example: true }),
    reason: z.string().openapi({ description: 'Stable reason code.', example: 'privileged' }),
    message: z.string(),
    remediation: z.string(),
    inheritedFrom: z.literal('pod').optional().openapi({ description: 'Set when the value came from the pod-level securityContext.' }),
  })
  .openapi('Finding');

export const ControlResultSchema = z
  .object({
    id: z.string().openapi({ description: "The benchmark's own control ID.", example: '5.2.2' }),
    key: z.string().openapi({ description: 'Stable canonical key, the same in every benchmark.', example: 'privileged' }),
    title: z.string().openapi({ example: 'Minimize the admission of privileged containers' }),
    assessment: AssessmentSchema,
    status: ControlStatusSchema,
    findings: z.array(FindingSchema),
    notes: z.array(NoteSchema),
  })
  .openapi('ControlResult');

export const PolicyVerdictSchema = z
  .object({ policy: z.string(), status: ControlStatusSchema, findings: z.array(FindingSchema) })
  .openapi('PolicyVerdict');

export const PolicySetControlSchema = ControlResultSchema.extend({
  quantifier: z.enum(['exists', 'all']).nullable().openapi({ description: '`exists`: at least one PSP must satisfy the control; `all`: every PSP must.' }),
  satisfiedBy: z.array(z.string()),
  policies: z.array(PolicyVerdictSchema),
}).openapi('PolicySetControl');

export const BenchmarkControlSchema = z
  .object({ id: z.string(), key: z.string(), title: z.string(), assessment: AssessmentSchema })
  .openapi('BenchmarkControl');

export const BenchmarkSchema = z
  .object({
    name: z.string().openapi({ example: DEFAULT_BENCHMARK }),
    title: z.string(),
    section: z.string().openapi({ example: '5.2' }),
    group: z.string().openapi({ example: 'Pod Security Standards' }),
    kubernetesVersions: z.array(z.string()).nullable().openapi({ description: 'Kubernetes minor versions kube-bench maps to this benchmark; null for managed-service benchmarks chosen by name.' }),
    controls: z.array(BenchmarkControlSchema),
  })
  .openapi('Benchmark');

export const BenchmarksResponseSchema = z
  .object({ default: z.string().openapi({ example: DEFAULT_BENCHMARK }), benchmarks: z.array(BenchmarkSchema) })
  .openapi('BenchmarkList');

export const ObjectControlsSchema = z
  .object({ object: ObjectRefSchema, controls: z.array(ControlResultSchema) })
  .openapi('ObjectFindings');

export const PolicySetResultSchema = z
  .object({ policies: z.array(ObjectRefSchema), controls: z.array(PolicySetControlSchema) })
  .openapi('PolicySetFindings', { description: 'Set-level verdict over the PodSecurityPolicies of the request, with each policy\'s own verdict.' });

export const FindingsResponseSchema = z
  .object({
    benchmark: BenchmarkSchema.omit({ controls: true }),
    objects: z.array(ObjectControlsSchema),
    policySet: PolicySetResultSchema.nullable(),
    skipped: z.array(SkippedObjectSchema),
    notes: z.array(NoteSchema).openapi({ description: 'Every decision point of the specification as podsec decided it.' }),
  })
  .openapi('FindingsResponse');
