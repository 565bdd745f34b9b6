/**
 * admission.k8s.io AdmissionReview, as documented in the OpenAPI document. Only documentation:
 * the body is read by src/webhook, which answers malformed reviews with an AdmissionReview refusal.
 */
import { z } from '@hono/zod-openapi';

const GroupVersionKindSchema = z.object({ group: z.string(), version: z.string(), kind: z.string() }).openapi('GroupVersionKind');
const GroupVersionResourceSchema = z.object({ group: z.string(), version: z.string(), resource: z.string() }).openapi('GroupVersionResource');

export const ADMISSION_REVIEW_REQUEST_EXAMPLE = {
  apiVersion: 'admission.k8s.io/v1',
  kind: 'AdmissionReview',
  request: {
    uid: '705ab4f5-6393-11e8-b7cc-42010a800002',
    kind: { group: '', version: 'v1', kind: 'Pod' },
    resource: { group: '', version: 'v1', resource: 'pods' },
    requestKind: { group: '', version: 'v1', kind: 'Pod' },
    requestResource: { group: '', version: 'v1', resource: 'pods' },
    name: 'web',
    namespace: 'shop',
    operation: 'CREATE',
    userInfo: { username: 'alice', groups: ['system:authenticated'] },
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27', securityContext: { privileged: true } }] },
    },
    oldObject: null,
    dryRun: false,
    options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
  },
};

export const ADMISSION_REVIEW_RESPONSE_EXAMPLE = {
  apiVersion: 'admission.k8s.io/v1',
  kind: 'AdmissionReview',
  response: {
    uid: '705ab4f5-6393-11e8-b7cc-42010a800002',
    allowed: false,
    status: {
      metadata: {},
      status: 'Failure',
      message: 'pods "web" is forbidden: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)',
      reason: 'Forbidden',
      details: { name: 'web', kind: 'pods' },
      code: 403,
    },
    auditAnnotations: {
      'enforce-policy': 'baseline:latest',
      'audit-violations':
        'would violate PodSecurity "restricted:latest": privileged (container "app" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    },
  },
};

export const AdmissionReviewRequestSchema = z
  .object({
    apiVersion: z.enum(['admission.k8s.io/v1', 'admission.k8s.io/v1beta1']),
    kind: z.literal('AdmissionReview'),
    request: z
      .looseObject({
        uid: z.string().openapi({ description: 'Echoed in the response, as the apiserver requires.' }),
        kind: GroupVersionKindSchema,
        resource: GroupVersionResourceSchema,
        subResource: z.string().optional(),
        requestKind: GroupVersionKindSchema.optional(),
        requestResource: GroupVersionResourceSchema.optional(),
        requestSubResource: z.string().optional(),
        name: z.string().optional().openapi({ description: 'Empty on a CREATE that relies on generateName, until the validating phase.' }),
        namespace: z.string().optional(),
        operation: z.enum(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']),
        userInfo: z.looseObject({}).optional(),
        object: z.looseObject({}).nullable().optional().openapi({ description: 'The Pod or workload, as the apiserver has it after defaulting.' }),
        oldObject: z.looseObject({}).nullable().optional().openapi({ description: 'UPDATE: the object before the change.' }),
        dryRun: z.boolean().optional(),
        options: z.looseObject({}).nullable().optional(),
      })
      .openapi('AdmissionReviewRequestBody'),
  })
  .openapi('AdmissionReview', { description: 'An admission.k8s.io/v1 (or v1beta1) AdmissionReview request, exactly as a kube-apiserver sends it.', example: ADMISSION_REVIEW_REQUEST_EXAMPLE });

const StatusSchema = z
  .object({
    metadata: z.object({}),
    status: z.literal('Failure'),
    message: z.string().openapi({ description: "The apiserver's wording; kubectl shows it after `admission webhook \"<name>\" denied the request: `." }),
    reason: z.enum(['Forbidden', 'BadRequest', 'RequestEntityTooLarge', 'InternalError']),
    details: z.object({ name: z.string().optional(), kind: z.string() }).optional(),
    code: z.int().openapi({ description: '403 policy denial; 400 malformed review; 413 review over PODSEC_MAX_BODY_BYTES; 500 misconfigured webhook.' }),
  })
  .openapi('AdmissionReviewStatus');

export const AdmissionReviewResponseSchema = z
  .object({
    apiVersion: z.enum(['admission.k8s.io/v1', 'admission.k8s.io/v1beta1']).openapi({ description: 'The apiVersion of the request (v1 when it could not be read).' }),
    kind: z.literal('AdmissionReview'),
    response: z.object({
      uid: z.string().openapi({ description: "The request's uid; empty when it could not be read." }),
      allowed: z.boolean(),
      status: StatusSchema.optional(),
      patchType: z.literal('JSONPatch').optional().openapi({ description: '`?mode=mutating` only, when a PodSecurityPolicy changes the pod.' }),
      patch: z.string().optional().openapi({ description: 'base64 of an RFC 6902 JSON Patch.', example: 'W3sib3AiOiJhZGQiLCJwYXRoIjoiL21ldGFkYXRhL2Fubm90YXRpb25zIiwidmFsdWUiOnsia3ViZXJuZXRlcy5pby9wc3AiOiJyZXN0cmljdGVkIn19XQ==' }),
      warnings: z.array(z.string()).optional(),
      auditAnnotations: z.record(z.string(), z.string()).optional().openapi({ description: 'Keys without prefix: the apiserver stores them as `<webhook name>/<key>`.' }),
    }),
  })
  .openapi('AdmissionReviewAnswer', { description: 'The answer: always HTTP 200, even for a malformed review.', example: ADMISSION_REVIEW_RESPONSE_EXAMPLE });

