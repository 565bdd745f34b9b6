/** Response schemas of the PodSecurityPolicy routes, for the document only (handlers import them as types). */
import { z } from '@hono/zod-openapi';
import type { AdmissionResultBody } from '../../report/admission-shape';
import { ObjectRefSchema, SkippedObjectSchema } from './common';
import { KubernetesObjectSchema } from './openapi-schema';

export const PspViolationSchema = z
  .object({
    field: z.string().openapi({ description: 'Field path exactly as the plugin reports it (paths of a pod, also for workloads).', example: 'spec.containers[0].securityContext.privileged' }),
    type: z.enum(['Invalid value', 'Required value', 'Forbidden', 'Unsupported value', 'Duplicate value', 'Too long', 'Too many', 'Not found', 'Internal error']),
    value: z.string().optional().openapi({ description: 'The bad value rendered as Go prints it.', example: 'true' }),
    detail: z.string().openapi({ example: 'Privileged containers are not allowed' }),
    message: z.string().openapi({ example: 'spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed' }),
  })
  .openapi('PspViolation');

export const PolicyEvaluationSchema = z
  .object({
    policy: z.string(),
    usable: z.boolean().openapi({ description: 'Whether the requester or the pod\'s service account may use the policy (`usablePolicies`).' }),
    allowed: z.boolean().openapi({ description: 'The policy admits its own mutated copy of the pod.' }),
    mutating: z.boolean().openapi({ description: 'The policy would change the pod.' }),
    violations: z.array(PspViolationSchema),
    providerError: z.string().optional().openapi({ description: 'Why the plugin could not build this policy (it was then ignored, as Kubernetes ignores it).' }),
    skipped: z.enum(['mutation-not-allowed', 'provider-error', 'not-usable']).optional(),
  })
  .openapi('PolicyEvaluation');

export const JsonPatchOpSchema = z
  .object({ op: z.enum(['add', 'remove', 'replace']), path: z.string(), value: z.unknown().optional() })
  .openapi('JsonPatchOperation');

export const AdmissionResultSchema = z
  .object({
    object: ObjectRefSchema.optional(),
    allowed: z.boolean(),
    policy: z.string().nullable().openapi({ description: 'The PodSecurityPolicy the plugin applied; null when denied (or an UPDATE the plugin ignores).' }),
    pod: z.record(z.string(), z.unknown()).optional().openapi({ description: 'When allowed: the pod as admitted (mutated, with the kubernetes.io/psp annotation). For a workload: its pod template `{metadata, spec}`.' }),
    patch: z.array(JsonPatchOpSchema).openapi({ description: 'RFC 6902 JSON Patch from the submitted pod (or pod template) to `pod`.' }),
    reason: z.string().optional().openapi({ description: "When denied: the apiserver's whole message.", example: 'pods "p" is forbidden: PodSecurityPolicy: unable to admit pod: [spec.containers[0].securityContext.privileged: Invalid value: true: Privileged containers are not allowed]' }),
    evaluations: z.array(PolicyEvaluationSchema).openapi({ description: 'Every policy, in the order the plugin considered it.' }),
    auditAnnotations: z.record(z.string(), z.string()).optional(),
  })
  .openapi('AdmissionResult');

export const AdmissionStreamResponseSchema = z
  .object({ results: z.array(AdmissionResultSchema), skipped: z.array(SkippedObjectSchema) })
  .openapi('AdmissionResults');

// The engine-side shape (src/report/admission-shape.ts) and this schema must describe the same answer.
type _SameAdmissionShape = [AdmissionResultBody] extends [z.output<typeof AdmissionResultSchema>] ? true : never;
const _sameAdmissionShape: _SameAdmissionShape = true;
void _sameAdmissionShape;

export const ExamplePoliciesSchema = z
  .object({ policies: z.array(KubernetesObjectSchema) })
  .openapi('ExamplePolicies', { description: 'The PodSecurityPolicies the Kubernetes documentation shipped (kubernetes/website, content/en/examples/policy; CC-BY-4.0).' });
