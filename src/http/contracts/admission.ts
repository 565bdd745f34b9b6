import { createRoute } from '@hono/zod-openapi';
import { ADMISSION_EXAMPLE_JSON, ADMISSION_EXAMPLE_YAML } from '../examples';
import { admissionEndpoint } from '../routes/admission';
import { ManifestsYamlSchema, problemResponses } from '../schemas/common';
import { documentedEndpoint, openApiSchemaOf } from '../schemas/openapi-schema';
import { AdmissionResultSchema, AdmissionStreamResponseSchema } from '../schemas/psp';
import { AdmissionRequestSchema } from '../schemas/request';

const documentedAdmissionEndpoint = documentedEndpoint(admissionEndpoint);

export const admissionContract = createRoute({
  ...documentedAdmissionEndpoint,
  tags: ['PSP'],
  operationId: 'postAdmission',
  summary: 'PodSecurityPolicy admission, as the apiserver did it',
  description: [
    'Answers what the PodSecurityPolicy admission plugin (Kubernetes 1.16–1.24) would have done with a pod and a set of policies: which policy it applies, how that policy mutates the pod, and, when none admits it, the apiserver\'s exact rejection, with every policy\'s own field errors.',
    '',
    'JSON body: `{pod, policies, operation, oldPod, usablePolicies}`; the answer is one `AdmissionResult`. YAML body: a stream holding the policies and one or more pod-bearing objects; the answer is `{results: [AdmissionResult per pod-bearing object, in order]}` (CREATE, every policy usable).',
    '',
    'For a workload (Deployment, CronJob, ...) the plugin would see the pods its controller creates: `pod` and `patch` are for the pod template (`{metadata, spec}`), and violation paths stay as the plugin reports them for a pod (`spec.containers[0]...`). The pod name in the message is the template\'s name or generateName, else the workload\'s name.',
    '',
    'Errors of several rejecting policies are concatenated in the order the plugin considered them (Kubernetes itself concatenates them in random order). An invalid PodSecurityPolicy is a 422 listing each invalid field with the apiserver\'s validation message; it is never evaluated.',
  ].join('\n'),
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: openApiSchemaOf(AdmissionRequestSchema), example: ADMISSION_EXAMPLE_JSON },
        'application/yaml': { schema: ManifestsYamlSchema, example: ADMISSION_EXAMPLE_YAML },
        'application/x-yaml': { schema: ManifestsYamlSchema },
        'text/yaml': { schema: ManifestsYamlSchema },
      },
    },
  },
  responses: {
    200: {
      description: 'The admission decision (200 whether admitted or not). JSON body: one AdmissionResult; YAML body: `{results}`.',
      content: { 'application/json': { schema: AdmissionResultSchema.or(AdmissionStreamResponseSchema) } },
    },
    ...problemResponses(400, 413, 415, 422, 500),
  },
});
