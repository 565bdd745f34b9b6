import { createRoute } from '@hono/zod-openapi';
import { FINDINGS_EXAMPLE_JSON, FINDINGS_EXAMPLE_YAML } from '../examples';
import { benchmarksEndpoint, findingsEndpoint } from '../routes/findings';
import { BenchmarksResponseSchema, FindingsResponseSchema } from '../schemas/cis';
import { manifestRequestBody, problemResponses } from '../schemas/common';
import { documentedEndpoint } from '../schemas/openapi-schema';

const documentedBenchmarksEndpoint = documentedEndpoint(benchmarksEndpoint);
const documentedFindingsEndpoint = documentedEndpoint(findingsEndpoint);

export const findingsContract = createRoute({
  ...documentedFindingsEndpoint,
  tags: ['CIS'],
  operationId: 'postFindings',
  summary: 'CIS Kubernetes Benchmark 5.2 findings for manifests',
  description:
    'Evaluates every pod-bearing object (Pod, PodTemplate, ReplicationController, ReplicaSet, Deployment, DaemonSet, StatefulSet, Job, CronJob; any apiVersion) against the pod-security controls (section 5.2, or 4.2 for managed-service benchmarks) of the chosen benchmark, and the set of PodSecurityPolicies in the body against the same controls. Other kinds are listed as skipped.',
  request: {
    ...documentedFindingsEndpoint.request,
    body: manifestRequestBody('Manifests: pods, workloads and PodSecurityPolicies, JSON or YAML.', { json: FINDINGS_EXAMPLE_JSON, yaml: FINDINGS_EXAMPLE_YAML }),
  },
  responses: {
    200: { description: 'Findings per object and, when the body holds PodSecurityPolicies, for the policy set.', content: { 'application/json': { schema: FindingsResponseSchema } } },
    ...problemResponses(400, 413, 415, 422, 500),
  },
});

export const benchmarksContract = createRoute({
  ...documentedBenchmarksEndpoint,
  tags: ['CIS'],
  operationId: 'listBenchmarks',
  summary: 'Benchmarks podsec knows, with their 5.2 controls',
  responses: {
    200: { description: 'Every benchmark, the Kubernetes versions it covers and its pod-security controls.', content: { 'application/json': { schema: BenchmarksResponseSchema } } },
  },
});
