import { createRoute } from '@hono/zod-openapi';
import { DECISIONS, evaluatePodControls, evaluatePolicySet, findBenchmark, type CisOptions } from '../../cis';
import type { PodsecApp } from '../app-types';
import { readManifestRequest } from '../manifests';
import { atObjectPaths } from '../../report';
import { openapiWithRawBody } from '../openapi-route';
import { requireValidPolicies } from '../policies';
import { BenchmarksResponseSchema, FindingsQuerySchema, FindingsResponseSchema } from '../schemas/cis';
import { manifestRequestBody, problemResponses } from '../schemas/common';
import { BENCHMARKS, DEFAULT_BENCHMARK } from '../../cis';
import { FINDINGS_EXAMPLE_JSON, FINDINGS_EXAMPLE_YAML } from '../examples';
import type { z } from '@hono/zod-openapi';

const findingsRoute = createRoute({
  method: 'post',
  path: '/v1/findings',
  tags: ['CIS'],
  operationId: 'postFindings',
  summary: 'CIS Kubernetes Benchmark 5.2 findings for manifests',
  description:
    'Evaluates every pod-bearing object (Pod, PodTemplate, ReplicationController, ReplicaSet, Deployment, DaemonSet, StatefulSet, Job, CronJob; any apiVersion) against the pod-security controls (section 5.2, or 4.2 for managed-service benchmarks) of the chosen benchmark, and the set of PodSecurityPolicies in the body against the same controls. Other kinds are listed as skipped.',
  request: {
    query: FindingsQuerySchema,
    body: manifestRequestBody('Manifests: pods, workloads and PodSecurityPolicies, JSON or YAML.', { json: FINDINGS_EXAMPLE_JSON, yaml: FINDINGS_EXAMPLE_YAML }),
  },
  responses: {
    200: { description: 'Findings per object and, when the body holds PodSecurityPolicies, for the policy set.', content: { 'application/json': { schema: FindingsResponseSchema } } },
    ...problemResponses(400, 413, 415, 422, 500),
  },
});

const benchmarksRoute = createRoute({
  method: 'get',
  path: '/v1/benchmarks',
  tags: ['CIS'],
  operationId: 'listBenchmarks',
  summary: 'Benchmarks podsec knows, with their 5.2 controls',
  responses: {
    200: { description: 'Every benchmark, the Kubernetes versions it covers and its pod-security controls.', content: { 'application/json': { schema: BenchmarksResponseSchema } } },
  },
});

type FindingsResponse = z.output<typeof FindingsResponseSchema>;

export function registerFindings(app: PodsecApp): void {
  app.openapi(benchmarksRoute, (c) => c.json({ default: DEFAULT_BENCHMARK, benchmarks: BENCHMARKS.map((b) => ({ ...b, controls: [...b.controls] })) }, 200));

  openapiWithRawBody(app, findingsRoute, async (c, query) => {
    const manifests = await readManifestRequest(c);
    requireValidPolicies(manifests.policies);
    const benchmark = findBenchmark(query.benchmark)!;
    const options: CisOptions = {
      benchmark: benchmark.name,
      containerScope: query.containerScope,
      rootRule: query.rootRule,
      privilegeEscalation: query.privilegeEscalation,
      ...(query.quantifier ? { quantifier: query.quantifier } : {}),
    };
    const body: FindingsResponse = {
      benchmark: { name: benchmark.name, title: benchmark.title, section: benchmark.section, group: benchmark.group, kubernetesVersions: benchmark.kubernetesVersions },
      objects: manifests.pods.map((p) => ({
        object: p.ref,
        controls: evaluatePodControls(p.template, { ...options, isPod: p.isPod }).map((r) => atObjectPaths(r, p.templatePath)),
      })),
      policySet:
        manifests.policies.length === 0
          ? null
          : { policies: manifests.policies.map((p) => p.ref), controls: evaluatePolicySet(manifests.policies.map((p) => p.policy), options) },
      skipped: manifests.skipped.map((s) => ({ object: s.ref, reason: s.reason })),
      notes: [...DECISIONS],
    };
    return c.json(body, 200);
  });
}
