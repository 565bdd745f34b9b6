/**
 * CIS Kubernetes Benchmark 5.2 (and managed-service 4.2) engine. Spec: cis-5.2.md.
 * Pure functions over ingested objects (see src/k8s/types.ts); no I/O.
 */

export type {
  Assessment,
  BenchmarkControl,
  BenchmarkInfo,
  CanonicalKey,
  CisOptions,
  ControlResult,
  ControlStatus,
  Finding,
  Note,
  PolicySetControl,
  PolicyVerdict,
} from './types';
export { BENCHMARKS, DEFAULT_BENCHMARK, findBenchmark } from './benchmarks';
export { evaluatePodControls, evaluatePolicySet } from './evaluate';
export { DECISIONS, decisionSpecSection } from './decisions';
export { REASON } from './reasons';
export { CONTROLS } from './controls';
