import type { z } from '@hono/zod-openapi';
import { BENCHMARKS, DECISIONS, DEFAULT_BENCHMARK, evaluatePodControls, evaluatePolicySet, findBenchmark, type CisOptions } from '../../cis';
import { atObjectPaths } from '../../report';
import type { PodsecApp } from '../app-types';
import { registerEndpoint, type Endpoint } from '../endpoint';
import { readManifestRequest } from '../manifests';
import { requireValidPolicies } from '../policies';
import type { BenchmarksResponseSchema, FindingsResponseSchema } from '../schemas/cis';
import { FindingsQuerySchema } from '../schemas/request';

export const benchmarksEndpoint = { method: 'get', path: '/v1/benchmarks' } as const satisfies Endpoint;
export const findingsEndpoint = { method: 'post', path: '/v1/findings', request: { query: FindingsQuerySchema } } as const satisfies Endpoint;

export function registerFindings(app: PodsecApp): void {
  registerEndpoint(app, benchmarksEndpoint, (c) =>
    c.json({ default: DEFAULT_BENCHMARK, benchmarks: BENCHMARKS.map((b) => ({ ...b, controls: [...b.controls] })) } satisfies z.output<typeof BenchmarksResponseSchema>, 200),
  );

  registerEndpoint(app, findingsEndpoint, async (c, query) => {
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
    const body: z.output<typeof FindingsResponseSchema> = {
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
